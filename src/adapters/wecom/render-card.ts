// Card → WeCom message bodies. Pure. Lengths follow the message/send template_card documentation (doc 90236),
// whose limits are in 字 ("建议不超过26个字"): we count a CJK or full-width character as one 字 and two ASCII
// characters as one, and clip with "…" so the client does not cut mid-word on its own.
import type { Card, CardButton } from "../../messaging/card.js";

/** The documented limits we render within. */
export const WECOM_LIMITS = {
  titleZi: 26,
  subTitleZi: 112,
  keynameZi: 5,
  valueZi: 26,
  horizontalItems: 6,
  buttons: 6,
  buttonTextZi: 10,
  buttonKeyBytes: 1024,
  jumpItems: 3,
  jumpTitleZi: 13,
  /** App `markdown` messages: 2048 bytes; group robot markdown: 4096 bytes. */
  appMarkdownBytes: 2048,
  robotMarkdownBytes: 4096,
  textBytes: 2048,
} as const;

/** A `template_card` object (button_interaction or text_notice). */
export type WecomTemplateCard = Record<string, unknown>;
/** The msgtype-specific part of a message/send body. */
export type WecomMessageBody = { msgtype: "template_card"; template_card: WecomTemplateCard } | { msgtype: "markdown"; markdown: { content: string } };

/** Where a text_notice card leads when clicked (the field is required); used when the card has no link. */
export const DEFAULT_CARD_URL = "https://work.weixin.qq.com/";

function halfWidths(ch: string): number {
  return ch.charCodeAt(0) < 0x80 ? 1 : 2;
}

/** Width in 字 (two ASCII characters count as one). */
export function ziWidth(text: string): number {
  return [...text].reduce((n, ch) => n + halfWidths(ch), 0) / 2;
}

/** Clips `text` to `maxZi` 字, ending with "…" when cut. */
export function clipZi(text: string, maxZi: number): string {
  if (ziWidth(text) <= maxZi) return text;
  let out = "";
  let used = 0;
  const budget = maxZi * 2 - 2; // room for "…"
  for (const ch of text) {
    const w = halfWidths(ch);
    if (used + w > budget) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Clips `text` to `maxBytes` UTF-8 bytes, ending with "…" when cut. */
export function clipBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const b = Buffer.byteLength(ch, "utf8");
    if (used + b > maxBytes - 3) break;
    out += ch;
    used += b;
  }
  return `${out}…`;
}

/**
 * Buttons WeCom can show: those that need a typed reason are left out (a template card cannot ask for text),
 * except those that take the person's next message as the text (`nextMessage`).
 */
export function wecomButtons(card: Card): CardButton[] {
  return card.blocks
    .flatMap((b) => (b.type === "actions" ? b.buttons : []))
    .filter((b) => (!b.reasonPrompt || b.nextMessage) && Buffer.byteLength(b.value, "utf8") <= WECOM_LIMITS.buttonKeyBytes)
    .slice(0, WECOM_LIMITS.buttons);
}

/** The body as text lines, with fields beyond the horizontal list's six written as "label: value". */
function bodyLines(card: Card, fieldsShown: number): string[] {
  let fieldIndex = 0;
  return card.blocks.flatMap((b): string[] => {
    switch (b.type) {
      case "text":
      case "context":
      case "outcome":
        return [b.text];
      case "list":
        return b.items.map((i) => `· ${i}`);
      case "fields":
        return b.fields.flatMap((f) => (fieldIndex++ < fieldsShown ? [] : [`${f.label}: ${f.value}`]));
      case "link":
        return [`${b.label}: ${b.url}`];
      case "chart":
      case "divider":
      case "actions":
        return [];
    }
  });
}

/**
 * A template card: button_interaction when the card has buttons WeCom can show, else text_notice. Text beyond
 * the documented lengths is clipped; use {@link renderWecomMessage} to send long text cards as markdown instead.
 */
