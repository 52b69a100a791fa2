// WeCom end to end: the service runs with WECOM_* (the official WXBizMsgCrypt sample's Token, EncodingAESKey and
// CorpID) pointing at a fake WeCom API on 127.0.0.1; callbacks are sent the way WeCom sends them (signed query,
// encrypted XML body) over real HTTP, and the test checks the answers, their timing and the API calls made.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptWecom, wecomSignature } from "../../src/adapters/wecom/crypto.js";
import { RateLimitedError } from "../../src/adapters/wecom/rate-limit.js";
import type { Card } from "../../src/messaging/card.js";
import { startFakeApi, type FakeApi, type RecordedCall } from "../support/fake-api.js";
import { startTestService, type TestService } from "../support/service.js";
import { identitiesChanged } from "../../src/app/identity/cache.js";

const vectors = JSON.parse(readFileSync(new URL("../fixtures/wecom/callback-vectors.json", import.meta.url), "utf8")) as {
  config: { token: string; encodingAESKey: string; corpId: string };
  verifyUrl: { msg_signature: string; timestamp: string; nonce: string; echostr: string; plaintext: string };
  post: { msg_signature: string; timestamp: string; nonce: string; body: string };
};
const { token: TOKEN, encodingAESKey: AES_KEY, corpId: CORP } = vectors.config;
const AGENT = "218"; // the official POST sample's AgentID
const NOW = "2026-11-26T02:00:00Z";

type Json = Record<string, unknown>;
let fake: FakeApi;
let svc: TestService;
let sent = 0;

beforeAll(async () => {
  fake = await startFakeApi((call) => {
    if (call.method === "GET" && call.path === "/cgi-bin/gettoken") return { body: { errcode: 0, errmsg: "ok", access_token: "ACCESS_TOKEN_FAKE", expires_in: 7200 } };
    if (call.method === "POST" && call.path === "/cgi-bin/message/send") {
      const body = call.json as { msgtype: string; template_card?: { card_type: string } };
      const interactive = body.msgtype === "template_card" && body.template_card?.card_type === "button_interaction";
      sent++;
      return { body: { errcode: 0, errmsg: "ok", msgid: `msg-${sent}`, ...(interactive ? { response_code: `rc-send-${sent}` } : {}) } };
    }
    if (call.method === "POST" && call.path === "/cgi-bin/message/update_template_card" && (call.json as Json).response_code === "rc-expired") {
      return { body: { errcode: 40001, errmsg: "invalid response_code" } };
    }
    if (call.method === "POST" && (call.path === "/cgi-bin/message/update_template_card" || call.path === "/cgi-bin/webhook/send")) return { body: { errcode: 0, errmsg: "ok" } };
    return undefined;
  });
  svc = await startTestService({
    env: { WECOM_CORP_ID: CORP, WECOM_AGENT_ID: AGENT, WECOM_SECRET: "corp-secret", WECOM_TOKEN: TOKEN, WECOM_ENCODING_AES_KEY: AES_KEY, WECOM_API_URL: fake.url, WECOM_WEBHOOK_KEY: "robot-key" },
  });
});

afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

const nowSeconds = () => String(Math.floor(svc.clock.now().getTime() / 1000));

