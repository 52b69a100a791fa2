// /mediaops channel set on Feishu and WeCom against their fake Open APIs (#12): the channel is checked with the
// platform first (Feishu GET /open-apis/im/v1/chats/:chat_id, WeCom GET /cgi-bin/appchat/get), a chat the bot
// cannot post in is refused in the admin's language with nothing changed, and once routed a new topic's card is
// posted in the routed chat while the proposer is pointed there. test/integration/channel-routes.test.ts covers
// the console and Slack.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptLark, larkSignature } from "../../src/adapters/lark/verify.js";
import { encryptWecom, wecomSignature } from "../../src/adapters/wecom/crypto.js";
import { startFakeApi, type FakeApi } from "../support/fake-api.js";
import { startTestService, type TestService } from "../support/service.js";

type Json = Record<string, unknown>;

describe("channel routes on Feishu", () => {
  const APP_ID = "cli_routes0123456789";
  const TOKEN = "vtoken-routes";
  const KEY = "routes-encrypt-key";
  const CHAT = "oc_routes_general";
  /** Chats the bot is in, by chat_id, with their names. */
  const CHATS: Record<string, string> = { [CHAT]: "运营大群", oc_7d2e9f1c4b8a6e0d3c5f1a9b2e4d6c80: "选题会" };
  let fake: FakeApi;
  let svc: TestService;
  let messages = 0;

  beforeAll(async () => {
    fake = await startFakeApi((call) => {
      if (call.method === "POST" && call.path === "/open-apis/auth/v3/tenant_access_token/internal") return { body: { code: 0, msg: "ok", tenant_access_token: "t-routes", expire: 7200 } };
      if (call.method === "POST" && call.path === "/open-apis/im/v1/messages") {
        return { body: { code: 0, msg: "success", data: { message_id: `om_${++messages}`, chat_id: (call.json as { receive_id: string }).receive_id } } };
      }
      if (call.method === "GET" && call.path === "/open-apis/contact/v3/users/ou_route_admin") return { body: { code: 0, msg: "success", data: { user: { open_id: "ou_route_admin", name: "王芳" } } } };
      const chat = /^\/open-apis\/im\/v1\/chats\/([^/]+)$/.exec(call.path)?.[1];
      if (call.method === "GET" && chat) {
        const name = CHATS[chat];
        // Feishu answers 400 with code 232011 when the bot (operator) is not in the chat (im/v1/chats get).
        return name ? { body: { code: 0, msg: "success", data: { name, chat_mode: "group" } } } : { status: 400, body: { code: 232011, msg: "Operator and chat can NOT be in different tenants." } };
      }
      return undefined;
    });
    svc = await startTestService({
      env: { FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: "s", FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY, FEISHU_DOMAIN: fake.url, MEDIAOPS_ADMINS: "feishu:ou_route_admin" },
    });
  });
  afterAll(async () => {
    await svc?.dispose();
    await fake?.close();
  });

  /** A group message from `openId` that @mentions the bot (the bot reads only those in groups), encrypted and signed the way Feishu sends it. */
  async function say(openId: string, text: string) {
    const ts = String(Math.floor(svc.clock.now().getTime() / 1000));
    const payload = {
      schema: "2.0",
      header: { event_id: randomUUID(), event_type: "im.message.receive_v1", create_time: `${ts}000`, token: TOKEN, app_id: APP_ID, tenant_key: "tenant-routes" },
      event: {
        sender: { sender_id: { open_id: openId }, sender_type: "user", tenant_key: "tenant-routes" },
        message: { message_id: `om_in_${randomUUID()}`, chat_id: CHAT, chat_type: "group", message_type: "text", content: JSON.stringify({ text: `@_user_1 ${text}` }), mentions: [{ key: "@_user_1", id: { open_id: "ou_the_bot" }, name: "mediaops", tenant_key: "tenant-routes" }] },
      },
    };
    const raw = JSON.stringify({ encrypt: encryptLark(KEY, JSON.stringify(payload)) });
    const nonce = randomUUID();
    const headers = { "content-type": "application/json", "x-lark-request-timestamp": ts, "x-lark-request-nonce": nonce, "x-lark-signature": larkSignature(ts, nonce, KEY, raw) };
    expect((await fetch(`${svc.url}/feishu/events`, { method: "POST", headers, body: raw })).status).toBe(200);
  }
  /** Waits for the bot's message to `chatId` containing `text`; returns the content of every message to it so far. */
  async function waitForPost(chatId: string, text: string): Promise<string[]> {
    await fake.waitFor((c) => c.method === "POST" && c.path === "/open-apis/im/v1/messages" && (c.json as Json).receive_id === chatId && (c.json as { content: string }).content.includes(text));
    return postedTo(chatId);
  }
  /** What the bot posted to `chatId`, as the content of each message. */
  const postedTo = (chatId: string) =>
    fake.calls.filter((c) => c.method === "POST" && c.path === "/open-apis/im/v1/messages" && (c.json as Json).receive_id === chatId).map((c) => (c.json as { content: string }).content);

  it("refuses a chat the bot is not in, in Chinese, and stores no route", async () => {
    await say("ou_route_admin", "/mediaops channel set 选题 oc_elsewhere");
    await waitForPost(CHAT, "机器人不在 oc_elsewhere 中。请先把机器人加入该频道，再重试。没有做任何更改。");
    expect(fake.find("GET", "/open-apis/im/v1/chats/oc_elsewhere")).toHaveLength(1);
    expect(await svc.deps.db.channelRoute.count()).toBe(0);
  });

  it("routes topic cards to a chat the bot is in, by the name Feishu gives, and posts the next topic there", async () => {
    await say("ou_route_admin", "/mediaops channel set 选题 oc_7d2e9f1c4b8a6e0d3c5f1a9b2e4d6c80");
    await waitForPost(CHAT, "飞书上的选题卡片今后发往 #选题会。");
    const route = await svc.deps.db.channelRoute.findFirstOrThrow({ where: { platform: "lark", workflow: "topics" } });
    expect((await svc.deps.db.channel.findUniqueOrThrow({ where: { id: route.channelId } })).externalId).toBe("oc_7d2e9f1c4b8a6e0d3c5f1a9b2e4d6c80");

    await say("ou_route_admin", "/topic propose 路由后的选题 --platform 微博");
    await waitForPost("oc_7d2e9f1c4b8a6e0d3c5f1a9b2e4d6c80", "路由后的选题");
    const here = (await waitForPost(CHAT, "卡片已发到 #选题会。")).join("\n");
    expect(here).not.toContain("路由后的选题");
  });
});

