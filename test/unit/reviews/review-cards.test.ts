// The review templates: what reviewers read, in both languages, and the outcome line that replaces buttons.
import { describe, expect, it } from "vitest";
import { cardButtons } from "../../../src/messaging/card.js";
import { renderTemplate } from "../../../templates/index.js";
import { REVIEW_SAMPLES } from "../../contract/review-samples.js";

const request = REVIEW_SAMPLES["review.request"][0]!.model;

describe("request card", () => {
  it("shows title, author, version, level 2 / 3, earlier levels, the draft and what changed", () => {
    const zh = renderTemplate("review.request", request, "zh-CN");
    expect(zh.title).toBe("审核 R5 · #12 双十一后的退货潮：三个省心技巧");
    expect(zh.fallbackText).toContain("作者: 陈杰");
    expect(zh.fallbackText).toContain("版本: v2");
    expect(zh.fallbackText).toContain("级别: 2 / 3 · 合规审核");
    expect(zh.fallbackText).toContain("规则: 全部通过（会签，共 2 人）");
    expect(zh.fallbackText).toContain("审核人: 刘洋 ✓、Emma Clarke");
    expect(zh.fallbackText).toContain("v1 被 李伟 退回：标题夸大，违反广告法");
    expect(zh.fallbackText).toContain("− …史上最全退货攻略…");
    expect(zh.fallbackText).toContain("+ …三个省心退货技巧…");
    expect(zh.fallbackText).toContain("✓ 1/3 编辑初审 · 任一人通过（或签，共 2 人） · 李伟 已通过 · 第 1/3 级 · 10:02 · 用时 2分钟");
    expect(zh.blocks).toContainEqual({ type: "link", label: "查看稿件", url: "https://docs.example.com/d/42" });
  });

  it("has Approve, Request changes and Reject (both asking for a reason) and a send-back per earlier level", () => {
    const en = renderTemplate("review.request", request, "en");
    expect(cardButtons(en).map((b) => [b.actionId, b.label, b.reasonPrompt ?? null])).toEqual([
      ["review.approve", "Approve", null],
      ["review.changes", "Request changes", "What needs to change?"],
      ["review.reject", "Reject", "Why is it rejected?"],
      ["review.back_1", "Back to level 1", "Why send it back?"],
    ]);
  });

  it("replaces the buttons with the outcome line once decided", () => {
    const decided = REVIEW_SAMPLES["review.request"][1]!.model;
    const en = renderTemplate("review.request", decided, "en");
    expect(cardButtons(en)).toEqual([]);
    expect(en.blocks.at(-1)).toEqual({ type: "outcome", text: "Approved by 刘洋, Emma Clarke · level 2/3 · 10:42", tone: "success" });
    const back = renderTemplate("review.request", REVIEW_SAMPLES["review.request"][2]!.model, "zh-CN");
    expect(back.blocks.at(-1)).toMatchObject({ type: "outcome", text: "王芳 退回至第 1 级 · 第 2/3 级 · 11:05 · 数据来源需要编辑复核" });
  });
});

describe("status, list and alert cards", () => {
  it("lists each level with who decided, who is pending and overdue marks", () => {
    const en = renderTemplate("review.status", REVIEW_SAMPLES["review.status"][0]!.model, "en");
    expect(en.fallbackText).toContain("⏳ 2/3 Compliance · all 2 · 刘洋 approved 10:30 · waiting on Emma Clarke · due 11-27 10:02 · ⚠ overdue");
    expect(en.fallbackText).toContain("○ 3/3 Brand · at least 2 of 3");
    expect(cardButtons(en).map((b) => b.actionId)).toEqual(["review.nudge", "review.withdraw"]);
  });

  it("shows the history of every version on /review status", () => {
    const zh = renderTemplate("review.status", REVIEW_SAMPLES["review.status"][1]!.model, "zh-CN");
    expect(zh.fallbackText).toContain("v1 · 陈杰 提交 · 11-26 10:00 · 待修改");
    expect(zh.fallbackText).toContain("↩ 1/3 编辑初审 · 任一人通过（或签，共 2 人） · 李伟 要求修改 · 第 1/3 级 · 10:05 · 标题夸大");
    expect(zh.blocks.at(-1)).toMatchObject({ type: "outcome", text: "王芳 审核通过 · 11-27 15:20" });
  });

  it("marks overdue reviews on the board and says when nothing waits", () => {
    expect(renderTemplate("review.list", REVIEW_SAMPLES["review.list"][0]!.model, "en").fallbackText).toContain("⚠ R5 #12 退货潮技巧 · v2 · 2 / 3 · Compliance · waiting on Emma Clarke · since 11-26 10:00 · due 11-27 10:02 · ⚠ overdue");
    expect(renderTemplate("review.list", REVIEW_SAMPLES["review.list"][1]!.model, "zh-CN").fallbackText).toBe("待我审核（0）\n目前没有等你审核的内容。");
  });

  it("words reminders and escalations in both languages", () => {
    const [reminder, escalation] = REVIEW_SAMPLES["review.alert"];
    expect(renderTemplate("review.alert", reminder!.model, "zh-CN").fallbackText).toContain("⏰ 提醒：「合规审核」（第 2/3 级）将于 11-27 10:02 截止，待 Emma Clarke 审核");
    expect(renderTemplate("review.alert", escalation!.model, "en").fallbackText).toContain("⚠ Overdue: level 2/3 (Compliance) was due 11-27 10:02; escalated to 王芳 (waiting on Emma Clarke)");
  });
});
