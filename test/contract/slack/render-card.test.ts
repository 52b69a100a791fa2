// Card → Block Kit: every template's samples (test/contract/sample-cards.ts, shared by every platform), in both
// languages, render within Slack's limits (checked by an independent validator) and are snapshotted; oversized
// and generated cards are shortened with "… n more" while keeping their buttons.
import { describe, expect, it } from "vitest";
import { decodeSlackActionId } from "../../../src/adapters/slack/action-id.js";
import { renderCard, type SlackMessage } from "../../../src/adapters/slack/render-card.js";
import { cardButtons, type Card, type CardBlock, type Tone } from "../../../src/messaging/card.js";
import { renderTemplate } from "../../../templates/index.js";
import { blockKitViolations } from "../../support/block-kit-limits.js";
import { sampleCards } from "../sample-cards.js";
import { STRESS_SAMPLES } from "./stress-samples.js";

type Block = SlackMessage["blocks"][number];
const buttonsOf = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])) as { action_id: string; value: string; text: { text: string } }[];
const texts = (m: SlackMessage) =>
  m.blocks.flatMap((b: Block) => {
    if (b.type === "section") return [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)];
    if (b.type === "context") return b.elements.map((e) => ("text" in e ? e.text : ""));
    if (b.type === "header") return [b.text.text];
    return [];
  });

/** Within limits, and every button arrives with its value and an action_id that decodes to its actionId. */
function expectSound(card: Card): SlackMessage {
  const message = renderCard(card);
  expect(blockKitViolations(message)).toEqual([]);
  const sent = buttonsOf(message).map((b) => [decodeSlackActionId(b.action_id).actionId, b.value]);
  expect(sent).toEqual(cardButtons(card).filter((b) => b.value.length <= 2000).map((b) => [b.actionId, b.value]));
  return message;
}

describe("every template renders to Block Kit within limits", () => {
  for (const { name, card } of sampleCards()) {
    it(name, () => {
      expect(expectSound(card)).toMatchSnapshot();
    });
  }
  for (const s of STRESS_SAMPLES) {
    for (const locale of ["zh-CN", "en"] as const) {
      it(`oversized: ${s.name} (${locale})`, () => {
        expectSound(renderTemplate(s.template, s.model, locale));
      });
    }
  }
});

describe("any card renders within limits (generated cards)", () => {
  // A small deterministic generator (mulberry32), so a failure names a seed that reproduces it.
  function rng(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const ALPHABET = ["a", "Z", "7", " ", " ", "\n", "&", "<", ">", "*", "_", "~", "|", "选", "题", "审", "核", "😀", "👩‍💻", "é", "\u3000"];
  function cardFrom(seed: number): Card {
    const r = rng(seed);
    const int = (max: number) => Math.floor(r() * (max + 1));
    const big = () => (r() < 0.1 ? 6000 : r() < 0.3 ? 800 : 60);
    const str = (max: number) => Array.from({ length: int(max) }, () => ALPHABET[int(ALPHABET.length - 1)]).join("");
    const tones: Tone[] = ["neutral", "info", "success", "warning", "danger"];
    const block = (): CardBlock => {
      switch (int(7)) {
        case 0: return { type: "text", text: str(big()) };
        case 1: return { type: "list", items: Array.from({ length: int(r() < 0.2 ? 300 : 12) }, () => str(big())) };
        case 2: return { type: "fields", fields: Array.from({ length: int(25) }, () => ({ label: str(30), value: str(big()) })) };
        case 3: return { type: "context", text: str(big()) };
        case 4: return { type: "divider" };
        case 5: return { type: "outcome", text: str(200), tone: tones[int(4)]! };
        case 6: return { type: "link", label: str(80), url: r() < 0.7 ? `https://example.com/${str(40).replace(/\s/g, "")}` : str(50) };
        default:
          return {
            type: "actions",
            buttons: Array.from({ length: int(8) }, (_, i) => ({
              actionId: `x.a${i}`, label: str(120), value: r() < 0.05 ? "v".repeat(2001) : `m1.a${i}.x.${seed}.1.${"t".repeat(int(40))}`,
              style: r() < 0.3 ? ("primary" as const) : undefined, reasonPrompt: r() < 0.3 ? str(400) : undefined,
            })),
          };
      }
    };
    const blocks = Array.from({ length: int(r() < 0.2 ? 90 : 10) }, block);
    return { title: str(r() < 0.2 ? 400 : 40), tone: tones[int(4)]!, blocks, fallbackText: str(r() < 0.2 ? 9000 : 200) };
  }

  it("300 generated cards, from empty to far over every limit", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const card = cardFrom(seed);
      const message = renderCard(card);
      expect(blockKitViolations(message), `seed ${seed}`).toEqual([]);
      // Buttons are never shortened away while they fit (25 per block, 50 blocks).
      const fitting = cardButtons(card).filter((b) => b.value.length <= 2000);
      if (fitting.length <= 40) expect(buttonsOf(message).map((b) => b.value), `seed ${seed}`).toEqual(fitting.map((b) => b.value));
    }
  });
});

describe("shortening", () => {
  const stress = (name: string, locale: "zh-CN" | "en" = "zh-CN") => {
    const s = STRESS_SAMPLES.find((x) => x.name === name)!;
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
    expect(texts(m)).toEqual(["A & B", "x &lt; y &amp;&amp; y &gt; z", "<https://example.com/a?b=1&amp;c=2|Report &lt;2026&gt;>"]);
    expect(m.text).toBe("A &amp; B &lt;x&gt;");
  });

  it("gives buttons unique action_ids within a block, even with the same actionId twice", () => {
    const m = renderCard({ title: "Twice", tone: "neutral", blocks: [{ type: "actions", buttons: [{ actionId: "a.b", label: "1", value: "v1" }, { actionId: "a.b", label: "2", value: "v2" }] }], fallbackText: "Twice" });
    expect(buttonsOf(m).map((b) => b.action_id)).toEqual(["a.b~0", "a.b~1"]);
    expect(blockKitViolations(m)).toEqual([]);
  });
});
