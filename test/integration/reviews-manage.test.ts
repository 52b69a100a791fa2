// Managing reviews: chains by command and from the file, the urgent lane, transfer (转交), adding a reviewer
// (加签), the author's nudge (催办) and withdrawal (撤回), /review pending and /review board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons } from "../../src/messaging/card.js";
import { cardText, consoleClient, outcomeOf } from "../support/console-client.js";
import { alerts, draftingTopic, requestCard, statusCard, submit, REVIEWS } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const MINUTE = 60_000;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function ok(p: Promise<{ status: number; error?: string }>) {
  const r = await p;
  expect(r.status, r.error).toBe(200);
  return r as Awaited<ReturnType<typeof api.say>>;
}

describe("chains", () => {
  it("lists the imported chains in the order they are tried", async () => {
    const res = await ok(api.say("emma", "/review chain list", REVIEWS));
    const text = cardText(res.messages[0]!);
    expect(text).toContain("Sensitive content review (sensitive) · order 10 · sensitive");
    expect(text).toContain("Urgent review (urgent) · order 20 · urgent");
    expect(text).toContain("Standard review (standard) (default)");
    expect(text).toContain("1. Editorial · any one of 2 · @li.wei, @zhang.min · 8 working h · escalate to @wang.fang");
  });

  it("lets only admins change chains, and checks the two-person rule and the people", async () => {
    expect((await api.say("li.wei", "/review chain set x a=all:@li.wei,@zhang.min", REVIEWS)).error).toBe("只有管理员可以修改审核流程。你的角色：审核。");
    expect((await api.say("wang.fang", "/review chain set solo a=any:@li.wei", REVIEWS)).error).toBe("审核流程“solo”不符合双人原则：每篇内容至少需要两次审核通过。");
    expect((await api.say("wang.fang", "/review chain set x a=all:@li.wei,@nobody", REVIEWS)).error).toContain("团队里没有“nobody”这个成员");
    expect((await api.say("wang.fang", "/review chain remove standard", REVIEWS)).error).toBe("“标准审核”是默认流程，请先把其他流程设为默认再删除。");
    expect(await svc.deps.db.reviewChain.count()).toBe(3);
  });

  it("picks a chain set by command by its conditions", async () => {
    await ok(api.say("wang.fang", "/review chain set bili 编辑=any:@li.wei,@zhang.min/4h; 品牌=any:@liu.yang,@wang.fang/4h>@wang.fang --when platform=B站 --priority 5", REVIEWS));
    const topicId = await draftingTopic(api, "B站新番推荐", "chen.jie", "--platform bilibili");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/b1`);
    expect(cardText(await statusCard(api, reviewId))).toContain("审核流程: bili");
    expect(cardText(await requestCard(api, reviewId, 1, 1, 2))).toContain("级别: 1 / 2 · 编辑");
    await ok(api.say("wang.fang", "/review chain remove bili", REVIEWS));
    expect(cardText(await statusCard(api, reviewId))).toContain("审核流程: bili"); // running reviews keep their chain
  });

  it("holds the last level for a second person when one person approved every level", async () => {
    await ok(api.say("wang.fang", "/review chain set pair a=any:@li.wei; b=any:@li.wei,@zhang.min --when platform=kuaishou --priority 1", REVIEWS));
    const topicId = await draftingTopic(api, "快手直播预告", "chen.jie", "--platform kuaishou");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/k1`);
    await ok(api.click("li.wei", await requestCard(api, reviewId, 1, 1, 2), "review.approve"));
    const last = await requestCard(api, reviewId, 2, 1, 2);
    const held = await ok(api.click("li.wei", last, "review.approve"));
    const card = held.messages.find((m) => m.id === last.id)!;
    expect(cardText(card)).toContain("本级规则已满足，但整个流程目前只有一人通过，还需要另一位审核人（双人原则）。");
    expect(cardButtons(card.card!).length).toBeGreaterThan(0);
    await ok(api.click("zhang.min", card, "review.approve"));
    expect((await svc.deps.db.review.findUnique({ where: { id: reviewId } }))!.status).toBe("approved");
  });

  it("re-imports templates/review-chains.json", async () => {
    await ok(api.say("wang.fang", "/review chain default pair", REVIEWS));
    const res = await ok(api.say("wang.fang", "/review chain import", REVIEWS));
    expect(cardText(res.messages[0]!)).toBe("已导入审核流程：标准审核、敏感内容审核、加急审核。默认流程：标准审核。");
    const defaults = await svc.deps.db.reviewChain.findMany({ where: { isDefault: true } });
    expect(defaults.map((d) => d.name)).toEqual(["standard"]);
  });
});

