// Feishu/Lark end to end: the service runs with FEISHU_* pointing at a fake Open API on 127.0.0.1; signed,
// encrypted requests are POSTed to /feishu/events over real HTTP the way Feishu sends them, and the test checks
// the answers, their timing and the calls the fake API received.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LarkChannel } from "../../src/adapters/lark/channel.js";
import { LarkInbound } from "../../src/adapters/lark/inbound.js";
import type { InboundOutcome } from "../../src/app/handle-inbound.js";
import { encryptLark, larkSignature } from "../../src/adapters/lark/verify.js";
import { createLarkDispatcher, createLarkWsClient } from "../../src/adapters/lark/ws.js";
import { startFakeApi, type FakeApi, type RecordedCall } from "../support/fake-api.js";
import { startTestService, type TestService } from "../support/service.js";
import { identitiesChanged } from "../../src/app/identity/cache.js";

const APP_ID = "cli_a1b2c3d4e5f60718";
const TOKEN = "vtoken-e2e-0123456789";
const KEY = "e2e-encrypt-key";
const TENANT = "tenant-e2e";
const CHAT = "oc_e2e_group";

type Json = Record<string, unknown>;
let fake: FakeApi;
let svc: TestService;
let messageCount = 0;

beforeAll(async () => {
  fake = await startFakeApi((call) => {
    if (call.method === "POST" && call.path === "/open-apis/auth/v3/tenant_access_token/internal") {
      return { body: { code: 0, msg: "ok", tenant_access_token: "t-fake-tenant-token", expire: 7200 } };
    }
    if (call.method === "POST" && call.path === "/open-apis/im/v1/messages") {
      const body = call.json as { receive_id: string };
      const chatId = call.query.get("receive_id_type") === "chat_id" ? body.receive_id : "oc_dm_with_bot";
      return { body: { code: 0, msg: "success", data: { message_id: `om_${++messageCount}`, chat_id: chatId } } };
    }
    if (call.method === "PATCH" && call.path.startsWith("/open-apis/im/v1/messages/")) return { body: { code: 0, msg: "success", data: {} } };
    return undefined;
  });
  svc = await startTestService({
    env: { FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: "app-secret", FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY, FEISHU_DOMAIN: fake.url },
  });
});

afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

const nowSeconds = () => Math.floor(svc.clock.now().getTime() / 1000);

