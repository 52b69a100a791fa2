// Twenty simultaneous approve clicks on one level: exactly one decision and one audit row per reviewer, and
// the next level asked exactly once, for an any-of level and for an all-of level.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleClient } from "../support/console-client.js";
import { draftingTopic, requestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function approvals(reviewId: number, level: number) {
  const rows = await svc.deps.db.auditLog.findMany({ where: { subjectType: "review", subjectId: String(reviewId), action: "review.approve" } });
  return rows.filter((r) => JSON.parse(r.afterJson!).level === level).map((r) => r.actorId);
}

describe("twenty simultaneous approve clicks", () => {
  it("on an any-of level: one decision in all, one audit row, level 2 asked once", async () => {
    const topicId = await draftingTopic(api, "并发测试：或签");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/c1`);
    const card = await requestCard(api, reviewId, 1);
    const users = Array.from({ length: 20 }, (_, i) => (i % 2 ? "li.wei" : "zhang.min"));
    const clicks = await Promise.all(users.map((u) => api.click(u, card, "review.approve")));
    expect(clicks.filter((c) => c.status === 200)).toHaveLength(1);
    const refusals = clicks.filter((c) => c.status === 400).map((c) => c.error);
    expect(refusals).toHaveLength(19);
    for (const e of refusals) expect(e).toMatch(/^(已有结果：.+ 已通过 · 第 1\/3 级 · 10:00。没有做任何更改。|你已在 10:00 对第 1\/3 级做出“通过”，同一级每人只能决定一次。)$/);
    expect(await svc.deps.db.reviewDecision.count({ where: { reviewId, level: 1 } })).toBe(1);
    expect(await approvals(reviewId, 1)).toHaveLength(1);
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 2 } })).toBe(1);
  });

  it("on an all-of level: one decision and one audit row per reviewer, level 3 asked once", async () => {
    const topicId = await draftingTopic(api, "并发测试：会签");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/c2`);
    expect((await api.click("li.wei", await requestCard(api, reviewId, 1), "review.approve")).status).toBe(200);
    const card = await requestCard(api, reviewId, 2);
    const users = Array.from({ length: 20 }, (_, i) => (i % 2 ? "liu.yang" : "emma"));
    const clicks = await Promise.all(users.map((u) => api.click(u, card, "review.approve")));
    // Each reviewer's first click counts; every other click is refused with a reason, none fails inside.
    expect(clicks.filter((c) => c.status === 200)).toHaveLength(2);
    expect(clicks.filter((c) => c.status === 400)).toHaveLength(18);
    const decisions = await svc.deps.db.reviewDecision.findMany({ where: { reviewId, level: 2 } });
    const users2 = await svc.deps.db.user.findMany({ where: { id: { in: decisions.map((d) => d.reviewerId) } } });
    expect(users2.map((u) => u.handle).sort()).toEqual(["emma", "liu.yang"]);
    const audited = await approvals(reviewId, 2);
    expect(audited).toHaveLength(2);
    expect(new Set(audited).size).toBe(2);
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 3 } })).toBe(1);
    expect(await svc.deps.db.reviewLevelState.findFirst({ where: { reviewId, level: 2 } })).toMatchObject({ status: "approved" });
  });
});
