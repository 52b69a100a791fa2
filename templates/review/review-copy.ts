// Copy for the review cards, in both languages.
import type { Locale } from "../../src/domain/locale.js";
import type { TRule } from "../../src/domain/reviews/chain.js";
import type { ReviewDecisionKind } from "../../src/domain/reviews/rules.js";
import type { LevelStatus, ReviewStatus } from "../../src/domain/reviews/status.js";

/** The strings review templates use. */
export interface ReviewCopy {
  title: (reviewId: number, topicId: number, title: string) => string;
  author: string; version: string; level: string; rule: string; reviewers: string; due: string; flags: string;
  chain: string; status: string; cc: string; note: string; reason: string; draft: string; openDraft: string;
  urgent: string; sensitive: string; overdue: string;
  approve: string; changes: string; reject: string; nudge: string; withdraw: string;
  back: (level: number) => string;
  changesPrompt: string; rejectPrompt: string; backPrompt: string; withdrawPrompt: string;
  levelOf: (level: number, levels: number, name: string) => string;
  ruleText: (rule: TRule, count: number) => string;
  changesSince: (v: number) => string;
  askedBy: (v: number, by: string, reason: string) => string;
  omitted: (n: number) => string;
  earlier: string;
  secondPerson: string;
  decision: Record<ReviewDecisionKind, string>;
  levelStatus: Record<LevelStatus | "not_asked", string>;
  reviewStatus: Record<ReviewStatus, string>;
  waitingOn: (names: string) => string;
  dueAt: (at: string) => string;
  took: (d: string) => string;
  duration: (minutes: number) => string;
  outcome: { approved: string; changes_requested: string; sent_back: (to: number) => string; rejected: string; withdrawn: string };
  byAt: (verb: string, by: string, where: string, at: string) => string;
  where: (level: number, levels: number) => string;
  history: string;
  versionLine: (v: number, by: string, at: string, status: string) => string;
  sep: string;
}

const enDuration = (m: number): string => {
  const h = Math.floor(m / 60);
  const r = Math.round(m % 60);
  if (h >= 24) return `${Math.floor(h / 24)}d ${h % 24}h`;
  return h > 0 ? `${h}h ${String(r).padStart(2, "0")}m` : `${r}m`;
};
const zhDuration = (m: number): string => {
  const h = Math.floor(m / 60);
  const r = Math.round(m % 60);
  if (h >= 24) return `${Math.floor(h / 24)}天${h % 24}小时`;
  return h > 0 ? `${h}小时${r}分` : `${r}分钟`;
};