export function renderWecomTemplateCard(card: Card, opts: { taskId: string; cardUrl?: string }): WecomTemplateCard {
  const fields = card.blocks.flatMap((b) => (b.type === "fields" ? b.fields : []));
  const shown = fields.slice(0, WECOM_LIMITS.horizontalItems);
  const links = card.blocks.flatMap((b) => (b.type === "link" && /^https?:\/\//.test(b.url) ? [b] : []));
  const sub = bodyLines(card, shown.length).join("\n");
  const buttons = wecomButtons(card);
  const common: WecomTemplateCard = {
    main_title: { title: clipZi(card.title, WECOM_LIMITS.titleZi) },
    ...(sub ? { sub_title_text: clipZi(sub, WECOM_LIMITS.subTitleZi) } : {}),
    ...(shown.length > 0
      ? { horizontal_content_list: shown.map((f) => ({ keyname: clipZi(f.label, WECOM_LIMITS.keynameZi), value: clipZi(f.value || "—", WECOM_LIMITS.valueZi) })) }
      : {}),
    ...(links.length > 0 ? { jump_list: links.slice(0, WECOM_LIMITS.jumpItems).map((l) => ({ type: 1, title: clipZi(l.label, WECOM_LIMITS.jumpTitleZi), url: l.url })) } : {}),
    task_id: opts.taskId,
  };
  if (buttons.length > 0) {
    return {
      card_type: "button_interaction",
      ...common,
      // Styles 1–4 are shown in the doc only as a picture; 1 (the default) for the main action, 2 for the rest.
      button_list: buttons.map((b) => ({ text: clipZi(b.label, WECOM_LIMITS.buttonTextZi), style: b.style === "primary" ? 1 : 2, key: b.value })),
    };
  }
  return { card_type: "text_notice", ...common, card_action: { type: 1, url: links[0]?.url ?? opts.cardUrl ?? DEFAULT_CARD_URL } };
}

/** True when a card without buttons fits a text_notice without losing text. */
function fitsTextNotice(card: Card): boolean {
  const fields = card.blocks.flatMap((b) => (b.type === "fields" ? b.fields : []));
  const sub = bodyLines(card, WECOM_LIMITS.horizontalItems).join("\n");
  return ziWidth(card.title) <= WECOM_LIMITS.titleZi && ziWidth(sub) <= WECOM_LIMITS.subTitleZi && fields.length <= WECOM_LIMITS.horizontalItems;
}

/** What message/send carries for a card: a template card, or markdown for long text-only cards (help, lists). */
export function renderWecomMessage(card: Card, opts: { taskId: string; cardUrl?: string }): WecomMessageBody {
  if (wecomButtons(card).length > 0 || fitsTextNotice(card)) return { msgtype: "template_card", template_card: renderWecomTemplateCard(card, opts) };
  return { msgtype: "markdown", markdown: { content: renderWecomMarkdown(card, WECOM_LIMITS.appMarkdownBytes) } };
}

// WeCom markdown has no escaping; keep user text from opening tags such as <font>.
function safe(text: string): string {
  return text.replace(/</g, "＜").replace(/>/g, "＞");
}

const TONE_COLOR = { neutral: "comment", info: "info", success: "info", warning: "warning", danger: "warning" } as const;

/** Markdown for the group robot (4096 bytes) or an app markdown message (2048 bytes). Buttons are left out. */
export function renderWecomMarkdown(card: Card, maxBytes: number = WECOM_LIMITS.robotMarkdownBytes): string {
  const lines = [`**${safe(card.title)}**`];
  for (const b of card.blocks) {
    if (b.type === "text") lines.push(safe(b.text));
    else if (b.type === "context") lines.push(`<font color="comment">${safe(b.text)}</font>`);
    else if (b.type === "list") lines.push(...b.items.map((i) => `- ${safe(i)}`));
    else if (b.type === "fields") lines.push(...b.fields.map((f) => `> ${safe(f.label)}: ${safe(f.value)}`));
    else if (b.type === "outcome") lines.push(`<font color="${TONE_COLOR[b.tone]}">${safe(b.text)}</font>`);
    else if (b.type === "link") lines.push(/^https?:\/\/\S+$/.test(b.url) ? `[${safe(b.label)}](${b.url})` : `${safe(b.label)}: ${safe(b.url)}`);
  }
  return clipBytes(lines.join("\n"), maxBytes);
}
