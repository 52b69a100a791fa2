// The request card a level's reviewers decide on: posted to the channel and to each reviewer directly, updated
// in place as reviewers decide; once the level is decided its buttons give way to the outcome line.
import type { Locale } from "../../src/domain/locale.js";
import { levelName } from "../../src/domain/reviews/chain.js";
import type { Card, CardBlock, CardButton, CardField } from "../../src/messaging/card.js";
import { reviewCopy } from "./review-copy.js";
import { levelLine, OUTCOME_TONE, outcomeLine } from "./review-lines.js";
import type { ReviewRequestView } from "./review-view.js";

/** Longest draft text shown on a card; the rest is behind /review status or the link. */
const DRAFT_PREVIEW = 600;

/** Renders a level's request card. */
export function reviewRequestCard(v: ReviewRequestView, locale: Locale): Card {
  const c = reviewCopy[locale];
  const flags = [v.urgent ? c.urgent : null, v.sensitive ? c.sensitive : null].filter((f): f is string => f !== null);
  const fields: CardField[] = [
    { label: c.author, value: v.author },
    { label: c.version, value: `v${v.version}` },
    { label: c.level, value: c.levelOf(v.level, v.levels, levelName(v.levelName, locale)) },
    { label: c.rule, value: c.ruleText(v.rule, v.reviewers.length) },
    { label: c.reviewers, value: v.reviewers.map((r) => (r.approved ? `${r.name} ✓` : r.name)).join(c.sep) },
    { label: c.due, value: v.deadline },
  ];
  if (flags.length > 0) fields.push({ label: c.flags, value: flags.join(c.sep) });
  const blocks: CardBlock[] = [{ type: "fields", fields }];
  if (v.draft.link) blocks.push({ type: "link", label: c.openDraft, url: v.draft.link });
  if (v.draft.text) {
    const chars = [...v.draft.text];
    blocks.push({ type: "text", text: `${c.draft}: ${chars.slice(0, DRAFT_PREVIEW).join("")}${chars.length > DRAFT_PREVIEW ? "…" : ""}` });
  }
  if (v.note) blocks.push({ type: "text", text: `${c.note}: ${v.note}` });
  if (v.changes) {
    if (v.changes.asked) blocks.push({ type: "context", text: c.askedBy(v.changes.from, v.changes.asked.by, v.changes.asked.reason) });
    if (v.changes.lines.length > 0) {
      const items = v.changes.lines.map((l) => `${l.op === "add" ? "+" : "−"} ${l.text}`);
      if (v.changes.omitted > 0) items.push(c.omitted(v.changes.omitted));
      blocks.push({ type: "text", text: c.changesSince(v.changes.from) }, { type: "list", items });
    }
  }
  if (v.earlier.length > 0) blocks.push({ type: "text", text: c.earlier }, { type: "list", items: v.earlier.map((l) => levelLine(l, locale)) });
  if (v.needsSecondPerson && !v.outcome) blocks.push({ type: "context", text: c.secondPerson });
  if (v.outcome) {
    blocks.push({ type: "outcome", text: outcomeLine(v.outcome, v.level, v.levels, locale), tone: OUTCOME_TONE[v.outcome.status] });
  } else if (v.buttons) {
    const buttons: CardButton[] = [
      { actionId: "review.approve", label: c.approve, value: v.buttons.approve, style: "primary" },
      { actionId: "review.changes", label: c.changes, value: v.buttons.changes, reasonPrompt: c.changesPrompt },
      { actionId: "review.reject", label: c.reject, value: v.buttons.reject, style: "danger", reasonPrompt: c.rejectPrompt },
      ...v.buttons.back.map((b) => ({ actionId: `review.back_${b.level}`, label: c.back(b.level), value: b.value, reasonPrompt: c.backPrompt })),
    ];
    blocks.push({ type: "actions", buttons });
  }
  const title = c.title(v.reviewId, v.topicId, v.title);
  const tone = v.outcome ? OUTCOME_TONE[v.outcome.status] : v.urgent ? "warning" : "info";
  const fallback = [
    title,
    ...fields.map((f) => `${f.label}: ${f.value}`),
    ...blocks.flatMap((b) => (b.type === "text" || b.type === "context" || b.type === "outcome" ? [b.text] : b.type === "list" ? b.items : b.type === "link" ? [b.url] : [])),
  ].join("\n");
  return { title, tone, blocks, fallbackText: fallback };
}
