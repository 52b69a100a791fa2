// The review's own card: the chain level by level, who decided what and when, who is pending, how long each
// level took. Posted on submission and kept current; /review status shows it with every version's history.
import { levelName } from "../../src/domain/reviews/chain.js";
import type { Locale } from "../../src/domain/locale.js";
import type { Card, CardBlock, CardButton, CardField, Tone } from "../../src/messaging/card.js";
import { reviewCopy } from "./review-copy.js";
import { levelLine } from "./review-lines.js";
import type { ReviewStatusView } from "./review-view.js";

const STATUS_TONE: Record<ReviewStatusView["status"], Tone> = {
  open: "warning", changes_requested: "warning", approved: "success", rejected: "danger", withdrawn: "neutral",
};

/** Renders the review's status card. */
export function reviewStatusCard(v: ReviewStatusView, locale: Locale): Card {
  const c = reviewCopy[locale];
  const flags = [v.urgent ? c.urgent : null, v.sensitive ? c.sensitive : null].filter((f): f is string => f !== null);
  const fields: CardField[] = [
    { label: c.status, value: c.reviewStatus[v.status] },
    { label: c.author, value: v.author },
    { label: c.version, value: `v${v.version}` },
    { label: c.chain, value: levelName(v.chain, locale) },
  ];
  if (flags.length > 0) fields.push({ label: c.flags, value: flags.join(c.sep) });
  if (v.cc.length > 0) fields.push({ label: c.cc, value: v.cc.join(c.sep) });
  const blocks: CardBlock[] = [{ type: "fields", fields }, { type: "list", items: v.lines.map((l) => levelLine(l, locale)) }];
  if (v.history) {
    const items = v.history.flatMap((h) => [
      c.versionLine(h.number, h.by, h.at, c.reviewStatus[h.status]) + (h.note ? ` · ${c.note}: ${h.note}` : ""),
      ...h.passes.map((p) => `    ${levelLine(p, locale)}`),
    ]);
    blocks.push({ type: "divider" }, { type: "text", text: c.history }, { type: "list", items });
  }
  if (v.outcome) {
    const verb = c.reviewStatus[v.outcome.status];
    const line = c.byAt(verb, v.outcome.by, "", v.outcome.at);
    blocks.push({ type: "outcome", text: v.outcome.reason ? `${line} · ${v.outcome.reason}` : line, tone: STATUS_TONE[v.outcome.status] });
  } else if (v.buttons) {
    const buttons: CardButton[] = [];
    if (v.buttons.nudge) buttons.push({ actionId: "review.nudge", label: c.nudge, value: v.buttons.nudge });
    buttons.push({ actionId: "review.withdraw", label: c.withdraw, value: v.buttons.withdraw, reasonPrompt: c.withdrawPrompt });
    blocks.push({ type: "actions", buttons });
  }
  const title = c.title(v.reviewId, v.topicId, v.title);
  const fallback = [
    title,
    ...fields.map((f) => `${f.label}: ${f.value}`),
    ...blocks.flatMap((b) => (b.type === "list" ? b.items : b.type === "text" || b.type === "outcome" ? [b.text] : [])),
  ].join("\n");
  return { title, tone: STATUS_TONE[v.status], blocks, fallbackText: fallback };
}