export const reviewCopy: Record<Locale, ReviewCopy> = {
  en: {
    title: (r, t, title) => `Review R${r} · #${t} ${title}`,
    author: "Author", version: "Version", level: "Level", rule: "Rule", reviewers: "Reviewers", due: "Due", flags: "Flags",
    chain: "Chain", status: "Status", cc: "CC", note: "Note", reason: "Reason", draft: "Draft", openDraft: "Open the draft",
    urgent: "urgent", sensitive: "sensitive", overdue: "⚠ overdue",
    approve: "Approve", changes: "Request changes", reject: "Reject", nudge: "Nudge", withdraw: "Withdraw",
    back: (l) => `Back to level ${l}`,
    changesPrompt: "What needs to change?", rejectPrompt: "Why is it rejected?", backPrompt: "Why send it back?", withdrawPrompt: "Why withdraw? (optional)",
    levelOf: (l, n, name) => `${l} / ${n} · ${name}`,
    ruleText: (r, n) => (r === "any" ? `any one${n ? ` of ${n}` : ""}` : r === "all" ? `all${n ? ` ${n}` : ""}` : `at least ${r.atLeast}${n ? ` of ${n}` : ""}`),
    changesSince: (v) => `Changes since v${v}:`,
    askedBy: (v, by, reason) => `v${v} was sent back by ${by}: ${reason}`,
    omitted: (n) => `…and ${n} more changed lines`,
    earlier: "Earlier levels",
    secondPerson: "The rule is met, but only one person has approved this chain: it needs a second reviewer (two-person rule).",
    decision: { approve: "approved", changes: "requested changes", reject: "rejected" },
    levelStatus: { pending: "waiting", approved: "approved", changes_requested: "changes requested", sent_back: "sent back", rejected: "rejected", withdrawn: "withdrawn", not_asked: "not asked yet" },
    reviewStatus: { open: "in review", changes_requested: "changes requested", approved: "approved", rejected: "rejected", withdrawn: "withdrawn" },
    waitingOn: (names) => `waiting on ${names}`,
    dueAt: (at) => `due ${at}`,
    took: (d) => `took ${d}`,
    duration: enDuration,
    outcome: { approved: "Approved", changes_requested: "Changes requested", sent_back: (to) => `Sent back to level ${to}`, rejected: "Rejected", withdrawn: "Withdrawn" },
    byAt: (verb, by, where, at) => `${verb} by ${by}${where ? ` · ${where}` : ""} · ${at}`,
    where: (l, n) => `level ${l}/${n}`,
    history: "History",
    versionLine: (v, by, at, status) => `v${v} · submitted by ${by} · ${at} · ${status}`,
    sep: ", ",
  },
  "zh-CN": {
    title: (r, t, title) => `审核 R${r} · #${t} ${title}`,
    author: "作者", version: "版本", level: "级别", rule: "规则", reviewers: "审核人", due: "截止", flags: "标记",
    chain: "审核流程", status: "状态", cc: "抄送", note: "说明", reason: "原因", draft: "稿件", openDraft: "查看稿件",
    urgent: "加急", sensitive: "敏感", overdue: "⚠ 已超时",
    approve: "通过", changes: "要求修改", reject: "驳回", nudge: "催办", withdraw: "撤回",
    back: (l) => `退回第 ${l} 级`,
    changesPrompt: "需要修改什么？", rejectPrompt: "驳回原因？", backPrompt: "退回原因？", withdrawPrompt: "撤回原因（可不填）",
    levelOf: (l, n, name) => `${l} / ${n} · ${name}`,
    ruleText: (r, n) => {
      const of = n ? `共 ${n} 人` : "";
      return r === "any" ? `任一人通过（或签${of ? `，${of}` : ""}）` : r === "all" ? `全部通过（会签${of ? `，${of}` : ""}）` : `至少 ${r.atLeast} 人通过${of ? `（${of}）` : ""}`;
    },
    changesSince: (v) => `与 v${v} 相比的修改：`,
    askedBy: (v, by, reason) => `v${v} 被 ${by} 退回：${reason}`,
    omitted: (n) => `……另有 ${n} 行修改`,
    earlier: "前几级意见",
    secondPerson: "本级规则已满足，但整个流程目前只有一人通过，还需要另一位审核人（双人原则）。",
    decision: { approve: "通过", changes: "要求修改", reject: "驳回" },
    levelStatus: { pending: "待审核", approved: "已通过", changes_requested: "要求修改", sent_back: "已退回", rejected: "已驳回", withdrawn: "已撤回", not_asked: "未开始" },
    reviewStatus: { open: "审核中", changes_requested: "待修改", approved: "审核通过", rejected: "已驳回", withdrawn: "已撤回" },
    waitingOn: (names) => `待 ${names} 审核`,
    dueAt: (at) => `截止 ${at}`,
    took: (d) => `用时 ${d}`,
    duration: zhDuration,
    outcome: { approved: "已通过", changes_requested: "要求修改", sent_back: (to) => `退回至第 ${to} 级`, rejected: "已驳回", withdrawn: "已撤回" },
    byAt: (verb, by, where, at) => `${by} ${verb}${where ? ` · ${where}` : ""} · ${at}`,
    where: (l, n) => `第 ${l}/${n} 级`,
    history: "审核记录",
    versionLine: (v, by, at, status) => `v${v} · ${by} 提交 · ${at} · ${status}`,
    sep: "、",
  },
};