describe("channel routes on WeCom", () => {
  const vectors = JSON.parse(readFileSync(new URL("../fixtures/wecom/callback-vectors.json", import.meta.url), "utf8")) as { config: { token: string; encodingAESKey: string; corpId: string } };
  const { token: TOKEN, encodingAESKey: AES_KEY, corpId: CORP } = vectors.config;
  const AGENT = "218";
  /** The app's group chats, by chatid, with their names (appchat/get answers 86003 for any other). */
  const APP_CHATS: Record<string, string> = { wrk_topics: "选题群" };
  let fake: FakeApi;
  let svc: TestService;
  let msgId = 700000;

  beforeAll(async () => {
    fake = await startFakeApi((call) => {
      if (call.method === "GET" && call.path === "/cgi-bin/gettoken") return { body: { errcode: 0, errmsg: "ok", access_token: "ACCESS_ROUTES", expires_in: 7200 } };
      if (call.method === "GET" && call.path === "/cgi-bin/appchat/get") {
        const id = call.query.get("chatid") ?? "";
        const name = APP_CHATS[id];
        return { body: name ? { errcode: 0, errmsg: "ok", chat_info: { chatid: id, name, owner: "zhangsan", userlist: ["zhangsan", "lisi"] } } : { errcode: 86003, errmsg: "chat not found" } };
      }
      if (call.method === "POST" && (call.path === "/cgi-bin/message/send" || call.path === "/cgi-bin/appchat/send")) return { body: { errcode: 0, errmsg: "ok", msgid: `m-${++msgId}` } };
      return undefined;
    });
    svc = await startTestService({
      env: { WECOM_CORP_ID: CORP, WECOM_AGENT_ID: AGENT, WECOM_SECRET: "s", WECOM_TOKEN: TOKEN, WECOM_ENCODING_AES_KEY: AES_KEY, WECOM_API_URL: fake.url, MEDIAOPS_ADMINS: "wecom:zhangsan" },
    });
  });
  afterAll(async () => {
    await svc?.dispose();
    await fake?.close();
  });

  /** A text message from `from` to the app, encrypted and signed the way WeCom sends it. */
  async function say(from: string, content: string) {
    const ts = String(Math.floor(svc.clock.now().getTime() / 1000));
    const xml = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${++msgId}</MsgId><AgentID>${AGENT}</AgentID></xml>`;
    const encrypt = encryptWecom(AES_KEY, xml, CORP);
    const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[${AGENT}]]></AgentID></xml>`;
    const query = new URLSearchParams({ msg_signature: wecomSignature(TOKEN, ts, "7", encrypt), timestamp: ts, nonce: "7" });
    expect((await fetch(`${svc.url}/wecom/callback?${query}`, { method: "POST", headers: { "content-type": "text/xml" }, body })).status).toBe(200);
  }
  /** Waits for a message sent with `path` whose JSON contains `text`. */
  const waitForSend = (path: string, text: string) => fake.waitFor((c) => c.method === "POST" && c.path === path && JSON.stringify(c.json).includes(text));
  /** Everything the bot sent to member `user` directly, as JSON text. */
  const sentTo = (user: string) => fake.calls.filter((c) => c.path === "/cgi-bin/message/send" && (c.json as Json).touser === user).map((c) => JSON.stringify(c.json));

  it("refuses an app chat that does not exist, in Chinese, and stores no route", async () => {
    await say("zhangsan", "/mediaops channel set 选题 wrk_gone");
    await waitForSend("/cgi-bin/message/send", "机器人看不到频道 wrk_gone：它不存在，或机器人不在其中。请先把机器人加入，再重试。没有做任何更改。");
    expect(fake.find("GET", "/cgi-bin/appchat/get").map((c) => c.query.get("chatid"))).toEqual(["wrk_gone"]);
    expect(await svc.deps.db.channelRoute.count()).toBe(0);
  });

  it("routes topic cards to the app chat by its name and posts the next topic there", async () => {
    await say("zhangsan", "/mediaops channel set 选题 wrk_topics");
    await waitForSend("/cgi-bin/message/send", "企业微信上的选题卡片今后发往 #选题群。");
    await say("zhangsan", "/topic propose 企微路由后的选题 --platform 抖音");
    const card = await waitForSend("/cgi-bin/appchat/send", "企微路由后的选题");
    expect((card.json as Json).chatid).toBe("wrk_topics");
    await waitForSend("/cgi-bin/message/send", "卡片已发到 #选题群。");
    expect(sentTo("zhangsan").join("\n")).not.toContain("企微路由后的选题");
  });
});
