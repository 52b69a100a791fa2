// The topic card: posted when a topic is proposed, updated in place on every change.
import type { Card, CardBlock, CardField, Tone } from "../../src/messaging/card.js";
import type { Locale } from "../../src/domain/locale.js";
import { FORMAT_NAMES, PLATFORM_NAMES, STATUS_NAMES, THEME_NAMES, nameOf } from "../strings/labels.js";
import { topicCopy } from "./topic-copy.js";
import type { TopicView } from "./topic-view.js";

const STATUS_TONE: Record<TopicView["status"], Tone> = {
  idea: "info", accepted: "success", drafting: "info", in_review: "warning", approved: "success",
  scheduled: "success", published: "success", rejected: "danger", archived: "neutral",
};

/** Renders a topic for a channel. */
export function topicCard(v: TopicView, locale: Locale): Card {
  const c = topicCopy[locale];
  const platforms = v.platforms.map((p) => nameOf(PLATFORM_NAMES, locale, p)).join(locale === "en" ? ", " : "、");
  const when = v.plannedDay ? `${v.plannedDay} ${v.plannedTime ?? (v.suggestedTime ? c.suggested(v.suggestedTime) : "")}`.trim() : c.unplanned;
  const fields: CardField[] = [
    { label: c.status, value: nameOf(STATUS_NAMES, locale, v.status) },
    { label: c.proposer, value: v.proposer },
    { label: c.theme, value: nameOf(THEME_NAMES, locale, v.theme) || c.none },
    { label: c.platforms, value: platforms || c.none },
    { label: c.format, value: nameOf(FORMAT_NAMES, locale, v.format) || c.none },
    { label: c.planned, value: when },
  ];
  if (v.owner) fields.push({ label: c.owner, value: v.owner });
  const blocks: CardBlock[] = [{ type: "fields", fields }];
  if (v.angle) blocks.push({ type: "text", text: `${c.angle}: ${v.angle}` });
  if (v.references) blocks.push({ type: "text", text: `${c.references}: ${v.references}` });
  if (v.duplicateOf) {
    blocks.push({ type: "context", text: c.duplicate(v.duplicateOf.id, v.duplicateOf.title) });
    // The flag links to the existing topic: a button that shows its card and history, on every platform.
    if (v.duplicateOf.show) blocks.push({ type: "actions", buttons: [{ actionId: "topic.show", label: c.openDuplicate(v.duplicateOf.id), value: v.duplicateOf.show }] });
  }
  if (v.voters.length > 0) blocks.push({ type: "context", text: c.votes(v.voters) });
  if (v.buttons) {
    blocks.push({
      type: "actions",
      buttons: [
        { actionId: "topic.accept", label: c.accept, value: v.buttons.accept, style: "primary" },
        { actionId: "topic.reject", label: c.reject, value: v.buttons.reject, style: "danger", reasonPrompt: c.rejectPrompt },
        { actionId: "topic.vote", label: "+1", value: v.buttons.vote },
      ],
    });
  } else if (v.decision) {
    const reason = v.reason ? ` · ${v.reason}` : "";
    blocks.push({ type: "outcome", text: `${c.outcome(nameOf(STATUS_NAMES, locale, v.status), v.decision.by, v.decision.at)}${reason}`, tone: STATUS_TONE[v.status] });
  }
  const title = `#${v.id} ${v.title}`;
  const fallback = [title, ...fields.map((f) => `${f.label}: ${f.value}`), ...blocks.flatMap((b) => (b.type === "text" || b.type === "context" || b.type === "outcome" ? [b.text] : []))].join("\n");
  return { title, tone: STATUS_TONE[v.status], blocks, fallbackText: fallback };
}
