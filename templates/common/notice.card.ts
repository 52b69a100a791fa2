// A short bot message: a confirmation, a refusal, a piece of news.
import type { Card, Tone } from "../../src/messaging/card.js";

/** A titled message with optional lines. */
export interface NoticeView {
  title: string;
  lines?: string[];
  tone?: Tone;
}

/** Renders a notice; the text is already in the reader's language. */
export function noticeCard(m: NoticeView): Card {
  const lines = m.lines ?? [];
  return {
    title: m.title,
    tone: m.tone ?? "neutral",
    blocks: lines.length > 0 ? [{ type: "list", items: lines }] : [],
    fallbackText: [m.title, ...lines].join("\n"),
  };
}
