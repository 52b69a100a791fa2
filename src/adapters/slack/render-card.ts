// Card → Block Kit. Pure. Every Block Kit limit lives here (platforms.md 1.9): a card that is too long is split
// or shortened, never sent in a form Slack would refuse. Buttons and outcome lines always survive shortening.
import type { types } from "@slack/bolt";
import type { Card, CardBlock, CardButton, Tone } from "../../messaging/card.js";
import { encodeSlackActionId } from "./action-id.js";

/** Block Kit limits this renderer keeps (docs.slack.dev/reference/block-kit, @slack/types JSDoc). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextText: 3000,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** chat.postMessage asks to keep `text` under 4,000 characters. */
  fallbackText: 4000,
  /** Undocumented aggregate: messages of ~13k characters of block text fail with msg_blocks_too_long (bolt-js #2509). */
  totalBlockText: 12000,
} as const;

/** A message ready for chat.postMessage / chat.update. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const TONE_MARK: Record<Tone, string> = { neutral: "", info: "ℹ️ ", success: "✅ ", warning: "⚠️ ", danger: "⛔ " };

/** Escapes the three characters mrkdwn reserves (docs.slack.dev "Escaping text"). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes `raw` and cuts it so the escaped text is at most `max` characters, ending in "…" when cut. */
function fitEscaped(raw: string, max: number): string {
  const whole = escapeMrkdwn(raw);
  if (whole.length <= max) return whole;
  let out = "";
  for (const ch of raw) {
    const piece = escapeMrkdwn(ch);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** Plain text cut to at most `max` UTF-16 units (never fewer than Slack's character count), whole code points only. */
function fitPlain(raw: string, max: number): string {
  if (raw.length <= max) return raw;
  let out = "";
  for (const ch of raw) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Packs lines into texts of at most `max` characters each (escaped), one line never split unless it alone is too long. */
function packLines(lines: string[], max: number): { text: string; lines: number }[] {
  const out: { text: string; lines: number }[] = [];
  let current: string[] = [];
  let length = 0;
  for (const raw of lines) {
    const line = fitEscaped(raw, max);
    if (current.length > 0 && length + 1 + line.length > max) {
      out.push({ text: current.join("\n"), lines: current.length });
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 1 : 0) + line.length;
    current.push(line);
  }
  if (current.length > 0) out.push({ text: current.join("\n"), lines: current.length });
  return out;
}

/** Slack refuses a section whose text is empty or blank. */
const visible = (p: { text: string }) => p.text.trim() !== "";

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One rendered block with what the reader loses if it is dropped. */
interface Rendered {
  block: types.KnownBlock;
  /** Lines or fields it shows (counted in "… n more"). */
  items: number;
  /** Characters of text it carries (for the aggregate budget). */
  chars: number;
  /** Buttons and outcome lines are kept whatever happens: they are what the card is for. */
  essential: boolean;
}

const section = (text: string, items: number): Rendered => ({ block: { type: "section", text: { type: "mrkdwn", text } }, items, chars: text.length, essential: false });
const context = (text: string, items: number, essential = false): Rendered => ({ block: { type: "context", elements: [{ type: "mrkdwn", text }] }, items, chars: text.length, essential });

function button(b: CardButton, index: number): types.Button | undefined {
  // A signed value cut short could never decode; a button that cannot work is left out rather than sent broken.
  if (b.value.length > SLACK_LIMITS.buttonValue) return undefined;
  const out: types.Button = {
    type: "button",
    text: { type: "plain_text", text: fitPlain(b.label || "·", SLACK_LIMITS.buttonText), emoji: true },
    action_id: encodeSlackActionId(b.actionId, index, b.reasonPrompt),
    value: b.value,
  };
  if (b.style) out.style = b.style;
  return out;
}

function renderBlock(b: CardBlock): Rendered[] {
  switch (b.type) {
    case "text":
      return packLines(b.text.split("\n"), SLACK_LIMITS.sectionText).filter(visible).map((p) => section(p.text, p.lines));
    case "list":
      return packLines(b.items, SLACK_LIMITS.sectionText).filter(visible).map((p) => section(p.text, p.lines));
    case "fields": {
      // Slack refuses empty texts; a field with neither label nor value shows nothing anyway.
      const shown = b.fields.filter((f) => f.label.trim() || f.value.trim());
      return chunks(shown, SLACK_LIMITS.fieldsPerSection).map((group) => {
        const fields = group.map((f) => ({ type: "mrkdwn" as const, text: fitEscaped(f.label.trim() ? `*${f.label}*\n${f.value}` : f.value, SLACK_LIMITS.fieldText) }));
        return { block: { type: "section", fields }, items: group.length, chars: fields.reduce((n, f) => n + f.text.length, 0), essential: false };
      });
    }
    case "context":
      return b.text.trim() ? [context(fitEscaped(b.text, SLACK_LIMITS.contextText), 1)] : [];
    case "divider":
      return [{ block: { type: "divider" }, items: 0, chars: 0, essential: false }];
    case "outcome":
      return [context(fitEscaped(`${TONE_MARK[b.tone]}${b.text}`.trim() || "·", SLACK_LIMITS.contextText), 1, true)];
    case "chart":
      // Uploaded as a file into the message's thread by the channel; the card's sparklines say the same.
      return [];
    case "link": {
      const label = b.label.trim() || b.url;
      // Only web links become <url|label>; anything else is shown as text rather than made clickable.
      if (!/^https?:\/\/\S+$/i.test(b.url) || b.url.length > 2000) return [section(fitEscaped(`${label} ${b.url}`.trim() || "·", SLACK_LIMITS.sectionText), 1)];
      // Slack escapes & inside links too (&amp;); | and > would end the URL, so they are percent-encoded.
      const url = b.url.replace(/[|<>]/g, encodeURIComponent).replace(/&/g, "&amp;");
      return [section(`<${url}|${fitEscaped(label.replace(/\s+/g, " "), 500)}>`, 1)];
    }
    case "actions": {
      const buttons = b.buttons.map((x, i) => button(x, i)).filter((x): x is types.Button => x !== undefined);
      return chunks(buttons, SLACK_LIMITS.buttonsPerActions).map((elements) => ({
        block: { type: "actions", elements },
        items: 0,
        chars: elements.reduce((n, e) => n + e.text.text.length + (e.value?.length ?? 0), 0),
        essential: true,
      }));
    }
  }
}

/**
 * "… 12 more" in the card's language. A Card carries no locale, so it is guessed from the title, which is
 * template copy for the long cards (lists, calendars); a topic card's title is the topic's own words.
 */
function moreLine(card: Card, hidden: number): string {
  const chinese = /\p{Script=Han}/u.test(card.title.replace(/^#\d+\s*/, "").slice(0, 40));
  return chinese ? `…… 还有 ${hidden} 条未显示` : `… ${hidden} more`;
}

/** Keeps every essential block, and content blocks in order while the count and text budgets allow. */
function withinBudget(card: Card, head: Rendered[], body: Rendered[]): types.KnownBlock[] {
  const all = [...head, ...body];
  const total = (rs: Rendered[]) => rs.reduce((n, r) => n + r.chars, 0);
  if (all.length <= SLACK_LIMITS.blocksPerMessage && total(all) <= SLACK_LIMITS.totalBlockText) return all.map((r) => r.block);
  const essentials = body.filter((r) => r.essential);
  const reserve = 200; // room for the "… n more" line
  let count = head.length + essentials.length + 1;
  let chars = total(head) + total(essentials) + reserve;
  const kept: Rendered[] = [];
  let hidden = 0;
  let stopped = false;
  for (const r of body) {
    if (r.essential) {
      kept.push(r);
      continue;
    }
    if (!stopped && count + 1 <= SLACK_LIMITS.blocksPerMessage && chars + r.chars <= SLACK_LIMITS.totalBlockText) {
      kept.push(r);
      count += 1;
      chars += r.chars;
    } else {
      stopped = true;
      hidden += r.items;
    }
  }
  const more = context(escapeMrkdwn(moreLine(card, hidden)), 0);
  // Shortened cards show what fits, then the count of what does not, then the buttons and outcome.
  const blocks = [...head, ...kept.filter((r) => !r.essential), more, ...kept.filter((r) => r.essential)].map((r) => r.block);
  // Only a card with over a thousand buttons gets here; the hard cap still keeps Slack from refusing it.
  return blocks.slice(0, SLACK_LIMITS.blocksPerMessage);
}

/** Renders a card as Block Kit blocks and the notification text, within Slack's limits. */
export function renderCard(card: Card): SlackMessage {
  const head: Rendered[] = card.title.trim()
    ? [{ block: { type: "header", text: { type: "plain_text", text: fitPlain(card.title, SLACK_LIMITS.headerText), emoji: true } }, items: 0, chars: Math.min(card.title.length, SLACK_LIMITS.headerText), essential: true }]
    : [];
  const body = card.blocks.flatMap(renderBlock);
  const fallback = card.fallbackText.trim() || card.title.trim() || "·";
  return { text: fitEscaped(fallback, SLACK_LIMITS.fallbackText), blocks: withinBudget(card, head, body) };
}
