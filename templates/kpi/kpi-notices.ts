// Confirmations of the /kpi commands, in the actor's language (a notice's text is rendered when written).
import type { Locale } from "../../src/domain/locale.js";
import type { NoticeView } from "../common/notice.card.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import { median } from "../../src/domain/kpi/moves.js";
import { sparkline } from "../../src/domain/kpi/sparkline.js";
import { headlineLine } from "./digest-lines.js";
import type { DigestHeadline } from "./digest-view.js";
import { formatValue } from "./format.js";
import { kpiCopy, metricArg, metricName } from "./kpi-copy.js";

/** "/kpi record" done. */
export function recordedNotice(l: Locale, m: { platform: string; account: string; metric: string; day: string; value: number; old: number | null; dayGiven?: boolean }): NoticeView {
  const p = platformAccount(l, m.platform, m.account);
  const v = formatValue(m.metric, m.value, l);
  const old = m.old === null ? null : formatValue(m.metric, m.old, l);
  // Without a day the value is stored for yesterday: say so, so nobody records today's figure by mistake.
  const which = m.dayGiven === false ? [l === "en" ? `No day given: stored for yesterday, ${m.day}. Add the day to record another one.` : `未写日期，已按昨天（${m.day}）记录。记录其他日期请在数值后写上日期。`] : [];
  if (l === "en") return { title: `Recorded: ${p} ${metricName(l, m.metric)} ${m.day} = ${v}`, lines: [...which, ...(old !== null ? [`Replaced ${old}; the old value is kept in the history.`] : [])], tone: "success" };
  return { title: `已记录：${p} ${metricName(l, m.metric)} ${m.day} = ${v}`, lines: [...which, ...(old !== null ? [`已替换原值 ${old}，原值保留在历史记录中。`] : [])], tone: "success" };
}

/** "抖音" for the platform's main account, "抖音/brand-2" for another. */
function platformAccount(l: Locale, platform: string, account: string): string {
  const p = nameOf(PLATFORM_NAMES, l, platform);
  return account === "main" ? p : `${p}/${account}`;
}

/** "/kpi target" done. */
export function targetNotice(l: Locale, m: { metric: string; scope: string; goalText: string; baseline: number; goal: number; startDay: string; endDay: string }): NoticeView {
  const name = `${metricName(l, m.metric)}${m.scope ? ` (${m.scope})` : ""}`;
  const b = formatValue(m.metric, m.baseline, l);
  const g = formatValue(m.metric, m.goal, l);
  if (l === "en") return { title: `Target set: ${name} ${m.goalText} by ${m.endDay}`, lines: [`Baseline ${b} on ${m.startDay} → goal ${g} on ${m.endDay}, linear.`], tone: "success" };
  return { title: `已设定目标：${name} ${m.goalText}，截止 ${m.endDay}`, lines: [`基线 ${b}（${m.startDay}）→ 目标 ${g}（${m.endDay}），按线性进度。`], tone: "success" };
}

/** "/kpi subscribe" done. */
export function subscribedNotice(l: Locale, m: { where: string; time: string; zone: string; workdays: boolean; platforms: string[]; next: string | null }): NoticeView {
  const ps = m.platforms.map((p) => nameOf(PLATFORM_NAMES, l, p)).join(l === "en" ? ", " : "、");
  if (l === "en") {
    return { title: `Daily KPI digest subscribed for ${m.where}`, tone: "success", lines: [`At ${m.time} ${m.zone}, ${m.workdays ? "on working days (Chinese holidays and make-up days included)" : "every day"}`, `Platforms: ${ps || "all"}`, ...(m.next ? [`Next digest: ${m.next}`] : [])] };
  }
  return { title: `已为${m.where}订阅每日数据简报`, tone: "success", lines: [`${m.zone} ${m.time}，${m.workdays ? "仅工作日（含法定节假日与调休）" : "每天"}`, `平台：${ps || "全部"}`, ...(m.next ? [`下次发送：${m.next}`] : [])] };
}

/** "/kpi unsubscribe" done. */
export function unsubscribedNotice(l: Locale, where: string): NoticeView {
  return l === "en" ? { title: `Daily KPI digest stopped for ${where}`, tone: "success" } : { title: `已取消${where}的每日数据简报`, tone: "success" };
}

