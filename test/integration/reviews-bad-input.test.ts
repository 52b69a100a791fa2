// Bad input on reviews: unknown ids, the wrong person, a closed review, a missing reason, stale, forged or
// mismatched buttons. Each gets a clear sentence and changes nothing; the service keeps answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAction } from "../../src/messaging/action.js";
import { buttonOf, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { draftingTopic, requestCard, submit, REVIEWS } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
let reviewId: number;
let topicId: number;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
  topicId = await draftingTopic(api, "门店探访 vlog");
  reviewId = await submit(api, `${topicId} https://docs.example.com/d/7`);
});
afterAll(() => svc.dispose());

/** Snapshot of everything a refused request must leave alone. */
async function state() {
  const db = svc.deps.db;
  return {
    decisions: await db.reviewDecision.count(),
    audits: await db.auditLog.count({ where: { subjectType: "review" } }),
    review: await db.review.findMany({ orderBy: { id: "asc" } }),
    levels: await db.reviewLevelState.findMany({ orderBy: { id: "asc" } }),
  };
}

async function refused(res: Promise<{ status: number; error?: string }>, before: Awaited<ReturnType<typeof state>>): Promise<string> {
  const r = await res;
  expect(r.status).toBe(400);
  expect(await state()).toEqual(before);
  return r.error!;
}

function clickValue(user: string, card: ApiMessage, actionId: string, value: string, reason?: string) {
  return api.call("POST", "/console/api/actions", { user, messageId: card.id, actionId, value, reason });
}

