// Every template renders to a WeCom template_card (and robot markdown) within the documented limits; snapshots.
import { describe, expect, it } from "vitest";
import {
  clipZi,
  renderWecomMarkdown,
  renderWecomMessage,
  renderWecomTemplateCard,
  WECOM_LIMITS,
  wecomButtons,
  ziWidth,
} from "../../../src/adapters/wecom/render-card.js";
import type { Card } from "../../../src/messaging/card.js";
import { sampleCards } from "../sample-cards.js";

type Obj = Record<string, unknown>;
const TASK = "mo-00000000-0000-4000-8000-000000000000";

function checkLimits(tc: Obj): void {
  const main = tc.main_title as { title: string };
  expect(ziWidth(main.title)).toBeLessThanOrEqual(WECOM_LIMITS.titleZi);
  if (tc.sub_title_text !== undefined) expect(ziWidth(tc.sub_title_text as string)).toBeLessThanOrEqual(WECOM_LIMITS.subTitleZi);
  const horizontal = (tc.horizontal_content_list as { keyname: string; value: string }[] | undefined) ?? [];
  expect(horizontal.length).toBeLessThanOrEqual(WECOM_LIMITS.horizontalItems);
  for (const h of horizontal) {
    expect(ziWidth(h.keyname)).toBeLessThanOrEqual(WECOM_LIMITS.keynameZi);
    expect(ziWidth(h.value)).toBeLessThanOrEqual(WECOM_LIMITS.valueZi);
  }
  const buttons = (tc.button_list as { text: string; key: string; style: number }[] | undefined) ?? [];
  expect(buttons.length).toBeLessThanOrEqual(WECOM_LIMITS.buttons);
  for (const b of buttons) {
    expect(ziWidth(b.text)).toBeLessThanOrEqual(WECOM_LIMITS.buttonTextZi);
    expect(Buffer.byteLength(b.key)).toBeLessThanOrEqual(WECOM_LIMITS.buttonKeyBytes);
    expect([1, 2, 3, 4]).toContain(b.style);
  }
  expect(new Set(buttons.map((b) => b.key)).size).toBe(buttons.length);
  expect(Buffer.byteLength(tc.task_id as string)).toBeLessThanOrEqual(128);
  expect(tc.task_id).toMatch(/^[0-9A-Za-z_\-@]+$/);
  if (tc.card_type === "text_notice") expect(tc.card_action).toMatchObject({ type: 1, url: expect.stringMatching(/^https?:\/\//) });
  else expect(tc.card_type).toBe("button_interaction");
}

describe("Card → WeCom template_card", () => {
  for (const { name, card } of sampleCards()) {
    it(`renders ${name}`, () => {
      const tc = renderWecomTemplateCard(card, { taskId: TASK });
      checkLimits(tc);
      // Buttons that ask for a reason cannot be shown (a template card cannot ask for text).
      const keys = ((tc.button_list as { key: string }[] | undefined) ?? []).map((b) => b.key);
      expect(keys).toEqual(wecomButtons(card).map((b) => b.value));
      const message = renderWecomMessage(card, { taskId: TASK });
      if (message.msgtype === "markdown") {
        expect(wecomButtons(card)).toHaveLength(0);
        expect(Buffer.byteLength(message.markdown.content)).toBeLessThanOrEqual(WECOM_LIMITS.appMarkdownBytes);
      } else {
        checkLimits(message.template_card);
      }
      const markdown = renderWecomMarkdown(card);
      expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(WECOM_LIMITS.robotMarkdownBytes);
      expect({ templateCard: tc, message, robotMarkdown: markdown }).toMatchSnapshot();
    });
  }

  it("counts 字 the documented way and clips with an ellipsis", () => {
    expect(ziWidth("选题abcd")).toBe(4);
    expect(clipZi("Proposed by", 5)).toBe("Proposed…");
    expect(clipZi("计划发布", 5)).toBe("计划发布");
    expect(clipZi("一二三四五六", 5)).toBe("一二三四…");
  });

  it("sends a long text-only card as markdown, clipped to the app's 2048 bytes", () => {
    const long: Card = { title: "列表", tone: "neutral", blocks: [{ type: "list", items: Array.from({ length: 300 }, (_, i) => `第 ${i} 项`) }], fallbackText: "x" };
    const message = renderWecomMessage(long, { taskId: TASK });
    expect(message.msgtype).toBe("markdown");
    if (message.msgtype === "markdown") expect(Buffer.byteLength(message.markdown.content)).toBeLessThanOrEqual(2048);
  });

  it("keeps markdown markup out of user text", () => {
    const card: Card = { title: "<font color=\"warning\">x</font>", tone: "info", blocks: [], fallbackText: "" };
    expect(renderWecomMarkdown(card)).toBe("**＜font color=\"warning\"＞x＜/font＞**");
  });
});
