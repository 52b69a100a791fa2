// Direct messages reach a person on the platform they used most recently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import type { Card } from "../../src/messaging/card.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import type { ChatPlatform } from "../../src/messaging/inbound.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
const received: { platform: string; to: string; title: string }[] = [];

function recordingChannel(platform: ChatPlatform): ChatChannel {
  return {
    platform,
    post: async () => "m",
    update: async () => undefined,
    ephemeral: async () => undefined,
    direct: async (to: string, card: Card) => {
      received.push({ platform, to, title: card.title });
      return { conversationId: `dm-${to}`, messageId: String(received.length) };
    },
  };
}

async function queueDirect(title: string) {
  const liWei = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "li.wei" } });
  const now = svc.clock.now();
  const row = await svc.deps.db.outboxMessage.create({
    data: { kind: "direct", userId: liWei.id, template: "notice", modelJson: JSON.stringify({ title }), locale: "zh-CN", nextAttemptAt: now, createdAt: now },
  });
  await deliverOutbox(svc.deps, [row.id]);
}

beforeAll(async () => {
  svc = await startTestService();
  svc.deps.channels.set("slack", recordingChannel("slack"));
  svc.deps.channels.set("lark", recordingChannel("lark"));
  const liWei = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "li.wei" } });
  await svc.deps.db.platformIdentity.create({ data: { userId: liWei.id, platform: "slack", tenant: "T1", externalId: "U_LI", lastSeenAt: new Date("2026-11-25T01:00:00Z") } });
  await svc.deps.db.platformIdentity.create({ data: { userId: liWei.id, platform: "lark", tenant: "tk", externalId: "ou_li", lastSeenAt: new Date("2026-11-25T03:00:00Z") } });
});
afterAll(() => svc.dispose());

describe("direct messages", () => {
  it("go to the platform the person used last, and follow them when they switch", async () => {
    await queueDirect("第一条");
    expect(received.at(-1)).toEqual({ platform: "lark", to: "ou_li", title: "第一条" });
    const res = await handleInbound(svc.deps, { kind: "command", actor: { platform: "slack", tenant: "T1", externalId: "U_LI" }, conversation: { platform: "slack", externalId: "C1" }, text: "/help" });
    expect(res.ok).toBe(true);
    received.length = 0;
    await queueDirect("第二条");
    expect(received).toEqual([{ platform: "slack", to: "U_LI", title: "第二条" }]);
  });
});
