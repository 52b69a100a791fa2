// WeCom callbacks from the documentation and the official WXBizMsgCrypt sample → the neutral InboundEvent.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openWecomEnvelope } from "../../../src/adapters/wecom/crypto.js";
import { actionIdOfKey, parseWecomInbound, wecomConversation } from "../../../src/adapters/wecom/parse-inbound.js";
import { rawQuery } from "../../../src/adapters/wecom/routes.js";
import { parseFlatXml } from "../../../src/adapters/wecom/xml.js";

const read = (name: string) => readFileSync(new URL(`../../fixtures/wecom/${name}`, import.meta.url), "utf8");
const vectors = JSON.parse(read("callback-vectors.json")) as {
  config: { token: string; encodingAESKey: string; corpId: string };
  post: { msg_signature: string; timestamp: string; nonce: string; body: string };
};
// The fixture starts with a provenance comment, which our strict reader refuses (as it should for real input).
const cardEventXml = read("template-card-event.xml").replace(/^<!--[\s\S]*?-->\s*/, "");

describe("template_card_event → action", () => {
  it("parses the documentation's example (doc 90240) into a click on the card whose task id is TaskId", () => {
    expect(parseWecomInbound(parseFlatXml(cardEventXml), { corpId: "wwcorp", agentId: 1 })).toEqual({
      ok: true,
      event: {
        kind: "action",
        eventId: "evt:FromUser:123456789:taskid111:key111",
        actor: { platform: "wecom", tenant: "wwcorp", externalId: "FromUser" },
        conversation: { platform: "wecom", externalId: "user:FromUser" },
        message: { platform: "wecom", conversationId: "user:FromUser", messageId: "taskid111" },
        actionId: "",
        value: "key111",
      },
      responseCode: { taskId: "taskid111", code: "ResponseCode", userId: "FromUser" },
    });
  });

  it("derives the action id from our encoded button key", () => {
    expect(actionIdOfKey("m1.accept.topic.12.3.abcdefghijklmnop")).toBe("topic.accept");
    expect(actionIdOfKey("key111")).toBe("");
    const ours = cardEventXml.replace("key111", "m1.vote.topic.12.3.abcdefghijklmnop");
    const parsed = parseWecomInbound(parseFlatXml(ours), { corpId: "wwcorp", agentId: 1 });
    expect(parsed.ok && parsed.event.kind === "action" && parsed.event.actionId).toBe("topic.vote");
  });

  it("ignores callbacks of another app of the same corp", () => {
    expect(parseWecomInbound(parseFlatXml(cardEventXml), { corpId: "wwcorp", agentId: 2 })).toEqual({ ok: false, reason: "AgentID 1 is not ours" });
  });
});

describe("text message → command", () => {
  it("decrypts and parses the official WXBizMsgCrypt POST sample", () => {
    const { config, post } = vectors;
    const outer = parseFlatXml(post.body);
    const opened = openWecomEnvelope({ token: config.token, encodingAESKey: config.encodingAESKey, receiveId: config.corpId, msgSignature: post.msg_signature, timestamp: post.timestamp, nonce: post.nonce, encrypt: outer.Encrypt });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(parseWecomInbound(parseFlatXml(opened.message), { corpId: config.corpId, agentId: 218 })).toEqual({
      ok: true,
      event: {
        kind: "command",
        eventId: "msg:4561255354251345929",
        actor: { platform: "wecom", tenant: "wx5823bf96d3bd56c7", externalId: "mycreate" },
        conversation: { platform: "wecom", externalId: "user:mycreate" },
        text: "hello",
      },
    });
  });

  it("folds full-width spaces and ignores empty text and other message types", () => {
    const xml = (content: string, type = "text") => `<xml><ToUserName>c</ToUserName><FromUserName>u1</FromUserName><CreateTime>1</CreateTime><MsgType>${type}</MsgType><Content><![CDATA[${content}]]></Content><MsgId>7</MsgId><AgentID>5</AgentID></xml>`;
    const parsed = parseWecomInbound(parseFlatXml(xml("/topic\u3000propose  选题")), { corpId: "c", agentId: 5 });
    expect(parsed.ok && parsed.event.kind === "command" && parsed.event.text).toBe("/topic propose 选题");
    expect(parseWecomInbound(parseFlatXml(xml("  ")), { corpId: "c", agentId: 5 })).toEqual({ ok: false, reason: "empty message" });
    expect(parseWecomInbound(parseFlatXml(xml("x", "image")), { corpId: "c", agentId: 5 })).toEqual({ ok: false, reason: "MsgType image" });
  });
});

describe("conversation ids and query strings", () => {
  it("names the app chat of a member and the robot", () => {
    expect(wecomConversation.user("zhangsan")).toBe("user:zhangsan");
    expect(wecomConversation.userOf("user:zhangsan")).toBe("zhangsan");
    expect(wecomConversation.userOf(wecomConversation.robot)).toBeUndefined();
  });

  it("keeps '+' in base64 query values and decodes %2B", () => {
    expect(rawQuery("/wecom/callback?echostr=ab+c%2Bd%3D%3D&nonce=1")).toEqual({ echostr: "ab+c+d==", nonce: "1" });
    expect(rawQuery("/wecom/callback")).toEqual({});
  });
});
