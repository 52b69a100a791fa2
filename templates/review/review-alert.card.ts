// Short review messages: reminders before a deadline, escalations after it, the author's nudge, a new
// reviewer's assignment, and the outcome told to the author, the CC list and the channel.
import type { Locale } from "../../src/domain/locale.js";
import { levelName } from "../../src/domain/reviews/chain.js";
import type { Card, Tone } from "../../src/messaging/card.js";
import { reviewCopy } from "./review-copy.js";
import type { ReviewAlertKind, ReviewAlertView } from "./review-view.js";

type Line = (v: ReviewAlertView, level: string, names: (xs: string[]) => string) => string;

const HEAD: Record<Locale, Record<ReviewAlertKind, Line>> = {
  en: {
    reminder: (v, l, n) => `⏰ Reminder: ${l} is due ${v.deadline}; waiting on ${n(v.pending)}`,
    escalation: (v, l, n) => `⚠ Overdue: ${l} was due ${v.deadline}; escalated to ${n(v.targets)} (waiting on ${n(v.pending)})`,
    nudge: (v, l, n) => `👋 ${v.by ?? "The author"} asks ${n(v.pending)} to look at ${l} (due ${v.deadline})`,
    assigned: (v, l) => `${v.by ?? "Someone"} asked you to review ${l} (due ${v.deadline})`,
    approved: (v) => `✅ Approved (v${v.version}, all ${v.levels} levels)`,
    rejected: (v, l) => `✗ Rejected by ${v.by ?? "?"} at ${l}`,
    changes_requested: (v, l) => `↩ Changes requested by ${v.by ?? "?"} at ${l}: submit a new version with /review submit ${v.topicId} <draft> [note]`,
    withdrawn: (v) => `⊘ Withdrawn by ${v.by ?? "?"}`,
  },
  "zh-CN": {
    reminder: (v, l, n) => `⏰ 提醒：${l}将于 ${v.deadline} 截止，待 ${n(v.pending)} 审核`,
    escalation: (v, l, n) => `⚠ 已超时：${l}应于 ${v.deadline} 前完成，已升级给 ${n(v.targets)}（待 ${n(v.pending)} 审核）`,
    nudge: (v, l, n) => `👋 ${v.by ?? "作者"} 催办：请 ${n(v.pending)} 尽快审核${l}（截止 ${v.deadline}）`,
    assigned: (v, l) => `${v.by ?? "有人"} 请你审核${l}（截止 ${v.deadline}）`,
    approved: (v) => `✅ 审核通过（v${v.version}，共 ${v.levels} 级）`,
    rejected: (v, l) => `✗ ${v.by ?? "?"} 在${l}驳回`,
    changes_requested: (v, l) => `↩ ${v.by ?? "?"} 在${l}要求修改，改好后用 /review submit ${v.topicId} <稿件> [说明] 提交新版本`,
    withdrawn: (v) => `⊘ ${v.by ?? "?"} 已撤回`,
  },
};

const TONE: Record<ReviewAlertKind, Tone> = {
  reminder: "info", escalation: "danger", nudge: "info", assigned: "info", approved: "success", rejected: "danger", changes_requested: "warning", withdrawn: "neutral",
};

/** Renders an alert in the reader's language. */
export function reviewAlertCard(v: ReviewAlertView, locale: Locale): Card {
  const c = reviewCopy[locale];
  const name = levelName(v.levelName, locale);
  const level = locale === "en" ? `level ${v.level}/${v.levels} (${name})` : `「${name}」（第 ${v.level}/${v.levels} 级）`;
  const head = HEAD[locale][v.kind](v, level, (xs) => (xs.length > 0 ? xs.join(c.sep) : "—"));
  const lines = [head, ...(v.reason ? [`${c.reason}: ${v.reason}`] : [])];
  const title = c.title(v.reviewId, v.topicId, v.title);
  return { title, tone: TONE[v.kind], blocks: [{ type: "list", items: lines }], fallbackText: [title, ...lines].join("\n") };
}
