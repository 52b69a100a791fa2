// Card updates never go backwards: an update that failed and is retried after a newer one went out must not
// put the older state back on the card (the outbox's stateVersion check in src/app/outbox/deliver.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

describe("a card update retried after a newer one", () => {
  it("leaves the card showing the newer state", async () => {
    const proposed = await api.say("chen.jie", "/topic propose 卡片不能倒退 --platform weibo");
    const card = proposed.messages.find((m) => m.card?.title.endsWith("卡片不能倒退"))!;
    const id = Number(/^#(\d+)/.exec(card.card!.title)![1]);
    const shown = async () => cardText((await api.read("topics")).messages.find((m) => m.id === card.id)!);

    // The platform refuses the update of the accept (version 2); it stays in the outbox for a retry.
    const real = svc.deps.channels.get("console")!;
    const refusing: ChatChannel = { ...real, platform: "console", post: real.post.bind(real), ephemeral: real.ephemeral.bind(real), update: async () => Promise.reject(new Error("platform busy")) };
    svc.deps.channels.set("console", refusing);
    try {
      expect((await api.say("wang.fang", `/topic accept ${id}`)).status).toBe(200);
    } finally {
      svc.deps.channels.set("console", real);
    }
    const older = await svc.deps.db.outboxMessage.findFirstOrThrow({ where: { kind: "update", subjectKey: `topic:${id}`, status: "pending" } });
    expect(older.attempts).toBe(1);
    expect(await shown()).toContain("状态: 待评估");

    // The assignment (version 3) goes out at once.
    expect((await api.say("wang.fang", `/topic assign ${id} @chen.jie`)).status).toBe(200);
    const assigned = await shown();
    expect(assigned).toContain("状态: 撰写中");

    // Then the older update's retry comes round: it is sent (nothing is stuck) but changes nothing on the card.
    svc.clock.advance(10 * 60_000);
    await deliverOutbox(svc.deps);
    expect(await svc.deps.db.outboxMessage.findUniqueOrThrow({ where: { id: older.id } })).toMatchObject({ status: "sent" });
    expect(await shown()).toBe(assigned);
    expect(await svc.deps.db.postedCard.findMany({ where: { subjectKey: `topic:${id}` }, select: { stateVersion: true } })).toEqual([{ stateVersion: 3 }]);
  });
});