/** The recipient's name in a notice. */
export function recipientName(l: Locale, to: "channel" | "me", channel: string): string {
  if (to === "me") return l === "en" ? "you (direct message)" : "你（私信）";
  return l === "en" ? `#${channel}` : ` #${channel} `;
}

/** What the "details" button of the digest shows: a metric's 28 daily values and its targets' pace. */
export interface MetricDetail {
  /** Null: every platform. */
  platform: string | null;
  metric: string;
  /** Oldest first, with the value of each (null: no data). */
  days: string[];
  values: (number | null)[];
  targets: DigestHeadline[];
}

/** The detail reply: sparkline, min/median/max, the values a week per line, then each target's pace. */
export function metricDetailNotice(l: Locale, m: MetricDetail): NoticeView {
  const en = l === "en";
  const c = kpiCopy[l];
  const what = [m.platform ? nameOf(PLATFORM_NAMES, l, m.platform) : en ? "All platforms" : "全部平台", metricName(l, m.metric)].join(" · ");
  const last = m.days.at(-1) ?? "";
  const v = (x: number | null) => (x === null ? c.dash : formatValue(m.metric, x, l));
  const known = m.values.filter((x): x is number => x !== null);
  const lines: string[] = [];
  if (known.length === 0) lines.push(en ? "No data in these 28 days." : "这 28 天没有数据。");
  else {
    const stats = en
      ? `min ${v(Math.min(...known))} · median ${v(median(known))} · max ${v(Math.max(...known))} (${known.length} of ${m.days.length} days with data)`
      : `最低 ${v(Math.min(...known))} · 中位数 ${v(median(known))} · 最高 ${v(Math.max(...known))}（${m.days.length} 天中 ${known.length} 天有数据）`;
    lines.push(`${sparkline(m.values)} ${stats}`);
  }
  for (let i = 0; i < m.days.length; i += 7) {
    const days = m.days.slice(i, i + 7);
    lines.push(`${days[0]} → ${days.at(-1)!.slice(5)}: ${m.values.slice(i, i + 7).map(v).join(" · ")}`);
  }
  if (m.targets.length === 0) lines.push(en ? "No target is set for this metric." : "该指标没有设定目标。");
  for (const t of m.targets) lines.push(headlineLine(t, l));
  return { title: en ? `${what}: 28 days to ${last}` : `${what}：截至 ${last} 的 28 天`, lines, tone: "info" };
}

/** A metric muted in a digest subscription. */
export function mutedNotice(l: Locale, m: { metric: string; where: string }): NoticeView {
  const name = metricName(l, m.metric);
  if (l === "en") return { title: `Muted ${name} in the digest for ${m.where}`, lines: [`Its unusual moves are no longer shown there. Undo with /kpi unmute ${m.metric}.`], tone: "success" };
  return { title: `已在${m.where}的数据简报中屏蔽${name}`, lines: [`不再显示它的异常波动。恢复可用 /kpi unmute ${metricArg(l, m.metric)}。`], tone: "success" };
}

/** A metric unmuted. */
export function unmutedNotice(l: Locale, m: { metric: string; where: string }): NoticeView {
  const name = metricName(l, m.metric);
  return l === "en" ? { title: `${name} is shown again in the digest for ${m.where}`, tone: "success" } : { title: `已在${m.where}的数据简报中恢复显示${name}`, tone: "success" };
}

/** The follow-up as the assignee reads it. */
export function followUpNotice(l: Locale, m: { by: string; platform: string | null; metric: string; day: string; note: string | null }): NoticeView {
  const what = [m.platform ? nameOf(PLATFORM_NAMES, l, m.platform) : l === "en" ? "All platforms" : "全部平台", metricName(l, m.metric)].join(" ");
  if (l === "en") return { title: `Follow-up for you: ${what} on ${m.day}`, lines: [`Assigned by ${m.by} from the daily KPI digest.`, ...(m.note ? [`Note: ${m.note}`] : [])], tone: "warning" };
  return { title: `需要你跟进：${what}（${m.day}）`, lines: [`由 ${m.by} 从每日数据简报中指派。`, ...(m.note ? [`说明：${m.note}`] : [])], tone: "warning" };
}