/** POSTs `payload` encrypted and signed, as Feishu does; returns status, body and elapsed milliseconds. */
async function send(payload: unknown, opts: { raw?: string; timestamp?: number; signature?: string; unsigned?: boolean } = {}) {
  const raw = opts.raw ?? JSON.stringify({ encrypt: encryptLark(KEY, JSON.stringify(payload)) });
  const timestamp = String(opts.timestamp ?? nowSeconds());
  const nonce = randomUUID();
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (!opts.unsigned) {
    headers["x-lark-request-timestamp"] = timestamp;
    headers["x-lark-request-nonce"] = nonce;
    headers["x-lark-signature"] = opts.signature ?? larkSignature(timestamp, nonce, KEY, raw);
  }
  const res = await fetch(`${svc.url}/feishu/events`, { method: "POST", headers, body: raw });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

function messageEvent(o: { openId: string; text: string; messageId: string; chatType?: "group" | "p2p"; eventId?: string }) {
  return {
    schema: "2.0",
    header: { event_id: o.eventId ?? randomUUID(), event_type: "im.message.receive_v1", create_time: String(nowSeconds() * 1000), token: TOKEN, app_id: APP_ID, tenant_key: TENANT },
    event: {
      sender: { sender_id: { open_id: o.openId }, sender_type: "user", tenant_key: TENANT },
      message: {
        message_id: o.messageId,
        chat_id: CHAT,
        chat_type: o.chatType ?? "group",
        message_type: "text",
        content: JSON.stringify({ text: `@_user_1 ${o.text}` }),
        mentions: [{ key: "@_user_1", id: { open_id: "ou_the_bot" }, name: "mediaops", tenant_key: TENANT }],
      },
    },
  };
}

function clickEvent(o: { openId: string; messageId: string; value: unknown; formValue?: Json; eventId?: string }) {
  return {
    schema: "2.0",
    header: { event_id: o.eventId ?? randomUUID(), token: TOKEN, create_time: String(nowSeconds() * 1_000_000), event_type: "card.action.trigger", tenant_key: TENANT, app_id: APP_ID },
    event: {
      operator: { tenant_key: TENANT, open_id: o.openId },
      token: "c-card-update-token",
      action: { tag: "button", value: o.value, ...(o.formValue ? { form_value: o.formValue } : {}) },
      host: "im_message",
      context: { open_message_id: o.messageId, open_chat_id: CHAT },
    },
  };
}

/** Messages the bot posted to the group, with their parsed content. */
function posted(): { call: RecordedCall; content: Json; msgType: string }[] {
  return fake.find("POST", "/open-apis/im/v1/messages").map((call) => {
    const body = call.json as { msg_type: string; content: string };
    return { call, content: JSON.parse(body.content) as Json, msgType: body.msg_type };
  });
}

function flat(card: Json): Json[] {
  const walk = (els: unknown): Json[] => (Array.isArray(els) ? (els as Json[]).flatMap((e) => [e, ...walk(e.elements), ...walk(e.columns)]) : []);
  return walk((card.body as Json).elements);
}

/** The callback value of the button with `actionId` on a card JSON. */
function buttonValue(card: Json, actionId: string): Json {
  const b = flat(card).find((e) => e.tag === "button" && ((e.behaviors as { value: Json }[])[0]!.value.a === actionId));
  if (!b) throw new Error(`no ${actionId} button`);
  return (b.behaviors as { value: Json }[])[0]!.value;
}

const cardText = (card: Json) => JSON.stringify(card);
const waitForPost = (pred: (content: Json) => boolean) =>
  fake.waitFor((c) => c.method === "POST" && c.path === "/open-apis/im/v1/messages" && pred(JSON.parse((c.json as { content: string }).content) as Json));
describe("Feishu/Lark webhook", () => {
  it("answers the url_verification challenge, plain (unsigned) and encrypted", async () => {
    const plain = await send(undefined, { raw: JSON.stringify({ challenge: "ajls384kdjx98XX", token: TOKEN, type: "url_verification" }), unsigned: true });
    expect(plain).toMatchObject({ status: 200, body: { challenge: "ajls384kdjx98XX" } });
    const encrypted = await send({ challenge: "c-2", token: TOKEN, type: "url_verification" }, { unsigned: true });
    expect(encrypted).toMatchObject({ status: 200, body: { challenge: "c-2" } });
    const wrongToken = await send({ challenge: "c-3", token: "not-ours", type: "url_verification" }, { unsigned: true });
    expect(wrongToken.status).toBe(401);
  });

  let cardMessageId = "";
  let card: Json = {};
  let topicId = 0;

  it("runs a command typed with an @mention and posts the topic card to the same chat", async () => {
    // Feishu is answered before the card goes out: the post is held until the answer is in.
    const release = fake.hold((c) => c.method === "POST" && c.path === "/open-apis/im/v1/messages");
    const res = await send(messageEvent({ openId: "ou_alice", messageId: "om_in_1", text: "topic propose 双十一复盘 --platform 微博" })).finally(release);
    expect(res).toMatchObject({ status: 200, body: {} });
    const call = await waitForPost((c) => cardText(c).includes("双十一复盘"));
    expect(call.query.get("receive_id_type")).toBe("chat_id");
    expect(call.headers.authorization).toBe("Bearer t-fake-tenant-token");
    expect(call.json).toMatchObject({ receive_id: CHAT, msg_type: "interactive" });
    expect(fake.find("POST", "/open-apis/auth/v3/tenant_access_token/internal")[0]!.json).toEqual({ app_id: APP_ID, app_secret: "app-secret" });
    card = JSON.parse((call.json as { content: string }).content) as Json;
    expect(card).toMatchObject({ schema: "2.0", config: { update_multi: true } });
    cardMessageId = `om_${posted().findIndex((p) => p.call === call) + 1}`;
    topicId = Number(/^#(\d+) /.exec(((card.header as Json).title as { content: string }).content)![1]);
  });

  it("ignores a redelivered message (same message_id, new event_id)", async () => {
    const before = fake.calls.length;
    const res = await send(messageEvent({ openId: "ou_alice", messageId: "om_in_1", text: "topic propose 双十一复盘 --platform 微博" }));
    expect(res.status).toBe(200);
    await svc.idle(); // the work started after the answers has finished
    expect(fake.calls.length).toBe(before);
    expect(await svc.deps.db.topic.count({ where: { title: "双十一复盘" } })).toBe(1);
  });

  it("answers a button click with a toast and the updated card, without patching the clicked message", async () => {
    const res = await send(clickEvent({ openId: "ou_bob", messageId: cardMessageId, value: buttonValue(card, "topic.vote"), eventId: "evt-vote-1" }));
    expect(res.status).toBe(200);
    expect(res.body.toast).toMatchObject({ type: "success", i18n: { zh_cn: expect.any(String), en_us: "Done" } });
    const answer = res.body.card as { type: string; data: Json };
    expect(answer.type).toBe("raw");
    expect(answer.data).toMatchObject({ schema: "2.0", config: { update_multi: true } });
    expect(cardText(answer.data)).toContain("+1 ×1");
    expect(fake.find("PATCH", `/open-apis/im/v1/messages/${cardMessageId}`)).toHaveLength(0);
    card = answer.data;
  });

  it("answers a replayed click (same event_id) with nothing and changes nothing", async () => {
    const replay = await send(clickEvent({ openId: "ou_bob", messageId: cardMessageId, value: buttonValue(card, "topic.vote"), eventId: "evt-vote-1" }));
    expect(replay).toMatchObject({ status: 200, body: {} });
    expect(await svc.deps.db.topicVote.count()).toBe(1);
  });

  it("refuses a manager-only button for an operator with an error toast in their language", async () => {
    const res = await send(clickEvent({ openId: "ou_bob", messageId: cardMessageId, value: buttonValue(card, "topic.accept") }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ toast: { type: "error", content: "只有主管或管理员可以通过选题。你的角色：运营。" } });
    expect(fake.find("PATCH", /^\/open-apis\/im\/v1\/messages\//)).toHaveLength(0);
  });

  it("patches the card in place when a later command changes it", async () => {
    const identity = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "lark", externalId: "ou_bob" } });
    await svc.deps.db.user.update({ where: { id: identity.userId }, data: { rolesJson: JSON.stringify(["operator", "manager"]) } });
    await identitiesChanged(svc.deps.db); // roles are remembered between requests until a change is announced
    const res = await send(messageEvent({ openId: "ou_bob", messageId: "om_in_2", text: `/topic accept ${topicId}` }));
    expect(res.status).toBe(200);
    const patch = await fake.waitFor((c) => c.method === "PATCH" && c.path === `/open-apis/im/v1/messages/${cardMessageId}`);
    const updated = JSON.parse((patch.json as { content: string }).content) as Json;
    expect(updated).toMatchObject({ schema: "2.0", config: { update_multi: true } });
    expect(flat(updated).some((e) => e.tag === "button")).toBe(false);
    expect(cardText(updated)).toContain("已通过");
  });

  it("takes the reason from the reject form when a manager rejects by card", async () => {
    await send(messageEvent({ openId: "ou_alice", messageId: "om_in_3", text: "topic propose 冬季穿搭指南" }));
    const call = await waitForPost((c) => cardText(c).includes("冬季穿搭指南"));
    const second = JSON.parse((call.json as { content: string }).content) as Json;
    const messageId = `om_${posted().findIndex((p) => p.call === call) + 1}`;
    const value = buttonValue(second, "topic.reject");
    expect(value.r).toBeTruthy();
    const res = await send(clickEvent({ openId: "ou_bob", messageId, value, formValue: { [String(value.r)]: "与上周内容重复" } }));
    expect(res.body.toast).toMatchObject({ type: "success" });
    expect(cardText((res.body.card as { data: Json }).data)).toContain("与上周内容重复");
  });

  it("replies to a refused command in the same chat, as text", async () => {
    await send(messageEvent({ openId: "ou_alice", messageId: "om_in_4", text: "frobnicate now" }));
    const call = await fake.waitFor((c) => c.path === "/open-apis/im/v1/messages" && (c.json as { msg_type: string }).msg_type === "text");
    expect(call.json).toMatchObject({ receive_id: CHAT });
    expect(JSON.parse((call.json as { content: string }).content)).toEqual({ text: "“/frobnicate”不是命令。输入 /help 查看命令列表。" });
  });

  it("refuses a bad signature, a stale timestamp, a missing signature and a malformed body", async () => {
    const before = fake.calls.length;
    const event = messageEvent({ openId: "ou_mallory", messageId: "om_evil", text: "topic propose 伪造" });
    expect((await send(event, { signature: "0".repeat(64) })).status).toBe(401);
    expect((await send(event, { timestamp: nowSeconds() - 600 })).status).toBe(401);
    expect((await send(event, { unsigned: true })).status).toBe(401);
    const badJson = await send(undefined, { raw: "{\"encrypt\": " });
    expect(badJson).toMatchObject({ status: 400, body: { error: "body is not a JSON object" } });
    const badCipher = await send(undefined, { raw: JSON.stringify({ encrypt: "bm90IGEgY2lwaGVydGV4dA==" }) });
    expect(badCipher.status).toBe(400);
    const wrongToken = await send({ ...event, header: { ...event.header, token: "forged" } });
    expect(wrongToken.status).toBe(401);
    await svc.idle(); // the work started after the answers has finished
    expect(fake.calls.length).toBe(before);
    expect(await svc.deps.db.platformIdentity.count({ where: { externalId: "ou_mallory" } })).toBe(0);
  });

  it("keeps JSON parsing for the other routes", async () => {
    const res = await fetch(`${svc.url}/console/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({}) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("请求格式不正确：缺少频道，或频道不是文本。");
  });
});

describe("Feishu/Lark clicks that outlast the answer budget", () => {
  it("answers with an info toast in time and PATCHes the card when the work is done", async () => {
    const channel = svc.deps.channels.get("lark") as LarkChannel;
    await send(messageEvent({ openId: "ou_erin", messageId: "om_in_slow", text: "topic propose 慢速点击选题" }));
    const call = await waitForPost((c) => cardText(c).includes("慢速点击选题"));
    const slowCard = JSON.parse((call.json as { content: string }).content) as Json;
    const messageId = `om_${posted().findIndex((p) => p.call === call) + 1}`;
    // The app's work is held until the answer is in: the answer cannot have waited for it.
    let finishWork!: () => void;
    const workHeld = new Promise<void>((r) => (finishWork = r));
    const slow = async (run: () => Promise<InboundOutcome>) => {
      await workHeld;
      return run();
    };
    const inbound = new LarkInbound(svc.deps, channel, { actionBudgetMs: 50, runClick: slow });
    const answer = await inbound.onCardAction(clickEvent({ openId: "ou_frank", messageId, value: buttonValue(slowCard, "topic.vote") }));
    expect(answer).toEqual({ toast: { type: "info", content: expect.any(String), i18n: expect.any(Object) } });
    expect(fake.find("PATCH", `/open-apis/im/v1/messages/${messageId}`)).toHaveLength(0);
    finishWork();
    await inbound.idle();
    const patch = await fake.waitFor((c) => c.method === "PATCH" && c.path === `/open-apis/im/v1/messages/${messageId}`);
    expect(cardText(JSON.parse((patch.json as { content: string }).content) as Json)).toContain("+1 ×1");
  });
});

describe("Feishu/Lark long connection (FEISHU_MODE=ws)", () => {
  it("builds the WSClient and routes the SDK dispatcher's events through the same handlers", async () => {
    const ws = createLarkWsClient({ appId: APP_ID, appSecret: "app-secret", verificationToken: TOKEN, domain: fake.url, mode: "ws" }, svc.deps.log);
    expect(ws.getConnectionStatus()).toBeDefined();
    const channel = svc.deps.channels.get("lark");
    expect(channel).toBeInstanceOf(LarkChannel);
    const inbound = new LarkInbound(svc.deps, channel as LarkChannel);
    const dispatcher = createLarkDispatcher(inbound, svc.deps.log);
    expect([...dispatcher.handles.keys()]).toEqual(expect.arrayContaining(["im.message.receive_v1", "card.action.trigger"]));

    // What WSClient does with a frame: invoke without the signature check (the connection is authenticated).
    await dispatcher.invoke(messageEvent({ openId: "ou_carol", messageId: "om_ws_1", text: "topic propose 长连接选题" }), { needCheck: false });
    await inbound.idle();
    const call = await waitForPost((c) => cardText(c).includes("长连接选题"));
    const wsCard = JSON.parse((call.json as { content: string }).content) as Json;
    const messageId = `om_${posted().findIndex((p) => p.call === call) + 1}`;
    const answer = (await dispatcher.invoke(clickEvent({ openId: "ou_dave", messageId, value: buttonValue(wsCard, "topic.vote") }), { needCheck: false })) as Json;
    expect(answer.toast).toMatchObject({ type: "success", content: expect.any(String) });
    expect(cardText((answer.card as { data: Json }).data)).toContain("+1 ×1");
  });

  it("refuses to configure ws mode with an app id the SDK would silently reject", async () => {
    await expect(startTestService({ env: { FEISHU_APP_ID: "cli_short", FEISHU_APP_SECRET: "s", FEISHU_VERIFICATION_TOKEN: "t", FEISHU_MODE: "ws" } })).rejects.toThrow(
      /FEISHU_APP_ID must be "cli_" and 16 hex digits/,
    );
  });
});