describe("refusals", () => {
  it("unknown ids and malformed ids", async () => {
    const before = await state();
    expect(await refused(api.say("wang.fang", "/review status R999", REVIEWS), before)).toBe("没有编号为 R999 的审核。输入 /review board 查看审核中的内容。");
    expect(await refused(api.say("emma", "/review approve abc", REVIEWS), before)).toBe('"abc" is not a review id. Use the number on the card, such as R5 or 5.');
    expect(await refused(api.say("chen.jie", "/review submit 999 https://x.example.com", REVIEWS), before)).toBe("没有编号为 #999 的选题。输入 /topic list 查看选题库。");
  });

  it("a reviewer not on the level, and the author on their own work", async () => {
    const card = await requestCard(api, reviewId, 1);
    const before = await state();
    expect(await refused(api.click("emma", card, "review.approve"), before)).toBe("You are not a reviewer on level 1/3 of this review. Its reviewers: 李伟, 张敏.");
    expect(await refused(api.click("chen.jie", card, "review.approve"), before)).toBe("不能审核自己的作品，需要本级的其他审核人决定。");
  });

  it("an author listed as a reviewer is left off the level", async () => {
    const own = await draftingTopic(api, "张敏的探店笔记", "zhang.min");
    const id = await submit(api, `${own} https://docs.example.com/d/8`, "zhang.min");
    const card = await requestCard(api, id, 1);
    expect(card.text).toContain("审核人: 李伟\n");
    const before = await state();
    expect(await refused(api.click("zhang.min", card, "review.approve"), before)).toBe("不能审核自己的作品，需要本级的其他审核人决定。");
  });

  it("a missing reason for request changes and reject", async () => {
    const card = await requestCard(api, reviewId, 1);
    const before = await state();
    expect(await refused(api.click("li.wei", card, "review.changes"), before)).toBe("要求修改需要填写原因。");
    expect(await refused(api.click("li.wei", card, "review.reject", "   "), before)).toBe("驳回需要填写原因。");
    expect(await refused(api.say("li.wei", `/review reject ${reviewId}`, REVIEWS), before)).toBe("缺少 <原因>。用法：/review reject <审核编号> <原因>");
  });

  it("forged, tampered or mismatched button payloads", async () => {
    const card = await requestCard(api, reviewId, 1);
    const value = buttonOf(card, "review.approve").value;
    const before = await state();
    const malformed = "这个按钮无效（可能来自旧消息或被修改过），没有做任何更改。";
    const tampered = value.replace(`.review.${reviewId}.`, `.review.${reviewId + 100}.`);
    expect(tampered).not.toBe(value);
    expect(await refused(clickValue("li.wei", card, "review.approve", tampered), before)).toBe(malformed);
    expect(await refused(clickValue("li.wei", card, "review.reject", value, "x"), before)).toBe(malformed);
    expect(await refused(clickValue("li.wei", card, "review.approve", `${value.slice(0, -2)}xx`), before)).toBe(malformed);
    // Signed with the right key but naming a pass of another review: still refused.
    const other = await svc.deps.db.reviewLevelState.findFirst({ where: { NOT: { reviewId } } });
    const mismatched = encodeAction({ action: "approve", subjectType: "review", subjectId: String(reviewId), stateVersion: other!.id }, svc.deps.buttonKey);
    expect(await refused(clickValue("li.wei", card, "review.approve", mismatched), before)).toBe(malformed);
    const unknown = encodeAction({ action: "explode", subjectType: "review", subjectId: String(reviewId), stateVersion: 1 }, svc.deps.buttonKey);
    expect(await refused(clickValue("li.wei", card, "review.explode", unknown), before)).toBe("这个按钮（review.explode）已不再支持，没有做任何更改。");
  });

  it("a click on an old card is told who decided; nobody decides twice; no send-back to a later level", async () => {
    const l1 = await requestCard(api, reviewId, 1);
    expect((await api.click("li.wei", l1, "review.approve")).status).toBe(200);
    let before = await state();
    expect(await refused(api.click("zhang.min", l1, "review.approve"), before)).toBe("已有结果：李伟 已通过 · 第 1/3 级 · 10:00。没有做任何更改。");
    expect(await refused(api.say("li.wei", `/review approve ${reviewId}`, REVIEWS), before)).toBe("你不是本审核第 2/3 级的审核人。本级审核人：刘洋、Emma Clarke。");
    const l2 = await requestCard(api, reviewId, 2);
    expect((await api.click("liu.yang", l2, "review.approve")).status).toBe(200);
    before = await state();
    expect(await refused(api.say("liu.yang", `/review approve R${reviewId}`, REVIEWS), before)).toBe("你已在 10:00 对第 2/3 级做出“通过”，同一级每人只能决定一次。");
    expect(await refused(api.say("emma", `/review changes ${reviewId} check the data --to 2`, REVIEWS), before)).toBe(
      "Level 2 is not an earlier level: from level 2 you can send it back to levels 1–1, or to the author.",
    );
  });

  it("a decision on a withdrawn review, by command or on its old cards", async () => {
    const l2 = await requestCard(api, reviewId, 2);
    const withdrawn = await api.say("chen.jie", `/review withdraw ${reviewId} 选题取消`, REVIEWS);
    expect(withdrawn.status, withdrawn.error).toBe(200);
    expect(outcomeOf(withdrawn.messages.find((m) => m.id === l2.id)!)).toBe("陈杰 已撤回 · 10:00 · 选题取消");
    const before = await state();
    expect(await refused(api.say("emma", `/review approve ${reviewId}`, REVIEWS), before)).toBe(`Review R${reviewId} is withdrawn; it takes no further decisions.`);
    expect(await refused(api.click("emma", l2, "review.approve"), before)).toBe("Already decided: Withdrawn by 陈杰 · 10:00 · 选题取消. Nothing was changed.");
    expect(await refused(api.say("chen.jie", `/review withdraw ${reviewId}`, REVIEWS), before)).toBe(`审核 R${reviewId} 当前为“已撤回”，不能再做决定。`);
    // Withdrawn, not deleted: still shown, and the topic is back to drafting.
    const status = await api.say("wang.fang", `/review status ${reviewId}`, REVIEWS);
    expect(status.messages[0]!.text).toContain("状态: 已撤回");
    expect((await svc.deps.db.topic.findUnique({ where: { id: topicId } }))!.status).toBe("drafting");
  });

  it("refuses to submit a topic that is not drafting, or twice", async () => {
    const idea = await api.say("chen.jie", "/topic propose 还只是个想法 --platform weibo");
    const id = Number(/^#(\d+)/.exec(idea.messages.find((m) => m.card?.title.startsWith("#"))!.card!.title)![1]);
    const before = await state();
    expect(await refused(api.say("chen.jie", `/review submit ${id} https://x.example.com`, REVIEWS), before)).toBe(
      "处于“待评估”的选题不能变为“审核中”。从“待评估”只能变为：已通过、已驳回、已归档。",
    );
    const again = await draftingTopic(api, "重复提交测试");
    const first = await submit(api, `${again} https://docs.example.com/d/9`);
    const after = await state();
    expect(await refused(api.say("chen.jie", `/review submit ${again} https://docs.example.com/d/10`, REVIEWS), after)).toBe(`选题 #${again} 已在审核中（R${first}），请等待结果或先撤回。`);
  });

  it("keeps running: the board still answers", async () => {
    const board = await api.say("wang.fang", "/review board", REVIEWS);
    expect(board.status).toBe(200);
    expect(board.messages[0]!.text).toMatch(/^审核中（\d+），按提交先后/);
  });
});