/** The follow-up confirmed to the one who assigned it. */
export function followUpAssignedNotice(l: Locale, m: { to: string; platform: string | null; metric: string; day: string }): NoticeView {
  const what = [m.platform ? nameOf(PLATFORM_NAMES, l, m.platform) : l === "en" ? "All platforms" : "全部平台", metricName(l, m.metric)].join(" ");
  return l === "en"
    ? { title: `Follow-up on ${what} (${m.day}) assigned to ${m.to}`, lines: [`${m.to} has been told.`], tone: "success" }
    : { title: `已将 ${what}（${m.day}）的跟进指派给 ${m.to}`, lines: [`已通知 ${m.to}。`], tone: "success" };
}

/** One stored row of an import, for the report. */
export interface ImportedRow {
  row: number;
  platform: string;
  account: string;
  metric: string;
  day: string;
  value: number;
  kind: "created" | "replaced" | "unchanged";
  old?: number;
}

/** Rows listed one per line in a report before "…and N more". */
export const IMPORT_REPORT_LINES = 50;

/** One stored row as a report line: "Line 2: Douyin/main Reads 2026-11-25 = 12,345 (new)". */
export function importedRowLine(l: Locale, r: ImportedRow): string {
  const en = l === "en";
  const v = formatValue(r.metric, r.value, l);
  const what = en
    ? { created: "new", replaced: `replaced ${r.old === undefined ? "" : formatValue(r.metric, r.old, l)}`.trim(), unchanged: "unchanged" }[r.kind]
    : { created: "新增", replaced: `替换原值 ${r.old === undefined ? "" : formatValue(r.metric, r.old, l)}`.trim(), unchanged: "未变" }[r.kind];
  const body = `${platformAccount(l, r.platform, r.account)} ${metricName(l, r.metric)} ${r.day} = ${v}`;
  return en ? `Line ${r.row}: ${body} (${what})` : `第 ${r.row} 行：${body}（${what}）`;
}

/** The import's outcome: every stored row, or every rejected line (nothing is stored then). */
export function importReportNotice(
  l: Locale,
  m: { ok: boolean; encoding?: string; stored: { created: number; replaced: number; unchanged: number } | null; rows: ImportedRow[]; errors: { row: number; message: string }[] },
): NoticeView {
  const en = l === "en";
  const more = (n: number) => (n > 0 ? [en ? `…and ${n} more` : `……另有 ${n} 行`] : []);
  const enc = m.encoding ? (en ? ` (read as ${m.encoding.toUpperCase()})` : `（按 ${m.encoding.toUpperCase()} 读取）`) : "";
  if (!m.ok || !m.stored) {
    const lines = m.errors.slice(0, IMPORT_REPORT_LINES).map((e) => (e.row > 0 ? (en ? `Line ${e.row}: ${e.message}` : `第 ${e.row} 行：${e.message}`) : e.message));
    const title = en ? `Nothing imported: ${m.errors.length} line${m.errors.length === 1 ? "" : "s"} to fix${enc}` : `未导入任何数据：有 ${m.errors.length} 行需要修改${enc}`;
    return { title, lines: [...lines, ...more(m.errors.length - IMPORT_REPORT_LINES), en ? "Fix them and import the whole file again." : "请修改后重新导入整个文件。"], tone: "danger" };
  }
  const s = m.stored;
  const total = s.created + s.replaced + s.unchanged;
  const title = en
    ? `Imported ${total} value${total === 1 ? "" : "s"}: ${s.created} new, ${s.replaced} replaced, ${s.unchanged} unchanged${enc}`
    : `已导入 ${total} 条数据：新增 ${s.created}，替换 ${s.replaced}，未变 ${s.unchanged}${enc}`;
  return { title, lines: [...m.rows.slice(0, IMPORT_REPORT_LINES).map((r) => importedRowLine(l, r)), ...more(m.rows.length - IMPORT_REPORT_LINES)], tone: "success" };
}
