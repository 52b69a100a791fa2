// Copy for the SLA cards, in both languages.
import type { Locale } from "../../src/domain/locale.js";
import type { SlaKind, SlaStatus, Urgency } from "../../src/domain/sla/index.js";
import type { SlaReason } from "./sla-view.js";

/** The strings SLA templates use. */
export interface SlaCopy {
  kinds: Record<SlaKind, string>;
  statuses: Record<SlaStatus, string>;
  urgency: Record<Urgency, string>;
  where: string; author: string; said: string; deadline: string; left: string; assignee: string; status: string;
  claim: string; answer: string; answerPrompt: string; dismiss: string; dismissPrompt: string; reassign: string; reassignPrompt: string;
  title: (reason: string, id: number) => string;
  reasons: Record<SlaReason, string>;
  step: (n: number, of: number) => string;
  duration: (minutes: number) => string;
  windowClosed: string;
  noHolidayData: (years: string) => string;
  summaryTitle: (n: number) => string;
  summaryHint: string;
  more: (n: number) => string;
  listTitle: (scope: "mine" | "board", n: number) => string;
  listEmpty: string;
  statsTitle: (from: string, to: string) => string;
  statsLine: (key: string, count: number, answered: number, median: string, p90: string, rate: string) => string;
  byPlatform: string; byAccount: string; byPerson: string; none: string;
  /** The outcome line of a closed item: status, by whom, when, and how long the first response took. */
  outcome: (status: string, by: string, at: string, took?: string) => string;
  took: (duration: string) => string;
  answerNote: string; dismissNote: string;
}

function zhDuration(m: number): string {
  const a = Math.abs(Math.round(m));
  const h = Math.floor(a / 60);
  return h > 0 ? `${h}小时${a % 60 ? `${a % 60}分` : ""}` : `${a}分钟`;
}
function enDuration(m: number): string {
  const a = Math.abs(Math.round(m));
  const h = Math.floor(a / 60);
  return h > 0 ? `${h}h${a % 60 ? ` ${a % 60}m` : ""}` : `${a}m`;
}

export const slaCopy: Record<Locale, SlaCopy> = {
  en: {
    kinds: { comment: "Comment", reply: "Reply", dm: "Message", complaint: "Complaint" },
    statuses: { open: "Open", claimed: "Being handled", answered: "Answered", dismissed: "Not needed" },
    urgency: { ok: "On track", due_soon: "Due soon", urgent: "Urgent: platform window closing", breached: "Breached", window_closed: "Reply window closed" },
    where: "Where", author: "From", said: "Said", deadline: "Deadline", left: "Time left", assignee: "Assignee", status: "Status",
    claim: "I'm on it", answer: "Answered", answerPrompt: "Paste the reply text or its link", dismiss: "Not needed",
    dismissPrompt: "Why is no reply needed (spam, duplicate, ...)?", reassign: "Reassign", reassignPrompt: "Reassign to whom (@handle)?",
    title: (reason, id) => `${reason} · #${id}`,
    reasons: { warn: "Reply due soon", breach: "Reply deadline missed", escalate: "Escalated: reply deadline missed", show: "Comment to answer", logged: "Logged" },
    step: (n, of) => `Escalation step ${n} of ${of}`,
    duration: (m) => (m >= 0 ? `${enDuration(m)} left` : `${enDuration(m)} overdue`),
    windowClosed: "The platform's 48-hour reply window has closed: the API will refuse a reply. Reply publicly, send a template message, or ask the user to write again.",
    noHolidayData: (y) => `⚠ The official arrangement for ${y} is not published yet: the deadline counts the statutory days off, but no make-up workdays.`,
    summaryTitle: (n) => `${n} comments need your reply`,
    summaryHint: "Type /sla mine to see them all with their buttons.",
    more: (n) => `… and ${n} more`,
    listTitle: (scope, n) => (scope === "mine" ? `Your open items (${n})` : `Open items by time left (${n})`),
    listEmpty: "Nothing open. 🎉",
    statsTitle: (from, to) => `First-response figures ${from === to ? from : `${from} – ${to}`}`,
    statsLine: (k, c, a, med, p90, rate) => `${k}: ${c} items, ${a} answered · median ${med} · p90 ${p90} · breached ${rate}`,
    byPlatform: "By platform", byAccount: "By account", byPerson: "By person", none: "—",
    outcome: (status, by, at, took) => `${status} by ${by} · ${at}${took ? ` · ${took}` : ""}`,
    took: (d) => `first response in ${d} (working time)`,
    answerNote: "Reply", dismissNote: "Reason",
  },
  "zh-CN": {
    kinds: { comment: "评论", reply: "回复", dm: "私信", complaint: "投诉" },
    statuses: { open: "待处理", claimed: "处理中", answered: "已回复", dismissed: "无需回复" },
    urgency: { ok: "正常", due_soon: "即将到期", urgent: "紧急：平台回复窗口即将关闭", breached: "已超时", window_closed: "平台回复窗口已关闭" },
    where: "位置", author: "用户", said: "内容", deadline: "响应时限", left: "剩余时间", assignee: "负责人", status: "状态",
    claim: "我来处理", answer: "已回复", answerPrompt: "粘贴回复内容或链接", dismiss: "无需回复",
    dismissPrompt: "为什么无需回复（垃圾信息、重复等）？", reassign: "转交", reassignPrompt: "转交给谁（@用户名）？",
    title: (reason, id) => `${reason} · #${id}`,
    reasons: { warn: "即将超过响应时限", breach: "已超过响应时限", escalate: "升级提醒：已超过响应时限", show: "待回复", logged: "已登记" },
    step: (n, of) => `升级第 ${n}/${of} 级`,
    duration: (m) => (m >= 0 ? `还剩 ${zhDuration(m)}` : `已超时 ${zhDuration(m)}`),
    windowClosed: "平台 48 小时回复窗口已关闭，客服消息接口将拒绝回复。请改为公开回复、发送模板消息，或请用户重新留言。",
    noHolidayData: (y) => `⚠ ${y} 年的官方放假安排尚未公布：时限已扣除法定假日，但未计入调休上班日。`,
    summaryTitle: (n) => `有 ${n} 条留言等你回复`,
    summaryHint: "输入 /sla mine 查看全部并处理。",
    more: (n) => `……另有 ${n} 条`,
    listTitle: (scope, n) => (scope === "mine" ? `我的待处理（${n}）` : `待处理留言，按剩余时间排序（${n}）`),
    listEmpty: "没有待处理的留言。🎉",
    statsTitle: (from, to) => `首次响应统计 ${from === to ? from : `${from} 至 ${to}`}`,
    statsLine: (k, c, a, med, p90, rate) => `${k}：${c} 条，已回复 ${a} · 中位数 ${med} · P90 ${p90} · 超时率 ${rate}`,
    byPlatform: "按平台", byAccount: "按账号", byPerson: "按人员", none: "—",
    outcome: (status, by, at, took) => `${by} 标记为${status} · ${at}${took ? ` · ${took}` : ""}`,
    took: (d) => `响应用时 ${d}（工作时间）`,
    answerNote: "回复内容", dismissNote: "原因",
  },
};
