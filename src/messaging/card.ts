// The neutral card: what every template produces and every platform adapter renders (Block Kit, Feishu card
// JSON 2.0, WeCom template_card, console HTML). It holds text and ids only; state lives in the database.

/** Colour hint for a card or an outcome line; each platform maps it to what it has. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** A button. `value` is an encoded action payload (see action.ts): ids and a state version, never state. */
export interface CardButton {
  /** Stable id of what the button does, e.g. "topic.accept". */
  actionId: string;
  label: string;
  value: string;
  style?: "primary" | "danger";
  /** The platform asks for a reason (modal, form, prompt) before sending the click. */
  reasonPrompt?: string;
  /**
   * With `reasonPrompt`: where a card cannot ask for text (WeCom), show the button anyway; its click arrives
   * without text and the person's next message in that conversation is taken as the text.
   */
  nextMessage?: boolean;
}

/** One labelled value shown in a two-column grid. */
export interface CardField {
  label: string;
  value: string;
}

/** The building blocks of a card body, in display order. */
export type CardBlock =
  | { type: "text"; text: string }
  | { type: "fields"; fields: CardField[] }
  | { type: "context"; text: string }
  | { type: "list"; items: string[] }
  | { type: "divider" }
  | { type: "actions"; buttons: CardButton[] }
  /** Replaces the buttons once the card is decided: "Accepted by Li Wei · 10:42". */
  | { type: "outcome"; text: string; tone: Tone }
  | { type: "link"; label: string; url: string }
  /**
   * A line chart drawn as a picture where the platform can show one (src/adapters/charts); the same figures are
   * in the card's text (sparklines), so a surface that shows no pictures loses nothing.
   */
  | { type: "chart"; chart: ChartSpec };

/** A line chart as data: day labels and up to a few series (a dashed one for a target line). */
export interface ChartSpec {
  title: string;
  /** One label per point ("11-25"). */
  labels: string[];
  series: { name: string; values: (number | null)[]; dashed?: boolean }[];
  /** Axis values as "%" (ratios are stored 0.034 = 3.4 %) or plain numbers. */
  unit: "percent" | "number";
}

/** A message from the bot: a title, blocks, and a plain-text fallback that reads well on its own. */
export interface Card {
  title: string;
  tone: Tone;
  blocks: CardBlock[];
  /** Shown in notifications and on surfaces without rich cards. */
  fallbackText: string;
}

/** A plain reply with no card structure (help text, lists) is still a Card with one text block. */
export function textCard(title: string, text: string, tone: Tone = "neutral"): Card {
  return { title, tone, blocks: [{ type: "text", text }], fallbackText: `${title}\n${text}` };
}

/** Every button on a card, in order. */
export function cardButtons(card: Card): CardButton[] {
  return card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
}
