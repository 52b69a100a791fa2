// Budgets (预算) in both languages: the line of one budget (the digest and /kpi budget list), the confirmations of
// /kpi budget set and /kpi spend, and the warning a manager gets when a budget crosses 80 %, 100 % or its pace.
import type { Locale } from "../../src/domain/locale.js";
import type { NoticeView } from "../common/notice.card.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import type { DigestBudget } from "./digest-view.js";
import { formatValue } from "./format.js";

/** Money as the cards write it: ¥12,345.5. */
export const money = (v: number, l: Locale): string => formatValue("spend", v, l);

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** "抖音投放（抖音）" / "brand (all platforms)". */
function budgetTitle(l: Locale, name: string, platform: string | null): string {
  const where = platform ? nameOf(PLATFORM_NAMES, l, platform) : l === "en" ? "all platforms" : "全部平台";
  return l === "en" ? `${name} (${where})` : `${name}（${where}）`;
}

/** The words of a period kind. */
function periodWord(l: Locale, period: string): string {
  const en: Record<string, string> = { month: "monthly", quarter: "quarterly", custom: "fixed span" };
  const zh: Record<string, string> = { month: "每月", quarter: "每季度", custom: "固定时段" };
  return (l === "en" ? en : zh)[period] ?? "";
}

/** One budget's use and pace: "brand (all platforms): ¥42,000 of ¥50,000 (84%) in 11-01–11-30, 87% of the period gone; pace ¥48,300 by 11-30". */
export function budgetLine(b: DigestBudget, l: Locale): string {
  const head = budgetTitle(l, b.name, b.platform);
  const span = `${b.periodStart}–${b.periodEnd.slice(5)}`;
  const share = b.amount > 0 ? b.spent / b.amount : 0;
  const flag = share >= 1 ? "🔴 " : share >= 0.8 || (b.projected !== null && b.projected > b.amount) ? "🟠 " : "";
  const pace = b.projected === null
    ? l === "en" ? "too early to project" : "天数太少，暂不预测"
    : b.projected > b.amount
      ? l === "en" ? `at this pace ${money(b.projected, l)} by ${b.periodEnd}: over by ${money(b.projected - b.amount, l)}` : `按当前速度到 ${b.periodEnd} 将花费 ${money(b.projected, l)}，超支 ${money(b.projected - b.amount, l)}`
      : l === "en" ? `at this pace ${money(b.projected, l)} by ${b.periodEnd}` : `按当前速度到 ${b.periodEnd} 将花费 ${money(b.projected, l)}`;
  return l === "en"
    ? `${flag}${head}: ${money(b.spent, l)} of ${money(b.amount, l)} (${pct(share)}) in ${span}, ${pct(b.elapsed)} of the period gone; ${pace}`
    : `${flag}${head}：${span} 已花费 ${money(b.spent, l)} / ${money(b.amount, l)}（${pct(share)}），时间已过 ${pct(b.elapsed)}；${pace}`;
}

/** The digest's and the list's heading. */
export function budgetsHeading(l: Locale): string {
  return l === "en" ? "Budgets" : "预算";
}

/** "/kpi budget set" done. */
export function budgetSetNotice(l: Locale, m: { name: string; platform: string | null; amount: number; period: string; start: string; end: string; changed: boolean }): NoticeView {
  const head = budgetTitle(l, m.name, m.platform);
  if (l === "en") return { title: `Budget ${m.changed ? "changed" : "set"}: ${head} ${money(m.amount, l)}, ${periodWord(l, m.period)}`, lines: [`Current period: ${m.start} to ${m.end}. Managers are told at 80 %, at 100 %, and when the pace projects an overspend.`], tone: "success" };
  return { title: `已${m.changed ? "修改" : "设定"}预算：${head} ${money(m.amount, l)}，${periodWord(l, m.period)}`, lines: [`当前时段：${m.start} 至 ${m.end}。使用达到 80%、100%，或按速度预计超支时，会提醒管理者。`], tone: "success" };
}

/** "/kpi budget list". */
export function budgetListNotice(l: Locale, budgets: DigestBudget[]): NoticeView {
  if (budgets.length === 0) return { title: budgetsHeading(l), lines: [l === "en" ? "No budgets yet. Set one with /kpi budget set <name> <amount>." : "还没有预算。可用 /kpi budget set <名称> <金额> 设定。"], tone: "info" };
  return { title: budgetsHeading(l), lines: budgets.map((b) => budgetLine(b, l)), tone: "info" };
}

/** "/kpi spend" done, with the budget's use after it. */
export function spendNotice(l: Locale, m: { name: string; amount: number; day: string; budget: DigestBudget }): NoticeView {
  const title = l === "en" ? `Recorded ${money(m.amount, l)} against ${m.name} for ${m.day}` : `已记录预算“${m.name}”花费 ${money(m.amount, l)}（${m.day}）`;
  return { title, lines: [budgetLine(m.budget, l)], tone: "success" };
}

/** The warning a manager gets when a budget crosses one or more lines. */
export function budgetWarningNotice(l: Locale, m: { budget: DigestBudget; kinds: string[] }): NoticeView {
  const b = m.budget;
  const head = budgetTitle(l, b.name, b.platform);
  const what: string[] = [];
  if (m.kinds.includes("used_100")) what.push(l === "en" ? "100 % used" : "已用完（100%）");
  else if (m.kinds.includes("used_80")) what.push(l === "en" ? "80 % used" : "已用 80%");
  if (m.kinds.includes("pace")) what.push(l === "en" ? "overspend projected before the period ends" : "按当前速度将在期末前超支");
  const title = l === "en" ? `Budget warning: ${head}: ${what.join("; ")}` : `预算预警：${head}${what.join("；")}`;
  return { title, lines: [budgetLine(b, l)], tone: m.kinds.includes("used_100") ? "danger" : "warning" };
}