async function request(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** POSTs a raw body to the callback URL with the given query. */
function postRaw(query: Record<string, string>, body: string) {
  return request(`${svc.url}/wecom/callback?${new URLSearchParams(query)}`, { method: "POST", headers: { "content-type": "text/xml" }, body });
}

/** Encrypts and signs `innerXml` the way WeCom does, then POSTs it. */
function postCallback(innerXml: string, opts: { timestamp?: string; signature?: string; receiveId?: string } = {}) {
  const encrypt = encryptWecom(AES_KEY, innerXml, opts.receiveId ?? CORP);
  const timestamp = opts.timestamp ?? nowSeconds();
  const nonce = String(Math.floor(Math.random() * 1e9));
  const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[${AGENT}]]></AgentID></xml>`;
  return postRaw({ msg_signature: opts.signature ?? wecomSignature(TOKEN, timestamp, nonce, encrypt), timestamp, nonce }, body);
}

const textXml = (from: string, content: string, msgId: string) =>
  `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${nowSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>${AGENT}</AgentID></xml>`;

const clickXml = (from: string, key: string, taskId: string, responseCode: string, createTime = nowSeconds()) =>
  `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${key}]]></EventKey><TaskId><![CDATA[${taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${responseCode}]]></ResponseCode><AgentID>${AGENT}</AgentID></xml>`;

const sends = () => fake.find("POST", "/cgi-bin/message/send");
const waitForSend = (pred: (body: Json) => boolean) => fake.waitFor((c) => c.path === "/cgi-bin/message/send" && pred(c.json as Json));
describe("WeCom callback URL check (GET)", () => {
  it("answers the official sample's echostr with the bare plaintext", async () => {
    svc.clock.set(new Date(Number(vectors.verifyUrl.timestamp) * 1000));
    try {
      const { msg_signature, timestamp, nonce, echostr } = vectors.verifyUrl;
      const res = await request(`${svc.url}/wecom/callback?${new URLSearchParams({ msg_signature, timestamp, nonce, echostr })}`);
      expect(res).toMatchObject({ status: 200, text: vectors.verifyUrl.plaintext });
      expect(res.type).toMatch(/^text\/plain/);
      const tampered = await request(`${svc.url}/wecom/callback?${new URLSearchParams({ msg_signature: "0".repeat(40), timestamp, nonce, echostr })}`);
      expect(tampered.status).toBe(401);
    } finally {
      svc.clock.set(NOW);
    }
  });

  it("refuses a stale URL check and an echostr encrypted for another corp", async () => {
    const { msg_signature, timestamp, nonce, echostr } = vectors.verifyUrl;
    const stale = await request(`${svc.url}/wecom/callback?${new URLSearchParams({ msg_signature, timestamp, nonce, echostr })}`);
    expect(stale).toMatchObject({ status: 401, text: expect.stringContaining("stale timestamp") });
    const other = encryptWecom(AES_KEY, "12345", "ww-another-corp");
    const ts = nowSeconds();
    const res = await request(`${svc.url}/wecom/callback?${new URLSearchParams({ msg_signature: wecomSignature(TOKEN, ts, "1", other), timestamp: ts, nonce: "1", echostr: other })}`);
    expect(res).toMatchObject({ status: 401, text: expect.stringContaining("wrong_receive_id") });
  });
});

describe("WeCom callbacks (POST)", () => {
  it("accepts the official sample POST, answers at once and replies to the unknown command as text", async () => {
    svc.clock.set(new Date(Number(vectors.post.timestamp) * 1000));
    try {
      const { msg_signature, timestamp, nonce, body } = vectors.post;
      const release = fake.hold((c) => c.path === "/cgi-bin/message/send"); // WeCom must not wait for the reply
      const res = await postRaw({ msg_signature, timestamp, nonce }, body).finally(release);
      expect(res).toMatchObject({ status: 200, text: "" });
      const reply = await waitForSend((b) => b.msgtype === "text");
      expect(reply.json).toEqual({ touser: "mycreate", msgtype: "text", agentid: 218, text: { content: "“/hello”不是命令。输入 /help 查看命令列表。" } });
      expect(reply.query.get("access_token")).toBe("ACCESS_TOKEN_FAKE");
      expect(Object.fromEntries(fake.find("GET", "/cgi-bin/gettoken")[0]!.query)).toEqual({ corpid: CORP, corpsecret: "corp-secret" });
    } finally {
      svc.clock.set(NOW);
    }
  });

  let card: Json = {};
  let topicId = 0;

  it("runs a typed command and sends the topic card as a button_interaction template card", async () => {
    const release = fake.hold((c) => c.path === "/cgi-bin/message/send"); // answered before the card goes out
    const res = await postCallback(textXml("zhangsan", "topic propose 春节返乡短视频 --platform 抖音", "900001")).finally(release);
    expect(res).toMatchObject({ status: 200, text: "" });
    const call = await waitForSend((b) => JSON.stringify(b).includes("春节返乡短视频"));
    expect(call.json).toMatchObject({ touser: "zhangsan", agentid: 218, msgtype: "template_card", template_card: { card_type: "button_interaction" } });
    card = (call.json as { template_card: Json }).template_card;
    expect(card.task_id).toMatch(/^mo-[0-9a-f-]+$/);
    topicId = Number(/^#(\d+) /.exec((card.main_title as { title: string }).title)![1]);
    // Reject needs a typed reason, which a template card cannot ask for: only Accept and +1 are shown.
    expect((card.button_list as { text: string }[]).map((b) => b.text)).toEqual(["通过", "+1"]);
  });

  const keyOf = (label: string) => (card.button_list as { text: string; key: string }[]).find((b) => b.text === label)!.key;

  it("refuses a manager-only button for an operator, as a text message in their language", async () => {
    const before = fake.find("POST", "/cgi-bin/message/update_template_card").length;
    const res = await postCallback(clickXml("zhangsan", keyOf("通过"), String(card.task_id), "rc-click-1"));
    expect(res).toMatchObject({ status: 200, text: "" });
    const reply = await waitForSend((b) => b.msgtype === "text" && JSON.stringify(b).includes("只有主管或管理员可以通过选题。你的角色：运营。"));
    expect(reply.json).toMatchObject({ touser: "zhangsan" });
    expect(fake.find("POST", "/cgi-bin/message/update_template_card")).toHaveLength(before);
  });

  let acceptClick = "";

  it("updates the clicked card with update_template_card and the click's response_code", async () => {
    const identity = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "wecom", externalId: "zhangsan" } });
    await svc.deps.db.user.update({ where: { id: identity.userId }, data: { rolesJson: JSON.stringify(["operator", "manager"]) } });
    await identitiesChanged(svc.deps.db); // roles are remembered between requests until a change is announced
    // A second click on the same button in the same second would be taken for a retried delivery.
    svc.clock.advance(5000);
    acceptClick = clickXml("zhangsan", keyOf("通过"), String(card.task_id), "rc-click-2");
    const release = fake.hold((c) => c.path === "/cgi-bin/message/update_template_card"); // answered before the update
    const res = await postCallback(acceptClick).finally(release);
    expect(res).toMatchObject({ status: 200, text: "" });
    const update = await fake.waitFor((c) => c.path === "/cgi-bin/message/update_template_card");
    expect(update.json).toMatchObject({ userids: ["zhangsan"], agentid: 218, response_code: "rc-click-2", template_card: { card_type: "text_notice", task_id: card.task_id } });
    expect(JSON.stringify(update.json)).toContain("已通过");
    expect(await svc.deps.db.topic.findUniqueOrThrow({ where: { id: topicId } })).toMatchObject({ status: "accepted" });
  });

  it("ignores a retried delivery of the same click", async () => {
    const updates = fake.find("POST", "/cgi-bin/message/update_template_card").length;
    const sendCount = sends().length;
    const res = await postCallback(acceptClick);
    expect(res).toMatchObject({ status: 200, text: "" });
    await svc.idle(); // the work started after the answers has finished
    expect(fake.find("POST", "/cgi-bin/message/update_template_card")).toHaveLength(updates);
    expect(sends()).toHaveLength(sendCount);
  });

  it("sends a later change as a new message once the card's response_code is used up", async () => {
    const res = await postCallback(textXml("zhangsan", `/topic archive ${topicId} 方向调整`, "900002"));
    expect(res.status).toBe(200);
    const call = await waitForSend((b) => b.msgtype === "template_card" && JSON.stringify(b).includes("已归档"));
    expect(call.json).toMatchObject({ touser: "zhangsan", template_card: { card_type: "text_notice", card_action: { type: 1 } } });
  });

  it("sends the new state as a new message when WeCom refuses the response_code", async () => {
    await postCallback(textXml("zhangsan", "topic propose 过期卡片选题", "900003"));
    const call = await waitForSend((b) => JSON.stringify(b).includes("过期卡片选题"));
    const expiring = (call.json as { template_card: Json }).template_card;
    const accept = (expiring.button_list as { text: string; key: string }[]).find((b) => b.text === "通过")!.key;
    svc.clock.advance(5000);
    await postCallback(clickXml("zhangsan", accept, String(expiring.task_id), "rc-expired"));
    await fake.waitFor((c) => c.path === "/cgi-bin/message/update_template_card" && (c.json as Json).response_code === "rc-expired");
    const resent = await waitForSend((b) => JSON.stringify(b).includes("过期卡片选题") && JSON.stringify(b).includes("已通过"));
    expect(resent.json).toMatchObject({ touser: "zhangsan", template_card: { card_type: "text_notice" } });
  });

  it("refuses a bad signature, a stale timestamp, a malformed body and a message for another corp", async () => {
    const before = fake.calls.length;
    const xml = textXml("mallory", "topic propose 伪造", "900666");
    expect((await postCallback(xml, { signature: "0".repeat(40) })).status).toBe(401);
    expect((await postCallback(xml, { timestamp: String(Number(nowSeconds()) - 600) })).status).toBe(401);
    expect((await postCallback(xml, { receiveId: "ww-another-corp" })).status).toBe(401);
    const notXml = await postRaw({ msg_signature: "x", timestamp: nowSeconds(), nonce: "1" }, "{\"not\":\"xml\"}");
    expect(notXml).toMatchObject({ status: 400, text: expect.stringContaining("not callback XML") });
    const doctype = await postRaw({ msg_signature: "x", timestamp: nowSeconds(), nonce: "1" }, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>");
    expect(doctype.status).toBe(400);
    expect((await postCallback("this is not xml")).status).toBe(400);
    await svc.idle(); // the work started after the answers has finished
    expect(fake.calls.length).toBe(before);
    expect(await svc.deps.db.platformIdentity.count({ where: { externalId: "mallory" } })).toBe(0);
  });
});

describe("WeCom group robot", () => {
  const notice: Card = { title: "今日选题会", tone: "info", blocks: [{ type: "list", items: ["10:00 三楼会议室"] }, { type: "actions", buttons: [{ actionId: "topic.vote", label: "+1", value: "m1.vote.topic.1.1.x" }] }], fallbackText: "今日选题会" };

  it("posts channel notifications as markdown and keeps to 20 a minute", async () => {
    const channel = svc.deps.channels.get("wecom")!;
    await channel.post({ conversationId: "robot" }, notice);
    const call: RecordedCall = await fake.waitFor((c) => c.path === "/cgi-bin/webhook/send");
    expect(call.query.get("key")).toBe("robot-key");
    expect(call.json).toEqual({ msgtype: "markdown", markdown: { content: "**今日选题会**\n- 10:00 三楼会议室" } });
    for (let i = 0; i < 19; i++) await channel.post({ conversationId: "robot" }, notice);
    await expect(channel.post({ conversationId: "robot" }, notice)).rejects.toBeInstanceOf(RateLimitedError);
    expect(fake.find("POST", "/cgi-bin/webhook/send")).toHaveLength(20);
    svc.clock.advance(3000);
    await channel.post({ conversationId: "robot" }, notice);
    expect(fake.find("POST", "/cgi-bin/webhook/send")).toHaveLength(21);
  });

  it("is not used for direct chats, whose cards go to message/send", async () => {
    const channel = svc.deps.channels.get("wecom")!;
    const before = sends().length;
    const { conversationId, messageId } = await channel.direct!("wangwu", notice);
    expect(conversationId).toBe("user:wangwu");
    expect(messageId).toMatch(/^mo-/);
    expect(sends()).toHaveLength(before + 1);
  });
});
