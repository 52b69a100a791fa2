// Card → Feishu/Lark card JSON 2.0. Pure. Shapes per the card JSON 2.0 component docs (div, column_set, hr,
// markdown, button with behaviors, form + input); 2.0 rejects unknown properties, so only documented ones are used.
import type { Card, CardBlock, CardButton, Tone } from "../../messaging/card.js";

/** Feishu's limit for a card message ("≤ 30 KB for card/post"). */
export const LARK_CARD_MAX_BYTES = 30 * 1024;
/** Button text: "最多支持 100 个字符". */
const BUTTON_TEXT_MAX = 100;
/** Our own cap per text element, so one long value cannot push the card past the size limit. */
const TEXT_MAX = 3000;

/** A card JSON 2.0 object (sent as the string content of an `interactive` message). */
export type LarkCardJson = Record<string, unknown>;
type Element = Record<string, unknown>;

const HEADER_TEMPLATE: Record<Tone, string> = { neutral: "grey", info: "blue", success: "green", warning: "orange", danger: "red" };
const TEXT_COLOR: Record<Tone, string> = { neutral: "grey", info: "blue", success: "green", warning: "orange", danger: "red" };

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function plain(content: string, extra: Record<string, unknown> = {}): Element {
  return { tag: "div", text: { tag: "plain_text", content: clip(content, TEXT_MAX), ...extra } };
}

// Markdown is used only for links; the label is escaped so user text cannot inject markup.
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|~<>])/g, "\\$1");
}

/** An http(s) URL safe inside a markdown link target, or undefined. */
function safeUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}

function fieldRows(fields: { label: string; value: string }[]): Element[] {
  const rows: Element[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const pair = fields.slice(i, i + 2);
    rows.push({
      tag: "column_set",
      columns: pair.map((f) => ({
        tag: "column",
        width: "weighted",
        weight: 1,
        elements: [plain(f.label, { text_size: "notation", text_color: "grey" }), plain(f.value || "—")],
      })),
    });
  }
  return rows;
}

function buttonType(b: CardButton): string {
  return b.style === "primary" ? "primary_filled" : b.style === "danger" ? "danger" : "default";
}

function callbackButton(b: CardButton, extraValue: Record<string, string> = {}): Element {
  return {
    tag: "button",
    text: { tag: "plain_text", content: clip(b.label, BUTTON_TEXT_MAX) },
    type: buttonType(b),
    behaviors: [{ type: "callback", value: { v: b.value, a: b.actionId, ...extraValue } }],
  };
}

/** Plain buttons in a row; buttons that need a reason each get a form with a required input (forms sit at the root). */
function actionElements(buttons: CardButton[], formIndex: { next: number }): Element[] {
  const out: Element[] = [];
  const simple = buttons.filter((b) => !b.reasonPrompt);
  if (simple.length > 0) {
    out.push({ tag: "column_set", columns: simple.map((b) => ({ tag: "column", width: "auto", elements: [callbackButton(b)] })) });
  }
  for (const b of buttons.filter((x) => x.reasonPrompt)) {
    const n = formIndex.next++;
    const input = `reason_${n}`;
    out.push({
      tag: "form",
      name: `form_${n}`,
      elements: [
        { tag: "input", name: input, required: true, placeholder: { tag: "plain_text", content: clip(b.reasonPrompt ?? "", BUTTON_TEXT_MAX) } },
        { ...callbackButton(b, { r: input }), name: `submit_${n}`, form_action_type: "submit" },
      ],
    });
  }
  return out;
}

/** The image keys of a card's charts, in the order of its chart blocks. */
interface ChartImages {
  keys: readonly (string | undefined)[];
  next: number;
}

function blockElements(block: CardBlock, formIndex: { next: number }, images: ChartImages): Element[] {
  switch (block.type) {
    case "text":
      return [plain(block.text)];
    case "context":
      return [plain(block.text, { text_size: "notation", text_color: "grey" })];
    case "list":
      return block.items.length === 0 ? [] : [plain(block.items.join("\n"))];
    case "fields":
      return fieldRows(block.fields);
    case "divider":
      return [{ tag: "hr" }];
    case "actions":
      return actionElements(block.buttons, formIndex);
    case "outcome":
      return [plain(block.text, { text_color: TEXT_COLOR[block.tone] })];
    case "chart": {
      // Drawn as a picture: the channel uploaded it (im/v1/images) and passes its image_key; without one the
      // card's sparklines carry the figures.
      const key = images.keys[images.next++];
      return key ? [{ tag: "img", img_key: key, alt: { tag: "plain_text", content: clip(block.chart.title, 100) }, scale_type: "fit_horizontal" }] : [];
    }
    case "link": {
      const url = safeUrl(block.url);
      return url ? [{ tag: "markdown", content: `[${escapeMarkdown(block.label)}](${url})` }] : [plain(`${block.label}: ${block.url}`)];
    }
  }
}

function shell(card: Card, elements: Element[]): LarkCardJson {
  return {
    schema: "2.0",
    config: { update_multi: true, summary: { content: clip(card.fallbackText.split("\n")[0] ?? card.title, 100) } },
    header: { title: { tag: "plain_text", content: clip(card.title, 200) }, template: HEADER_TEMPLATE[card.tone] },
    body: { elements },
  };
}

/** Size of the message content as Feishu counts it (the JSON string, UTF-8). */
export function larkCardBytes(json: LarkCardJson): number {
  return Buffer.byteLength(JSON.stringify(json), "utf8");
}

/**
 * Renders a card. If the result would exceed 30 KB, the body becomes the (clipped) fallback text and the
 * buttons, so the card still works, just with less detail.
 */
export function renderLarkCard(card: Card, chartImageKeys: readonly (string | undefined)[] = []): LarkCardJson {
  const formIndex = { next: 0 };
  const images: ChartImages = { keys: chartImageKeys, next: 0 };
  const full = shell(card, card.blocks.flatMap((b) => blockElements(b, formIndex, images)));
  if (larkCardBytes(full) <= LARK_CARD_MAX_BYTES) return full;
  const compactIndex = { next: 0 };
  const actions = card.blocks.flatMap((b) => (b.type === "actions" ? actionElements(b.buttons, compactIndex) : []));
  let budget = TEXT_MAX;
  for (;;) {
    const compact = shell(card, [plain(clip(card.fallbackText, budget)), ...actions]);
    if (larkCardBytes(compact) <= LARK_CARD_MAX_BYTES || budget < 200) return compact;
    budget = Math.floor(budget / 2);
  }
}
