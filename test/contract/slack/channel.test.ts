// SlackChannel against the fake Slack Web API: which methods it calls with what, and the per-channel pace.
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST_INTERVAL_MS, SlackChannel } from "../../../src/adapters/slack/channel.js";
import { KeyedPacer, type PacerTime } from "../../../src/adapters/slack/pacer.js";
import type { Card } from "../../../src/messaging/card.js";
import { blockKitViolations } from "../../support/block-kit-limits.js";
import { startFakeSlack, type FakeSlack } from "../../support/fake-slack.js";

const card: Card = { title: "#7 年货节选品指南", tone: "info", blocks: [{ type: "text", text: "状态: 待评估" }], fallbackText: "#7 年货节选品指南\n状态: 待评估" };

let fake: FakeSlack;
let channel: SlackChannel;

beforeAll(async () => {
  fake = await startFakeSlack();
  const client = new webApi.WebClient("xoxb-channel", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } });
  channel = new SlackChannel(client, new KeyedPacer(0));
});
afterAll(() => fake.close());

describe("SlackChannel", () => {
  it("post: chat.postMessage with blocks and fallback text; returns the ts", async () => {
    const ts = await channel.post({ conversationId: "C1" }, card);
    const call = fake.callsTo("chat.postMessage").at(-1)!;
    expect(ts).toBe(call.result!["ts"]);
    expect(call.args).toMatchObject({ channel: "C1", text: card.fallbackText, unfurl_links: "false" });
    expect(blockKitViolations(call.args as never)).toEqual([]);
    expect(call.authorization).toBe("Bearer xoxb-channel");
  });

  it("update: chat.update of that ts", async () => {
    await channel.update({ conversationId: "C1" }, "1790000000.000001", { ...card, blocks: [{ type: "outcome", text: "王芳 已通过 · 11-26 10:00", tone: "success" }] });
    const call = fake.callsTo("chat.update").at(-1)!;
    expect(call.args).toMatchObject({ channel: "C1", ts: "1790000000.000001" });
    expect(JSON.stringify(call.args["blocks"])).toContain("✅ 王芳 已通过 · 11-26 10:00");
  });

  it("ephemeral: chat.postEphemeral to the person in the channel", async () => {
    const ts = await channel.ephemeral({ conversationId: "C1", userExternalId: "U9" }, card);
    const call = fake.callsTo("chat.postEphemeral").at(-1)!;
    expect(call.args).toMatchObject({ channel: "C1", user: "U9" });
    expect(ts).toBe(call.result!["message_ts"]);
  });

  it("direct: conversations.open, then chat.postMessage into that conversation", async () => {
    const sent = await channel.direct("U9", card);
    expect(fake.callsTo("conversations.open").at(-1)!.args).toMatchObject({ users: "U9" });
    expect(sent.conversationId).toBe("DU9");
    expect(fake.callsTo("chat.postMessage").at(-1)!.args["channel"]).toBe("DU9");
    expect(sent.messageId).toBe(fake.callsTo("chat.postMessage").at(-1)!.result!["ts"]);
  });

  it("createConversation: conversations.create with a Slack-safe name, then conversations.invite of the people", async () => {
    const made = await channel.createConversation("inc-1126-1000-public_opinion 微博负面帖发酵 Weibo", ["U1", "U2", "U1"]);
    const create = fake.callsTo("conversations.create").at(-1)!;
    expect(create.args).toMatchObject({ name: "inc-1126-1000-public_opinion-weibo" });
    expect(made).toEqual({ conversationId: (create.result!["channel"] as { id: string }).id, name: "inc-1126-1000-public_opinion-weibo" });
    expect(fake.callsTo("conversations.invite").at(-1)!.args).toMatchObject({ channel: made.conversationId, users: "U1,U2" });
    const invites = fake.callsTo("conversations.invite").length;
    await channel.createConversation("事件", []);
    expect(fake.callsTo("conversations.create").at(-1)!.args).toMatchObject({ name: "incident" });
    expect(fake.callsTo("conversations.invite")).toHaveLength(invites);
  });

  it("createConversation fails when Slack refuses (the declaration then uses the operations channel)", async () => {
    fake.failNext("conversations.create", "name_taken");
    await expect(channel.createConversation("inc-x", ["U1"])).rejects.toThrow(/name_taken/);
  });

  it("a Slack error fails the send (the outbox keeps the row and retries later)", async () => {
    fake.failNext("chat.postMessage", "channel_not_found");
    await expect(channel.post({ conversationId: "CGONE" }, card)).rejects.toThrow(/channel_not_found/);
  });
});

describe("KeyedPacer", () => {
  /** A clock that only moves when the pacer sleeps. */
  function fakeTime(): PacerTime & { slept: number[] } {
    let now = 1_000_000;
    const slept: number[] = [];
    return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
  }

  it("spaces tasks of one key by the interval and runs them in order", async () => {
    const time = fakeTime();
    const pacer = new KeyedPacer(1000, time);
    const started: [string, number][] = [];
    await Promise.all(["a", "b", "c"].map((x) => pacer.run("C1", async () => void started.push([x, time.now()]))));
    expect(started).toEqual([["a", 1_000_000], ["b", 1_001_000], ["c", 1_002_000]]);
  });

  it("does not hold one channel's posts behind another's", async () => {
    const time = fakeTime();
    const pacer = new KeyedPacer(1000, time);
    await Promise.all([pacer.run("C1", async () => {}), pacer.run("C2", async () => {}), pacer.run("C3", async () => {})]);
    expect(time.slept).toEqual([]);
  });

  it("paces SlackChannel's posts: a second post to one channel waits a second, another channel does not", async () => {
    const time = fakeTime();
    const client = new webApi.WebClient("xoxb-paced", { slackApiUrl: fake.apiUrl });
    const paced = new SlackChannel(client, new KeyedPacer(POST_INTERVAL_MS, time));
    await paced.post({ conversationId: "CPACE" }, card);
    await paced.post({ conversationId: "CPACE" }, card);
    await paced.post({ conversationId: "COTHER" }, card);
    expect(POST_INTERVAL_MS).toBe(1000);
    expect(time.slept).toEqual([1000]);
    expect(fake.callsTo("chat.postMessage").slice(-3).map((c) => c.args["channel"])).toEqual(["CPACE", "CPACE", "COTHER"]);
  });

  it("a failed task fails its caller but not the tasks queued after it", async () => {
    const pacer = new KeyedPacer(0, fakeTime());
    const first = pacer.run("C1", async () => {
      throw new Error("boom");
    });
    const second = pacer.run("C1", async () => "ok");
    await expect(first).rejects.toThrow("boom");
    await expect(second).resolves.toBe("ok");
  });
});
