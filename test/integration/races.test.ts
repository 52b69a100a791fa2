// Races that really race, on SQLite and (MEDIAOPS_TEST_DATABASE=postgres) PostgreSQL. Every contender reads
// the same state before any of them writes (test/support/race.ts holds each after its read), so only the
// guard under test stands between them and a double decision or a double send:
// - the topic's version guard (src/app/topics/change-topic.ts),
// - the outbox claim (src/app/outbox/deliver.ts),
// - the review row lock (lockReview in src/app/reviews/review-records.ts), raced from separate threads with
//   their own connections, since one SQLite connection runs one transaction at a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickConsoleAction, postConsoleMessage, type ConsoleResult } from "../../src/app/console/console-api.js";
import type { Db } from "../../src/db/client.js";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import { buttonOf, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startContenders, type Contenders } from "../support/contenders.js";
import { raceGate } from "../support/race.js";
import { draftingTopic, requestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

/** The refusal sentence of an answer (none for a 200). */
const errorOf = (r: ConsoleResult) => ("error" in r ? r.error : undefined);
const clickBody = (user: string, m: ApiMessage, actionId: string) => ({ user, messageId: m.id, actionId, value: buttonOf(m, actionId).value });

async function proposed(title: string): Promise<ApiMessage> {
  const res = await api.say("chen.jie", `/topic propose ${title} --platform weibo`);
  expect(res.status, res.error).toBe(200);
  return res.messages.find((m) => m.card?.title.endsWith(title))!;
}

describe("twenty Accept clicks that all read the idea before any of them writes", () => {
  it("make one decision: one audit row, one version step, one outcome line; the others are told why", async () => {
    const card = await proposed("真并发的接受点击");
    const topicId = Number(/^#(\d+)/.exec(card.card!.title)![1]);
    const before = await svc.deps.db.topic.findUniqueOrThrow({ where: { id: topicId } });
    const gate = raceGate(svc.deps.db, "topic", "findFirst", 20);
    // The use case itself, without the inbox (which runs one event per conversation at a time): the same
    // topic can be clicked from several channels and platforms at once, where only its version guard decides.
    const deps = { ...svc.deps, db: gate.db, inbox: undefined };
    const clicks = await Promise.all(Array.from({ length: 20 }, (_, i) => gate.run(() => clickConsoleAction(deps, clickBody(i % 2 ? "wang.fang" : "liu.yang", card, "topic.accept"), "zh-CN"))));
    expect(gate.held(), "every click read the topic before any wrote").toBe(20);
    expect(clicks.filter((c) => c.status === 200)).toHaveLength(1);
    const refusals = clicks.filter((c) => c.status === 400).map(errorOf);
    expect(refusals).toHaveLength(19);
    for (const e of refusals) expect(e).toMatch(new RegExp(`^(选题 #${topicId} 刚刚被他人修改，请查看卡片后重试。|这张卡片已过期：.+)$`));
    expect(await svc.deps.db.auditLog.count({ where: { subjectType: "topic", subjectId: String(topicId), action: "topic.accept" } })).toBe(1);
    expect((await svc.deps.db.topic.findUniqueOrThrow({ where: { id: topicId } })).version).toBe(before.version + 1);
    const shown = (await api.read("topics")).messages.find((m) => m.id === card.id)!;
    expect(outcomeOf(shown)).toMatch(/^(王芳|刘洋) 已通过 · 11-26 10:00$/);
    expect(shown.card!.blocks.filter((b) => b.type === "outcome")).toHaveLength(1);
  });
});

describe("five outbox workers that all read the same due message", () => {
  it("send it once", async () => {
    const title = "五个发送者同时看到的卡片";
    const real = svc.deps.channels.get("console")!;
    const failing: ChatChannel = { ...real, platform: "console", post: async () => Promise.reject(new Error("platform down")), update: real.update.bind(real), ephemeral: real.ephemeral.bind(real) };
    svc.deps.channels.set("console", failing);
    try {
      expect((await api.say("chen.jie", `/topic propose ${title} --platform weibo`)).status).toBe(200);
    } finally {
      svc.deps.channels.set("console", real);
    }
    const row = await svc.deps.db.outboxMessage.findFirstOrThrow({ where: { status: "pending", attempts: 1 }, orderBy: { id: "desc" } });
    svc.clock.advance(10 * 60_000); // past the retry's backoff: due for every worker
    const gate = raceGate(svc.deps.db, "outboxMessage", "findMany", 5);
    // The use case itself, without the inbox (which runs one event per conversation at a time): the same
    // topic can be clicked from several channels and platforms at once, where only its version guard decides.
    const deps = { ...svc.deps, db: gate.db, inbox: undefined };
    await Promise.all(Array.from({ length: 5 }, () => gate.run(() => deliverOutbox(deps))));
    expect(gate.held(), "every worker read the due message before any claimed it").toBe(5);
    const copies = (await api.read("topics")).messages.filter((m) => m.card?.title.endsWith(title));
    expect(copies).toHaveLength(1);
    expect(await svc.deps.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("an outbox worker that runs between a request's commit and the request's own delivery", () => {
  // The cause of the replicas test's missing card: a replica's worker (or this process's own 5-second tick)
  // took the freshly committed row, so the card was posted once but the proposer's answer came back without it.
  it("leaves the row to the request, whose answer shows the card, posted once", async () => {
    const title = "提交之后被别的发送者抢走";
    let worker: Promise<unknown> | undefined;
    // The request claims its own rows in one raw UPDATE ... RETURNING (src/app/outbox/deliver.ts): held here.
    const db = (svc.deps.db as unknown as { $extends: (e: unknown) => Db }).$extends({
      query: {
        $queryRawUnsafe: async ({ args, query }: { args: unknown[]; query: (a: unknown) => Promise<unknown> }) => {
          if (String(args[0]).includes('UPDATE "OutboxMessage"')) {
            worker ??= deliverOutbox(svc.deps); // another sender gets there first
            await worker;
          }
          return query(args);
        },
      },
    });
    const answer = await postConsoleMessage({ ...svc.deps, db, inbox: undefined }, { channel: "topics", user: "chen.jie", text: `/topic propose ${title} --platform weibo` }, "zh-CN");
    expect(worker, "the other sender ran").toBeDefined();
    expect(answer.status).toBe(200);
    expect("messages" in answer ? answer.messages.filter((m) => m.card?.title.endsWith(title)) : []).toHaveLength(1);
    expect((await api.read("topics")).messages.filter((m) => m.card?.title.endsWith(title))).toHaveLength(1);
  });
});

describe("approve clicks from separate connections at the same moment", () => {
  let pool: Contenders;
  beforeAll(async () => {
    pool = await startContenders(svc.databaseUrl, "review", 4);
  }, 120_000);
  afterAll(() => pool?.stop());

  it("on an any-of level: one decision, and every other clicker is told who decided", async () => {
    const topicId = await draftingTopic(api, "跨连接并发：或签");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/race1`);
    const card = await requestCard(api, reviewId, 1);
    const clicks = await pool.race(["li.wei", "zhang.min", "li.wei", "zhang.min"].map((u) => clickBody(u, card, "review.approve")), svc.clock.now());
    expect(clicks.filter((c) => c.status === 200)).toHaveLength(1);
    const refusals = clicks.filter((c) => c.status !== 200).map(errorOf);
    expect(refusals).toHaveLength(3);
    for (const e of refusals) expect(e).toMatch(/^(已有结果：(李伟|张敏) 已通过 · 第 1\/3 级 · \d\d:\d\d。没有做任何更改。|你已在 \d\d:\d\d 对第 1\/3 级做出“通过”，同一级每人只能决定一次。)$/);
    expect(await svc.deps.db.reviewDecision.count({ where: { reviewId, level: 1 } })).toBe(1);
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 2 } })).toBe(1);
  });

  it("on an all-of level: both reviewers' approvals count and the next level is asked once", async () => {
    const topicId = await draftingTopic(api, "跨连接并发：会签");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/race2`);
    expect((await api.click("li.wei", await requestCard(api, reviewId, 1), "review.approve")).status).toBe(200);
    const card = await requestCard(api, reviewId, 2);
    const clicks = await pool.race(["liu.yang", "emma", "liu.yang", "emma"].map((u) => clickBody(u, card, "review.approve")), svc.clock.now());
    expect(clicks.map((c) => c.status).sort()).toEqual([200, 200, 400, 400]);
    // The second click of each reviewer comes after their first: told they decided, or that the level is done.
    for (const c of clicks.filter((x) => x.status === 400)) {
      expect(errorOf(c)).toMatch(/^(已有结果：.+ 已通过 · 第 2\/3 级 · \d\d:\d\d。没有做任何更改。|你已在 \d\d:\d\d 对第 2\/3 级做出“通过”，同一级每人只能决定一次。|Already decided: Approved by .+ · level 2\/3 · \d\d:\d\d\. Nothing was changed\.|You already approved level 2\/3 at \d\d:\d\d; nobody decides twice on one level\.)$/);
    }
    const decisions = await svc.deps.db.reviewDecision.findMany({ where: { reviewId, level: 2 } });
    expect(decisions).toHaveLength(2);
    expect(await svc.deps.db.reviewLevelState.count({ where: { reviewId, level: 3 } })).toBe(1);
  });
});
