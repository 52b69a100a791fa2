// The outbox under faults, in-process: a failing platform is retried and then parked as dead for admins;
// a sender that died mid-send is replaced after its lease; redelivered events take effect once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, SEND_LEASE_MS, deliverOutbox } from "../../src/app/outbox/deliver.js";
import { handleInbound } from "../../src/app/handle-inbound.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { faultTest } from "../support/fault-report.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

function command(text: string, eventId?: string) {
  return handleInbound(svc.deps, {
    kind: "command",
    eventId,
    actor: { platform: "console", tenant: "local", externalId: "chen.jie" },
    conversation: { platform: "console", externalId: "topics" },
    text,
  });
}

describe("outbox delivery", () => {
  // Retries a failing channel with backoff, parks the message as dead, and an admin's retry sends it once.
  faultTest(`platform failing ${MAX_ATTEMPTS} times, dead letter, admin retry`, async (ledger) => {
    const title = "平台挂了也不丢";
    ledger.attempt(title);
    const real = svc.deps.channels.get("console")!;
    let failures = 0;
    const flaky: ChatChannel = { ...real, platform: "console", post: async () => { failures++; throw Object.assign(new Error("platform down"), { retryAfterMs: 1000 }); }, update: real.update.bind(real), ephemeral: real.ephemeral.bind(real) };
    svc.deps.channels.set("console", flaky);
    try {
      const res = await command(`/topic propose ${title} --platform weibo`);
      expect(res.ok).toBe(true);
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        svc.clock.advance(1000);
        await deliverOutbox(svc.deps);
      }
      expect(failures).toBe(MAX_ATTEMPTS);
      const dead = await svc.deps.db.outboxMessage.findMany({ where: { status: "dead" } });
      expect(dead).toHaveLength(1);
      expect(dead[0]!.lastError).toContain("platform down");
    } finally {
      svc.deps.channels.set("console", real);
    }
    const board = await api.say("wang.fang", "/mediaops outbox", "general");
    const card = board.messages[0]!;
    expect(cardText(card)).toContain("发送失败 1");
    const retry = await api.click("wang.fang", card, "outbox.retry");
    expect(retry.status).toBe(200);
    await deliverOutbox(svc.deps);
    const stream = await api.read("topics");
    ledger.seen(title, stream.messages.filter((m) => m.card?.title.endsWith(title)).length);
    expect((await api.click("wang.fang", card, "outbox.retry")).error).toContain("不在发送失败列表中");
  });

  // Takes over a message whose sender died mid-send once its lease has run out, and sends it once.
  faultTest("sender died mid-send (lease expiry)", async (ledger) => {
    const title = "发送到一半进程没了";
    ledger.attempt(title);
    const res = await command(`/topic propose ${title} --platform weibo`);
    expect(res.ok).toBe(true);
    const row = await svc.deps.db.outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
    // Simulate a sender that claimed the row and died: sending, lease in the future, card never posted.
    await svc.deps.db.consoleMessage.deleteMany({ where: { text: { contains: "发送到一半进程没了" } } });
    await svc.deps.db.outboxMessage.update({ where: { id: row.id }, data: { status: "sending", claimedUntil: new Date(svc.clock.now().getTime() + SEND_LEASE_MS) } });
    expect(await deliverOutbox(svc.deps)).toEqual([]);
    svc.clock.advance(SEND_LEASE_MS + 1);
    expect(await deliverOutbox(svc.deps)).toHaveLength(1);
    expect(await deliverOutbox(svc.deps)).toEqual([]);
    const stream = await api.read("topics");
    ledger.seen(title, stream.messages.filter((m) => m.card?.title.endsWith(title)).length);
  });

  // A request's own card that must wait for an earlier unsent card of its channel is left to the worker as it
  // was (pending, its try not counted), so the next pass sends both, in order, and not a lease later.
  faultTest("a card held behind an earlier card whose send failed", async (ledger) => {
    const [first, second] = ["先发但平台拒绝的卡片", "后发且要排在后面的卡片"];
    ledger.attempt(first);
    ledger.attempt(second);
    const real = svc.deps.channels.get("console")!;
    let refused = 0;
    const once: ChatChannel = {
      ...real,
      platform: "console",
      post: async (...a: Parameters<ChatChannel["post"]>) => {
        if (refused++ === 0) throw Object.assign(new Error("platform busy"), { retryAfterMs: 1000 });
        return real.post(...a);
      },
      update: real.update.bind(real),
      ephemeral: real.ephemeral.bind(real),
    };
    svc.deps.channels.set("console", once);
    try {
      expect((await command(`/topic propose ${first} --platform weibo`)).ok).toBe(true);
      const held = await command(`/topic propose ${second} --platform weibo`);
      expect(held.ok && held.delivered, "the second card waits for the first").toEqual([]);
      // Past the first card's retry and the second's time left to its writer, well inside a send's lease.
      svc.clock.advance(20_000);
      await deliverOutbox(svc.deps);
    } finally {
      svc.deps.channels.set("console", real);
    }
    const titles = (await api.read("topics")).messages.map((m) => m.card?.title ?? "").filter((t) => t.endsWith(first) || t.endsWith(second));
    expect(titles.map((t) => (t.endsWith(first) ? first : second))).toEqual([first, second]);
    for (const t of [first, second]) ledger.seen(t, titles.filter((x) => x.endsWith(t)).length);
    const rows = await svc.deps.db.outboxMessage.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["sent", 1], ["sent", 2]]);
  });

  // Applies an event redelivered ten times once: one topic, one card.
  faultTest("same event delivered 10 times", async (ledger) => {
    const title = "重复投递的事件";
    ledger.attempt(title);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await command(`/topic propose ${title} --platform douyin`, "evt-123"));
    ledger.seen(title, await svc.deps.db.topic.count({ where: { title } }));
    const stream = await api.read("topics");
    expect(stream.messages.filter((m) => m.card?.title.endsWith(title))).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.duplicate)).toHaveLength(9);
  });
});

describe("first contact", () => {
  it("enrolls a new platform user once when their first requests arrive together", async () => {
    const actor = { platform: "slack" as const, tenant: "T1", externalId: "U_NEW_1", displayName: "New Person" };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => handleInbound(svc.deps, { kind: "command", actor, conversation: { platform: "slack", externalId: "C_NEW", name: "new-channel" }, text: "/help" })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await svc.deps.db.platformIdentity.count({ where: { platform: "slack", externalId: "U_NEW_1" } })).toBe(1);
    expect(await svc.deps.db.channel.count({ where: { platform: "slack", externalId: "C_NEW" } })).toBe(1);
  });
});
