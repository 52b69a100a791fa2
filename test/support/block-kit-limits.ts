// Block Kit's limits, checked independently of the renderer (written from docs.slack.dev/reference/block-kit and
// the @slack/types JSDoc, see platforms.md 1.9), so a renderer bug cannot hide behind its own constants.

type Json = Record<string, unknown>;

const MAX = {
  blocks: 50,
  text: 4000,
  header: 150,
  section: 3000,
  fields: 10,
  field: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  aggregate: 12000,
};

const asText = (v: unknown): string | undefined => (typeof v === "object" && v !== null && typeof (v as Json)["text"] === "string" ? ((v as Json)["text"] as string) : undefined);

/** mrkdwn must escape &, < and > except in entities and <url|label> links. */
function mrkdwnProblems(text: string, where: string): string[] {
  const out: string[] = [];
  if (/&(?!amp;|lt;|gt;)/.test(text)) out.push(`${where}: unescaped &`);
  const withoutLinks = text.replace(/<https?:\/\/[^|<>\s]+\|[^<>]*>/g, "");
  if (/[<>]/.test(withoutLinks)) out.push(`${where}: unescaped < or >`);
  return out;
}

/** Every limit a chat.postMessage / chat.update body breaks; empty when Slack would accept it. */
export function blockKitViolations(message: { text?: unknown; blocks?: unknown }): string[] {
  const out: string[] = [];
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Json[]) : [];
  if (!Array.isArray(message.blocks)) out.push("blocks: not an array");
  if (typeof message.text !== "string" || message.text.length === 0) out.push("text: missing fallback text");
  else if (message.text.length > MAX.text) out.push(`text: ${message.text.length} > ${MAX.text}`);
  if (blocks.length > MAX.blocks) out.push(`blocks: ${blocks.length} > ${MAX.blocks}`);
  let aggregate = 0;
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `blocks[${i}](${String(b["type"])})`;
    if (typeof b["block_id"] === "string") {
      if (blockIds.has(b["block_id"])) out.push(`${at}: duplicate block_id`);
      if (b["block_id"].length > MAX.blockId) out.push(`${at}: block_id too long`);
      blockIds.add(b["block_id"]);
    }
    switch (b["type"]) {
      case "header": {
        const t = asText(b["text"]) ?? "";
        if ((b["text"] as Json)?.["type"] !== "plain_text") out.push(`${at}: header text must be plain_text`);
        if (t.length < 1 || t.length > MAX.header) out.push(`${at}: header length ${t.length}`);
        aggregate += t.length;
        break;
      }
      case "section": {
        const t = asText(b["text"]);
        const fields = Array.isArray(b["fields"]) ? (b["fields"] as Json[]) : undefined;
        if (t === undefined && !fields) out.push(`${at}: neither text nor fields`);
        if (t !== undefined) {
          if (t.length < 1 || t.length > MAX.section) out.push(`${at}: text length ${t.length}`);
          out.push(...mrkdwnProblems(t, at));
          aggregate += t.length;
        }
        if (fields) {
          if (fields.length > MAX.fields) out.push(`${at}: ${fields.length} fields`);
          fields.forEach((f, j) => {
            const ft = asText(f) ?? "";
            if (ft.length < 1 || ft.length > MAX.field) out.push(`${at}.fields[${j}]: length ${ft.length}`);
            out.push(...mrkdwnProblems(ft, `${at}.fields[${j}]`));
            aggregate += ft.length;
          });
        }
        break;
      }
      case "context": {
        const elements = Array.isArray(b["elements"]) ? (b["elements"] as Json[]) : [];
        if (elements.length < 1 || elements.length > MAX.contextElements) out.push(`${at}: ${elements.length} elements`);
        elements.forEach((e, j) => {
          const t = asText(e) ?? "";
          if (t.length < 1 || t.length > MAX.contextText) out.push(`${at}.elements[${j}]: length ${t.length}`);
          out.push(...mrkdwnProblems(t, `${at}.elements[${j}]`));
          aggregate += t.length;
        });
        break;
      }
      case "actions": {
        const elements = Array.isArray(b["elements"]) ? (b["elements"] as Json[]) : [];
        if (elements.length < 1 || elements.length > MAX.actionsElements) out.push(`${at}: ${elements.length} elements`);
        const ids = new Set<string>();
        elements.forEach((e, j) => {
          const where = `${at}.elements[${j}]`;
          const label = asText(e["text"]) ?? "";
          const id = String(e["action_id"] ?? "");
          if (e["type"] !== "button") out.push(`${where}: not a button`);
          if (label.length < 1 || label.length > MAX.buttonText) out.push(`${where}: label length ${label.length}`);
          if (typeof e["value"] === "string" && e["value"].length > MAX.buttonValue) out.push(`${where}: value length ${e["value"].length}`);
          if (id.length < 1 || id.length > MAX.actionId) out.push(`${where}: action_id length ${id.length}`);
          if (ids.has(id)) out.push(`${where}: duplicate action_id ${id}`);
          ids.add(id);
          if (e["style"] !== undefined && e["style"] !== "primary" && e["style"] !== "danger") out.push(`${where}: style ${String(e["style"])}`);
          aggregate += label.length;
        });
        break;
      }
      case "divider":
        break;
      default:
        out.push(`${at}: unexpected block type`);
    }
  });
  if (aggregate > MAX.aggregate) out.push(`aggregate block text ${aggregate} > ${MAX.aggregate}`);
  return out;
}
