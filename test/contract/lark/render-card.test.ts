// Every template renders to valid-looking Feishu card JSON 2.0 within the limits; snapshots keep the shapes.
import { describe, expect, it } from "vitest";
import { LARK_CARD_MAX_BYTES, larkCardBytes, renderLarkCard, type LarkCardJson } from "../../../src/adapters/lark/render-card.js";
import { ZLarkButtonValue } from "../../../src/adapters/lark/parse-inbound.js";
import { cardButtons, type Card } from "../../../src/messaging/card.js";
import { sampleCards } from "../sample-cards.js";

type Node = Record<string, unknown>;

/** Every element of a card body, depth first (into columns and forms). */
function walk(elements: unknown): Node[] {
  if (!Array.isArray(elements)) return [];
  return (elements as Node[]).flatMap((e) => [e, ...walk(e.elements), ...((e.columns as Node[] | undefined) ?? []).flatMap((c) => [c, ...walk(c.elements)])]);
}

const bodyOf = (json: LarkCardJson) => walk((json.body as { elements: unknown }).elements);

// The components and properties this renderer may emit, all from the card JSON 2.0 component docs.
const KNOWN: Record<string, string[]> = {
  div: ["tag", "text"],
  hr: ["tag"],
  markdown: ["tag", "content"],
  column_set: ["tag", "columns"],
  column: ["tag", "width", "weight", "elements"],
  button: ["tag", "text", "type", "behaviors", "name", "form_action_type"],
  form: ["tag", "name", "elements"],
  input: ["tag", "name", "required", "placeholder"],
};

describe("Card → Feishu card JSON 2.0", () => {
  for (const { name, card } of sampleCards()) {
    it(`renders ${name}`, () => {
      const json = renderLarkCard(card);
      expect(json.schema).toBe("2.0");
      expect(json.config).toMatchObject({ update_multi: true });
      expect(json.header).toMatchObject({ title: { tag: "plain_text", content: card.title } });
      expect(larkCardBytes(json)).toBeLessThanOrEqual(LARK_CARD_MAX_BYTES);
      const nodes = bodyOf(json);
      for (const n of nodes) {
        const tag = String(n.tag);
        expect(Object.keys(KNOWN), `unknown component ${tag}`).toContain(tag);
        for (const key of Object.keys(n)) expect(KNOWN[tag], `${tag}.${key}`).toContain(key);
      }
      // 2.0 has no "action" module, and a form may only sit at the root.
      const rootForms = ((json.body as { elements: Node[] }).elements).filter((e) => e.tag === "form").length;
      expect(nodes.filter((n) => n.tag === "form").length).toBe(rootForms);
      // Every neutral button becomes a callback button carrying our value; reason buttons submit a form.
      const buttons = nodes.filter((n) => n.tag === "button");
      expect(buttons).toHaveLength(cardButtons(card).length);
      for (const b of cardButtons(card)) {
        const rendered = buttons.find((x) => (x.behaviors as { value: { v: string } }[])[0]!.value.v === b.value)!;
        const value = ZLarkButtonValue.parse((rendered.behaviors as { type: string; value: unknown }[])[0]!.value);
        expect(value.a).toBe(b.actionId);
        if (b.reasonPrompt) {
          expect(rendered.form_action_type).toBe("submit");
          const form = nodes.find((n) => n.tag === "form" && (n.elements as Node[]).includes(rendered))!;
          expect((form.elements as Node[]).find((e) => e.tag === "input")).toMatchObject({ name: value.r, required: true });
        }
      }
      expect(json).toMatchSnapshot();
    });
  }

  it("keeps user text as plain text (no markdown injection) and escapes link labels", () => {
    const card: Card = {
      title: "**bold** <at id=all></at>",
      tone: "info",
      blocks: [{ type: "text", text: "[click](https://evil.example) <at id=all></at>" }, { type: "link", label: "brief [v2]", url: "https://example.com/a (b)" }],
      fallbackText: "x",
    };
    const json = renderLarkCard(card);
    const [text, link] = bodyOf(json);
    expect(text).toEqual({ tag: "div", text: { tag: "plain_text", content: "[click](https://evil.example) <at id=all></at>" } });
    expect(link).toEqual({ tag: "markdown", content: "[brief \\[v2\\]](https://example.com/a%20%28b%29)" });
  });

  it("falls back to the clipped plain text, keeping the buttons, when a card would exceed 30 KB", () => {
    const huge: Card = {
      title: "huge",
      tone: "neutral",
      blocks: [
        { type: "list", items: Array.from({ length: 400 }, (_, i) => `第 ${i} 行：${"很长的内容".repeat(10)}`) },
        { type: "list", items: Array.from({ length: 400 }, (_, i) => `row ${i}: ${"long content ".repeat(10)}`) },
        { type: "actions", buttons: [{ actionId: "topic.vote", label: "+1", value: "m1.vote.topic.1.1.x" }] },
      ],
      fallbackText: Array.from({ length: 800 }, (_, i) => `第 ${i} 行：${"很长的内容".repeat(10)}`).join("\n"),
    };
    const json = renderLarkCard(huge);
    expect(larkCardBytes(json)).toBeLessThanOrEqual(LARK_CARD_MAX_BYTES);
    expect(bodyOf(json).filter((n) => n.tag === "button")).toHaveLength(1);
  });
});
