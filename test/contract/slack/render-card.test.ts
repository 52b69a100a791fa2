// Card → Block Kit: every template, in both languages, renders within Slack's limits (checked by an independent
// validator) and is snapshotted; oversized cards are shortened with "… n more" while keeping their buttons.
import { describe, expect, it } from "vitest";
import { decodeSlackActionId } from "../../../src/adapters/slack/action-id.js";
import { renderCard, type SlackMessage } from "../../../src/adapters/slack/render-card.js";
import type { Card } from "../../../src/messaging/card.js";
import { TEMPLATES, renderTemplate } from "../../../templates/index.js";
import { blockKitViolations } from "../../support/block-kit-limits.js";
import { SAMPLES } from "./template-samples.js";

const LOCALES = ["zh-CN", "en"] as const;

type Block = SlackMessage["blocks"][number];
const buttonsOf = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])) as { action_id: string; value: string; text: { text: string } }[];
const texts = (m: SlackMessage) =>
  m.blocks.flatMap((b: Block) => {
    if (b.type === "section") return [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)];
    if (b.type === "context") return b.elements.map((e) => ("text" in e ? e.text : ""));
    if (b.type === "header") return [b.text.text];
    return [];
  });

describe("every template renders to Block Kit within limits", () => {
  it("has a sample for every registered template", () => {
    const covered = new Set(SAMPLES.map((s) => s.template));
    expect(Object.keys(TEMPLATES).filter((id) => !covered.has(id as never))).toEqual([]);
  });

  for (const sample of SAMPLES) {
    for (const locale of LOCALES) {
      it(`${sample.template}: ${sample.name} (${locale})`, () => {
        const card = renderTemplate(sample.template, sample.model, locale);
        const message = renderCard(card);
        expect(blockKitViolations(message)).toEqual([]);
        // Buttons survive rendering with their values intact, and their action_ids decode to the card's ids.
        const rendered = buttonsOf(message);
        const original = card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
        expect(rendered.map((b) => [decodeSlackActionId(b.action_id).actionId, b.value])).toEqual(original.map((b) => [b.actionId, b.value]));
        if (!sample.stress) expect(message).toMatchSnapshot();
      });
    }
  }
});

describe("shortening", () => {
  const stress = (name: string, locale: "zh-CN" | "en" = "zh-CN") => {
    const s = SAMPLES.find((x) => x.name === name)!;
    return renderCard(renderTemplate(s.template, s.model, locale));
  };

  it("a 500-topic list is cut at the aggregate budget with a final '… n more' line counting the hidden rows", () => {
    const m = stress("topic list of 500");
    const last = m.blocks.at(-1)!;
    expect(last.type).toBe("context");
    const shown = texts(m).join("\n").split("\n").filter((l) => l.startsWith("#")).length;
    // 500 rows plus the template's own "…and 300 more" line; what is not shown is counted.
    expect(texts(m).at(-1)).toBe(`…… 还有 ${501 - shown} 条未显示`);
    expect(shown).toBeGreaterThan(50);
  });

  it("says '… n more' in English for an English card", () => {
    const m = stress("topic list of 500", "en");
    expect(texts(m).at(-1)).toMatch(/^… \d+ more$/);
  });

  it("keeps the buttons of an oversized topic card, after the shortened text", () => {
    const m = stress("topic with a 9,000-character angle");
    expect(m.blocks.at(-1)!.type).toBe("actions");
    expect(buttonsOf(m)).toHaveLength(3);
  });

  it("splits a long list into several sections of at most 3,000 characters, never mid-line", () => {
    const items = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(2, "0")} ${"x".repeat(90)}`);
    const m = renderCard({ title: "List", tone: "neutral", blocks: [{ type: "list", items }], fallbackText: "List" });
    const sections = m.blocks.filter((b) => b.type === "section");
    expect(sections.length).toBe(2);
    expect(texts(m).slice(1).join("\n").split("\n")).toEqual(items);
  });

  it("puts more than ten fields into several sections", () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const m = renderCard({ title: "Fields", tone: "info", blocks: [{ type: "fields", fields }], fallbackText: "Fields" });
    expect(m.blocks.filter((b) => b.type === "section").map((b) => (b.type === "section" ? b.fields?.length : 0))).toEqual([10, 10, 3]);
  });

  it("cuts a header at 150, a button label at 75, and leaves out a button whose value would not fit", () => {
    const card: Card = {
      title: "T".repeat(400),
      tone: "neutral",
      blocks: [
        {
          type: "actions",
          buttons: [
            { actionId: "x.go", label: "L".repeat(200), value: "ok" },
            { actionId: "x.big", label: "Big", value: "v".repeat(2001) },
          ],
        },
      ],
      fallbackText: "F".repeat(10_000),
    };
    const m = renderCard(card);
    expect(blockKitViolations(m)).toEqual([]);
    const header = m.blocks[0]!;
    expect(header.type === "header" && header.text.text.length).toBe(150);
    expect(buttonsOf(m).map((b) => b.text.text.length)).toEqual([75]);
    expect(m.text.length).toBeLessThanOrEqual(4000);
  });

  it("caps a message of more than 50 blocks at 50, ending with the count of what is hidden", () => {
    const blocks: Card["blocks"] = Array.from({ length: 80 }, (_, i) => ({ type: "context" as const, text: `line ${i}` }));
    const m = renderCard({ title: "Many", tone: "neutral", blocks: [...blocks, { type: "outcome", text: "Done", tone: "success" }], fallbackText: "Many" });
    expect(m.blocks).toHaveLength(50);
    expect(blockKitViolations(m)).toEqual([]);
    expect(texts(m).slice(-2)).toEqual(["… 33 more", "✅ Done"]);
  });

  it("escapes &, < and > in mrkdwn and renders links as <url|label>", () => {
    const m = renderCard({ title: "A & B", tone: "neutral", blocks: [{ type: "text", text: "x < y && y > z" }, { type: "link", label: "Report <2026>", url: "https://example.com/a?b=1&c=2" }], fallbackText: "A & B <x>" });
    expect(texts(m)).toEqual(["A & B", "x &lt; y &amp;&amp; y &gt; z", "<https://example.com/a?b=1&c=2|Report &lt;2026&gt;>"]);
    expect(m.text).toBe("A &amp; B &lt;x&gt;");
  });

  it("gives buttons unique action_ids within a block, even with the same actionId twice", () => {
    const m = renderCard({ title: "Twice", tone: "neutral", blocks: [{ type: "actions", buttons: [{ actionId: "a.b", label: "1", value: "v1" }, { actionId: "a.b", label: "2", value: "v2" }] }], fallbackText: "Twice" });
    expect(buttonsOf(m).map((b) => b.action_id)).toEqual(["a.b~0", "a.b~1"]);
    expect(blockKitViolations(m)).toEqual([]);
  });
});
