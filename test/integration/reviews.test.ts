// The review flow end to end through the console: a three-level chain (any-of, all-of, 2-of-3) with a request
// for changes and a resubmission, ending approved, every card in its final state, and /review status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons } from "../../src/messaging/card.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { alerts, channel, draftingTopic, isRequestCard, requestCard, statusCard, submit, REVIEWS } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const MINUTE = 60_000;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function click(user: string, card: ApiMessage, actionId: string, reason?: string) {
  const res = await api.click(user, card, actionId, reason);
  expect(res.status, res.error).toBe(200);
  return res;
}

describe("a three-level review with a request for changes and a resubmission", () => {
  it("goes from submission to approved, and every card ends in its final state", async () => {
    const topicId = await draftingTopic(api, "双十一后的退货潮：史上最全退货攻略");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/41 初稿`);
    expect((await svc.deps.db.topic.findUnique({ where: { id: topicId } }))!.status).toBe("in_review");

    // v1, level 1 (any of 李伟 / 张敏): the request card carries what a reviewer needs.
    const l1v1 = await requestCard(api, reviewId, 1);
    expect(l1v1.card!.title).toBe(`审核 R${reviewId} · #${topicId} 双十一后的退货潮：史上最全退货攻略`);
    expect(cardText(l1v1)).toContain("作者: 陈杰");
    expect(cardText(l1v1)).toContain("级别: 1 / 3 · 编辑初审");
    expect(cardText(l1v1)).toContain("审核人: 李伟、张敏");
    expect(cardText(l1v1)).toContain("https://docs.example.com/d/41");
    expect(cardButtons(l1v1.card!).map((b) => b.label)).toEqual(["通过", "要求修改", "驳回"]);

    svc.clock.advance(5 * MINUTE);
    const changes = await click("li.wei", l1v1, "review.changes", "标题夸大，违反广告法");
    expect(outcomeOf(changes.messages.find((m) => m.id === l1v1.id)!)).toBe("李伟 要求修改 · 第 1/3 级 · 10:05 · 标题夸大，违反广告法");
    expect((await svc.deps.db.topic.findUnique({ where: { id: topicId } }))!.status).toBe("drafting");
    expect(cardText(await statusCard(api, reviewId))).toContain("状态: 待修改");
    expect((await alerts(api, reviewId)).at(-1)).toContain("李伟 在「编辑初审」（第 1/3 级）要求修改");

    // v2: the reviewers see the note and what changed.
    svc.clock.advance(60 * MINUTE);
    expect(await submit(api, `${topicId} https://docs.example.com/d/42 按意见改了标题`)).toBe(reviewId);
    const l1v2 = await requestCard(api, reviewId, 1, 2);
    expect(cardText(l1v2)).toContain("说明: 按意见改了标题");
    expect(cardText(l1v2)).toContain("v1 被 李伟 退回：标题夸大，违反广告法");
    expect(cardText(l1v2)).toContain("− https://docs.example.com/d/41");
    expect(cardText(l1v2)).toContain("+ https://docs.example.com/d/42");

    svc.clock.advance(2 * MINUTE);
    const l1ok = await click("zhang.min", l1v2, "review.approve");
    expect(outcomeOf(l1ok.messages.find((m) => m.id === l1v2.id)!)).toBe("张敏 已通过 · 第 1/3 级 · 11:07");

    // Level 2 (all of 刘洋 / Emma): one approval updates the card in place, the second decides it.
    const l2 = await requestCard(api, reviewId, 2, 2);
    expect(cardText(l2)).toContain("✓ 1/3 编辑初审 · 任一人通过（或签，共 2 人） · 张敏 已通过 · 第 1/3 级 · 11:07 · 用时 2分钟");
    expect(cardButtons(l2.card!).map((b) => b.label)).toEqual(["通过", "要求修改", "驳回", "退回第 1 级"]);
    const half = await click("liu.yang", l2, "review.approve");
    const l2half = half.messages.find((m) => m.id === l2.id)!;
    expect(cardText(l2half)).toContain("审核人: 刘洋 ✓、Emma Clarke");
    expect(outcomeOf(l2half)).toBeUndefined();
    svc.clock.advance(3 * MINUTE);
    await click("emma", l2half, "review.approve");
    expect(outcomeOf((await channel(api)).find((m) => m.id === l2.id)!)).toBe("刘洋、Emma Clarke 已通过 · 第 2/3 级 · 11:10");

    // Level 3 (2 of 王芳 / 刘洋 / 张敏).
    const l3 = await requestCard(api, reviewId, 3, 2);
    expect(cardText(l3)).toContain("规则: 至少 2 人通过（共 3 人）");
    await click("wang.fang", l3, "review.approve");
    svc.clock.advance(MINUTE);
    await click("liu.yang", (await channel(api)).find((m) => m.id === l3.id)!, "review.approve");

    const topic = await svc.deps.db.topic.findUnique({ where: { id: topicId } });
    expect(topic!.status).toBe("approved");
    expect((await alerts(api, reviewId)).at(-1)).toBe("✅ 审核通过（v2，共 3 级）");

    // Every card of the review in the channel is final: no buttons left, each with its outcome line.
    const cards = (await channel(api)).filter((m) => m.card?.title.includes(`R${reviewId} `) && (isRequestCard(m, reviewId) || cardText(m).includes("状态: ")));
    expect(cards).toHaveLength(5);
    for (const c of cards) {
      expect(cardButtons(c.card!), c.card!.title).toEqual([]);
    }
    expect(cards.map(outcomeOf)).toEqual([
      "刘洋 审核通过 · 11:11",
      "李伟 要求修改 · 第 1/3 级 · 10:05 · 标题夸大，违反广告法",
      "张敏 已通过 · 第 1/3 级 · 11:07",
      "刘洋、Emma Clarke 已通过 · 第 2/3 级 · 11:10",
      "王芳、刘洋 已通过 · 第 3/3 级 · 11:11",
    ]);

    // /review status: the chain, who decided what and when, how long each level took, every version.
    const status = await api.say("emma", `/review status R${reviewId}`, REVIEWS);
    expect(status.status, status.error).toBe(200);
    const text = cardText(status.messages[0]!);
    expect(text).toContain("Status: approved");
    expect(text).toContain("v1 · submitted by 陈杰 · 10:00 · changes requested");
    expect(text).toContain("↩ 1/3 Editorial · any one of 2 · Changes requested by 李伟 · level 1/3 · 10:05 · 标题夸大，违反广告法 · took 5m");
    expect(text).toContain("v2 · submitted by 陈杰 · 11:05 · approved · Note: 按意见改了标题");
    expect(text).toContain("✓ 2/3 Compliance · all 2 · Approved by 刘洋, Emma Clarke · level 2/3 · 11:10 · took 3m");
    expect(text).toContain("✓ 3/3 Brand · at least 2 of 3 · Approved by 王芳, 刘洋 · level 3/3 · 11:11 · took 1m");

    // The audit trail has every step, with the version.
    const rows = await svc.deps.db.auditLog.findMany({ where: { subjectType: "review", subjectId: String(reviewId) }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["review.submit", "review.changes", "review.resubmit", "review.approve", "review.approve", "review.approve", "review.approve", "review.approve"]);
    expect(rows.map((r) => JSON.parse(r.afterJson!).version)).toEqual([1, 1, 2, 2, 2, 2, 2, 2]);
    expect(rows[1]!.reason).toBe("标题夸大，违反广告法");
  });

  it("sends back to an earlier level when a reviewer chooses, and that level is asked again", async () => {
    const topicId = await draftingTopic(api, "冬季护肤三步法");
    const reviewId = await submit(api, `${topicId} "第一段：清洁。第二段：保湿。"`);
    await click("li.wei", await requestCard(api, reviewId, 1), "review.approve");
    const l2 = await requestCard(api, reviewId, 2);
    const back = await click("emma", l2, "review.back_1", "Please double-check the product claims");
    expect(outcomeOf(back.messages.find((m) => m.id === l2.id)!)).toBe("Emma Clarke 退回至第 1 级 · 第 2/3 级 · 11:11 · Please double-check the product claims");
    const again = (await channel(api)).filter((m) => isRequestCard(m, reviewId) && cardText(m).includes("级别: 1 / 3"));
    expect(again).toHaveLength(2);
    expect(cardButtons(again[1]!.card!).map((b) => b.actionId)).toContain("review.approve");
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 1 } })).toBe(2);
    expect((await svc.deps.db.topic.findUnique({ where: { id: topicId } }))!.status).toBe("in_review");
  });

  it("reject ends the review with the reason and the topic is rejected", async () => {
    const topicId = await draftingTopic(api, "明星同款背景音乐合集");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/50 --cc @wang.fang`);
    const l1 = await requestCard(api, reviewId, 1);
    const res = await click("zhang.min", l1, "review.reject", "使用了未授权的背景音乐");
    expect(outcomeOf(res.messages.find((m) => m.id === l1.id)!)).toBe("张敏 已驳回 · 第 1/3 级 · 11:11 · 使用了未授权的背景音乐");
    expect(await svc.deps.db.topic.findUnique({ where: { id: topicId } })).toMatchObject({ status: "rejected", reason: "使用了未授权的背景音乐" });
    expect(outcomeOf(await statusCard(api, reviewId))).toBe("张敏 已驳回 · 11:11 · 使用了未授权的背景音乐");
    const cc = await svc.deps.db.outboxMessage.count({ where: { kind: "direct", template: "review.alert", modelJson: { contains: '"kind":"rejected"' } } });
    expect(cc).toBeGreaterThanOrEqual(2); // the author and the CC, each in a direct message where the platform has one
  });
});
