// Copy for the SLA cards, in both languages.
import type { Locale } from "../../src/domain/locale.js";
import type { PlatformProblem, SlaKind, SlaStatus, Urgency } from "../../src/domain/sla/index.js";
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
  /** Reply from chat: the button, its prompt, and what the card says while the reply is on its way. */
  reply: string; replyPrompt: string; answeredElsewhere: string;
  replySending: (text: string) => string;
  replyRetrying: (why: string) => string;
  replyFailed: (why: string) => string;
  replyWindowClosed: string;
  replyStored: (platform: string, text: string) => string;
  replySent: string;
  /** Why a platform refused or failed a call, as a person can act on it. */
  problems: Record<PlatformProblem, (p: { ip?: string; code?: number }) => string>;
  /** The one message to the person whose reply failed. */
  replyFailedNotice: (id: number) => string;
  replyQueued: (id: number) => string;
  replyKept: (id: number) => string;
  replyAsk: (id: number, minutes: number) => string;
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
    reply: "Reply", replyPrompt: "Write the reply", answeredElsewhere: "Answered elsewhere",
    replySending: (t) => `Sending the reply: “${t}”`,
    replyRetrying: (why) => `The reply was not sent yet: ${why}. It will be tried again.`,
    replyFailed: (why) => `The reply was not sent: ${why}.`,
    replyWindowClosed: "The reply was not sent: WeChat accepts replies only within 48 hours of the person's last message, and that time has passed. Reply another way, then click “Answered elsewhere”.",
    replyStored: (pl, t) => `Reply to post on ${pl} (copy it there, then click “Answered”): “${t}”`,
    replySent: "Sent through the WeChat Official Account.",
    problems: {
      token: () => "WeChat refused the account's access token",
      credentials: () => "the account's AppID or AppSecret is wrong",
      ip_whitelist: ({ ip }) => `this server's IP ${ip ?? "address"} is not on the account's IP whitelist (WeChat admin → Settings and development → Basic configuration → IP whitelist)`,
      busy: () => "WeChat could not be reached",
      rate_limited: () => "WeChat's call limit was reached",
      reply_window_closed: () => "more than 48 hours have passed since the person's last message",
      too_many_replies: () => "too many messages to this person before they write again",
      not_found: () => "the comment or article no longer exists",
      not_allowed: () => "the account may not use this WeChat function (comments switched off?)",
      bad_content: () => "WeChat refused the text (empty or too long)",
      other: ({ code }) => `WeChat answered with error ${code ?? "?"}`,
    },
    replyFailedNotice: (id) => `Your reply to #${id} was not sent`,
    replyQueued: (id) => `Sending your reply to #${id}…`,
    replyKept: (id) => `Your reply to #${id} is on its card: post it on the platform, then click “Answered”.`,
    replyAsk: (id, m) => `Send your reply to #${id} as your next message here within ${m} minutes (or type /sla reply ${id} <text>).`,
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
    reply: "回复", replyPrompt: "输入回复内容", answeredElsewhere: "已在别处回复",
    replySending: (t) => `回复发送中：“${t}”`,
    replyRetrying: (why) => `回复尚未发出：${why}。稍后会自动重试。`,
    replyFailed: (why) => `回复未能发出：${why}。`,
    replyWindowClosed: "回复未能发出：公众号只能在对方最后一条消息后 48 小时内回复，现已超过。请通过其他方式回复后，点击「已在别处回复」。",
    replyStored: (pl, t) => `待发布的回复（请复制到${pl}发布，然后点击「已回复」）：“${t}”`,
    replySent: "已通过公众号发出。",
    problems: {
      token: () => "微信拒绝了公众号的接口凭证",
      credentials: () => "公众号的 AppID 或 AppSecret 有误",
      ip_whitelist: ({ ip }) => `本服务器的 IP ${ip ?? ""} 不在公众号的 IP 白名单中（公众平台 → 设置与开发 → 基本配置 → IP白名单）`,
      busy: () => "暂时无法连接微信",
      rate_limited: () => "调用次数超过了微信的限制",
      reply_window_closed: () => "距对方最后一条消息已超过 48 小时",
      too_many_replies: () => "在对方再次发消息前，已连续发送太多条",
      not_found: () => "留言或文章已不存在",
      not_allowed: () => "公众号无权使用此功能（留言功能可能已关闭）",
      bad_content: () => "微信拒绝了回复内容（为空或过长）",
      other: ({ code }) => `微信返回错误码 ${code ?? "?"}`,
    },
    replyFailedNotice: (id) => `你对 #${id} 的回复未能发出`,
    replyQueued: (id) => `正在发送你对 #${id} 的回复……`,
    replyKept: (id) => `你对 #${id} 的回复已保存在卡片上：请复制到平台发布，然后点击「已回复」。`,
    replyAsk: (id, m) => `请在 ${m} 分钟内在这里直接发送对 #${id} 的回复内容（也可输入 /sla reply ${id} 回复内容）。`,
  },
};