describe("the urgent lane", () => {
  it("uses the short chain and shorter deadline, still two people", async () => {
    const topicId = await draftingTopic(api, "突发：平台规则调整解读");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/u1 --flags urgent`);
    const card = await requestCard(api, reviewId, 1, 1, 1);
    expect(cardText(card)).toContain("级别: 1 / 1 · 加急审核");
    expect(cardText(card)).toContain("规则: 至少 2 人通过（共 3 人）");
    expect(cardText(card)).toContain("截止: 12:00");
    expect(cardText(card)).toContain("标记: 加急");
  });
});

describe("transfer, add, nudge, withdraw", () => {
  it("transfers a place on the level; the old reviewer can no longer decide, the new one can", async () => {
    const topicId = await draftingTopic(api, "转交测试");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/t1`);
    expect((await api.say("chen.jie", `/review transfer ${reviewId} @chen.jie`, REVIEWS)).error).toBe("陈杰 是该内容的作者，不能审核。");
    expect((await api.say("emma", `/review transfer ${reviewId} @liu.yang`, REVIEWS)).error).toBe("Emma Clarke is not waiting to decide on the current level.");
    expect((await api.say("emma", `/review transfer ${reviewId} @liu.yang --from @li.wei`, REVIEWS)).error).toBe("Only a reviewer of the level being decided, managers or admins can transfer a reviewer's place. Your roles: operator, reviewer.");
    const res = await ok(api.say("li.wei", `/review transfer ${reviewId} @liu.yang 我今天请假`, REVIEWS));
    expect(res.messages.find((m) => m.ephemeral)!.text).toBe(`R${reviewId}：李伟 的审核已转交给 刘洋。`);
    const card = await requestCard(api, reviewId, 1);
    expect(cardText(card)).toContain("审核人: 刘洋、张敏");
    expect((await api.click("li.wei", card, "review.approve")).error).toBe("你不是本审核第 1/3 级的审核人。本级审核人：刘洋、张敏。");
    await ok(api.click("liu.yang", card, "review.approve"));
    const audit = await svc.deps.db.auditLog.findFirst({ where: { action: "review.transfer", subjectId: String(reviewId) } });
    expect(audit).toMatchObject({ reason: "我今天请假" });
    expect(JSON.parse(audit!.afterJson!)).toMatchObject({ version: 1, level: 1 });
  });

  it("adds a reviewer to an all-of level, who then has to approve too", async () => {
    const topicId = await draftingTopic(api, "加签测试");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/a1`);
    await ok(api.click("zhang.min", await requestCard(api, reviewId, 1), "review.approve"));
    expect((await api.say("chen.jie", `/review add ${reviewId} @li.wei`, REVIEWS)).error).toBe("只有当前级别的审核人、主管或管理员可以为本级加签。你的角色：运营。");
    await ok(api.say("wang.fang", `/review add ${reviewId} @li.wei 涉及医疗表述`, REVIEWS));
    const card = await requestCard(api, reviewId, 2);
    expect(cardText(card)).toContain("审核人: 刘洋、Emma Clarke、李伟");
    await ok(api.click("liu.yang", card, "review.approve"));
    await ok(api.click("emma", card, "review.approve"));
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 3 } })).toBe(0);
    await ok(api.click("li.wei", card, "review.approve"));
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 3 } })).toBe(1);
  });

  it("lets the author nudge at most once an hour, and withdraw from the status card", async () => {
    const topicId = await draftingTopic(api, "催办测试");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/n1`);
    const status = await statusCard(api, reviewId);
    expect((await api.click("emma", status, "review.nudge")).error).toBe("Only the author, managers or admins can nudge this review's reviewers. Your roles: operator, reviewer.");
    await ok(api.click("chen.jie", status, "review.nudge"));
    expect((await alerts(api, reviewId)).at(-1)).toMatch(/^👋 陈杰 催办：请 李伟、张敏 尽快审核「编辑初审」（第 1\/3 级）（截止 /);
    expect((await api.click("chen.jie", status, "review.nudge")).error).toBe("刚刚已经催办过了，11:00 之后可以再次催办。");
    svc.clock.advance(61 * MINUTE);
    await ok(api.click("chen.jie", status, "review.nudge"));
    expect(await svc.deps.db.auditLog.count({ where: { action: "review.nudge", subjectId: String(reviewId) } })).toBe(2);

    const withdrawn = await ok(api.click("chen.jie", status, "review.withdraw", "选题暂停"));
    expect(outcomeOf(withdrawn.messages.find((m) => m.id === status.id)!)).toBe("陈杰 已撤回 · 11:01 · 选题暂停");
    expect(outcomeOf(await requestCard(api, reviewId, 1))).toBe("陈杰 已撤回 · 11:01 · 选题暂停");
    expect((await api.click("chen.jie", status, "review.nudge")).error).toBe("已有结果：陈杰 已撤回 · 11:01 · 选题暂停。没有做任何更改。");
    expect(await svc.deps.db.review.findUnique({ where: { id: reviewId } })).toMatchObject({ status: "withdrawn", closedReason: "选题暂停" });
  });
});

describe("pending and board", () => {
  it("shows what waits on me, and everything in review oldest first with overdue marked", async () => {
    const first = await draftingTopic(api, "看板测试一");
    const a = await submit(api, `${first} https://docs.example.com/d/p1`);
    const second = await draftingTopic(api, "看板测试二");
    const b = await submit(api, `${second} https://docs.example.com/d/p2`);
    await ok(api.click("li.wei", await requestCard(api, b, 1), "review.approve"));

    const mine = cardText((await ok(api.say("li.wei", "/review pending", REVIEWS))).messages[0]!);
    expect(mine).toContain(`R${a} #${first} 看板测试一`);
    expect(mine).not.toContain(`R${b} `);
    const emma = cardText((await ok(api.say("emma", "/review pending", REVIEWS))).messages[0]!);
    expect(emma).toContain(`R${b} #${second} 看板测试二 · v1 · 2 / 3 · Compliance · waiting on 刘洋, Emma Clarke`);

    svc.clock.advance(2 * 24 * 60 * MINUTE);
    const board = cardText((await ok(api.say("wang.fang", "/review board", REVIEWS))).messages[0]!);
    const lines = board.split("\n");
    const ia = lines.findIndex((l) => l.includes(`R${a} `));
    const ib = lines.findIndex((l) => l.includes(`R${b} `));
    expect(ia).toBeGreaterThan(0);
    expect(ib).toBeGreaterThan(ia);
    expect(lines[ia]).toMatch(/^⚠ .* · ⚠ 已超时$/);
  });
});
