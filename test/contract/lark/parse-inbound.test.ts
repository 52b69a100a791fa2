// Feishu/Lark payloads from the documentation → the neutral InboundEvent; request opening (signature, token,
// decryption) on the documented vectors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openLarkRequest } from "../../../src/adapters/lark/open-request.js";
import { commandText, envelopeFromFlattened, parseLarkCardAction, parseLarkMessage } from "../../../src/adapters/lark/parse-inbound.js";
import { encryptLark, larkSignature } from "../../../src/adapters/lark/verify.js";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../fixtures/lark/${name}`, import.meta.url), "utf8")) as T;
// Fixtures are edited freely in these tests.
type Json = Record<string, any>;

const message = fixture<Json>("im-message-receive-v1.json");
const cardAction = fixture<Json>("card-action-trigger.json");

function withMessage(patch: Json): Json {
  const copy = structuredClone(message);
  Object.assign(copy.event.message, patch);
  return copy;
}

function ourClick(value: unknown, formValue?: Json): Json {
  const copy = structuredClone(cardAction);
  copy.event.action = { tag: "button", value, ...(formValue ? { form_value: formValue } : {}) };
  return copy;
}

describe("im.message.receive_v1 → command", () => {
  it("parses the documentation's example: mention placeholder stripped, de-duplicated by message_id", () => {
    expect(parseLarkMessage(message)).toEqual({
      ok: true,
      event: {
        kind: "command",
        eventId: "msg:om_5ce6d572455d361153b7cb51da133945",
        actor: { platform: "lark", tenant: "736588c9260f175e", externalId: "ou_84aad35d084aa403a838cf73ee18467" },
        conversation: { platform: "lark", externalId: "oc_5ce6d572455d361153b7xx51da133945" },
        text: "hello",
      },
    });
  });

  it("accepts /topic and topic in direct chats and in groups with a mention", () => {
    const dm = parseLarkMessage(withMessage({ chat_type: "p2p", mentions: undefined, content: JSON.stringify({ text: "topic propose 双十一复盘 --platform 微博" }) }));
    expect(dm.ok && dm.event.kind === "command" && dm.event.text).toBe("topic propose 双十一复盘 --platform 微博");
    const group = parseLarkMessage(withMessage({ content: JSON.stringify({ text: "@_user_1　/topic list" }) }));
    expect(group.ok && group.event.kind === "command" && group.event.text).toBe("/topic list");
  });

  it("ignores group messages without a mention, messages from apps, non-text and empty messages", () => {
    expect(parseLarkMessage(withMessage({ mentions: [] }))).toEqual({ ok: false, reason: "group message without a mention" });
    const fromBot = structuredClone(message);
    fromBot.event.sender.sender_type = "app";
    expect(parseLarkMessage(fromBot)).toMatchObject({ ok: false, reason: "sent by an app, not a person" });
    expect(parseLarkMessage(withMessage({ message_type: "image", content: "{\"image_key\":\"x\"}" }))).toMatchObject({ ok: false });
    expect(parseLarkMessage(withMessage({ content: JSON.stringify({ text: "@_user_1 " }) }))).toEqual({ ok: false, reason: "empty message" });
    expect(parseLarkMessage(withMessage({ content: "not json" }))).toEqual({ ok: false, reason: "message content is not JSON" });
    expect(parseLarkMessage({ schema: "2.0" })).toMatchObject({ ok: false });
  });

  it("strips every mention placeholder and folds spaces", () => {
    expect(commandText("@_user_1 @_all  topic\u3000show 12 @_user_2")).toBe("topic show 12");
  });
});

describe("card.action.trigger → action", () => {
  it("ignores the documentation's example, whose value is not one of our buttons", () => {
    expect(parseLarkCardAction(cardAction)).toEqual({ ok: false, reason: "not one of our buttons" });
  });

  it("parses a click on our button: actor, chat, clicked message, action id and encoded value", () => {
    expect(parseLarkCardAction(ourClick({ v: "m1.vote.topic.12.3.abcdefghijklmnop", a: "topic.vote" }))).toEqual({
      ok: true,
      event: {
        kind: "action",
        eventId: "evt:f7984f25108f8137722bb63c*****",
        actor: { platform: "lark", tenant: "2df73991750*****", externalId: "ou_3c14f3a59eaf2825dbe25359f15*****" },
        conversation: { platform: "lark", externalId: "oc_e4d2605ca917e695f54f11aaf56*****" },
        message: { platform: "lark", conversationId: "oc_e4d2605ca917e695f54f11aaf56*****", messageId: "om_574d639e4a44e4dd646eaf628e2*****" },
        actionId: "topic.vote",
        value: "m1.vote.topic.12.3.abcdefghijklmnop",
        reason: undefined,
      },
    });
  });

  it("takes the reason from the form input the button names", () => {
    const parsed = parseLarkCardAction(ourClick({ v: "m1.reject.topic.12.3.x", a: "topic.reject", r: "reason_0" }, { reason_0: "与上周重复", other: "x" }));
    expect(parsed.ok && parsed.event.kind === "action" && parsed.event.reason).toBe("与上周重复");
  });

  it("re-envelopes the long connection's flattened data into the same event", () => {
    const click = ourClick({ v: "m1.vote.topic.12.3.x", a: "topic.vote" });
    // What the SDK's EventDispatcher hands a handler: {...header, ...event} (event.token overwrites header.token).
    const flattened = { schema: "2.0", ...click.header, ...click.event };
    expect(parseLarkCardAction(envelopeFromFlattened(flattened))).toEqual(parseLarkCardAction(click));
    const flatMessage = { schema: "2.0", ...message.header, ...message.event };
    expect(parseLarkMessage(envelopeFromFlattened(flatMessage))).toEqual(parseLarkMessage(message));
  });
});

describe("openLarkRequest", () => {
  const token = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // header.token of the message fixture
  const key = "test-encrypt-key";
  const now = 1_790_000_000;
  const sign = (raw: string, ts = String(now), nonce = "n-1") => ({ timestamp: ts, nonce, signature: larkSignature(ts, nonce, key, raw) });
  const open = (raw: string | undefined, headers: Json = {}, opts: Json = {}) =>
    openLarkRequest({ rawBody: raw === undefined ? undefined : Buffer.from(raw), headers, verificationToken: token, encryptKey: key, nowSeconds: now, ...opts });

  it("answers the plain url_verification (documentation example) with its token", () => {
    const plain = fixture<Json>("url-verification.json");
    const raw = JSON.stringify({ challenge: plain.challenge, token: plain.token, type: plain.type });
    const opened = openLarkRequest({ rawBody: Buffer.from(raw), headers: {}, verificationToken: "xxxxxx", nowSeconds: now });
    expect(opened).toEqual({ ok: true, body: { challenge: "ajls384kdjx98XX", token: "xxxxxx", type: "url_verification" } });
  });

  it("decrypts the node-sdk's encrypted url_verification vector", () => {
    const vector = fixture<{ encryptKey: string; body: { encrypt: string } }>("url-verification-encrypted.json");
    const opened = openLarkRequest({ rawBody: Buffer.from(JSON.stringify(vector.body)), headers: {}, verificationToken: "iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6", encryptKey: vector.encryptKey, nowSeconds: now });
    expect(opened).toMatchObject({ ok: true, body: { challenge: "5634b122-c042-4634-bc7f-b07a3c3e77ad", type: "url_verification" } });
  });

  it("opens a signed, encrypted event and checks its token", () => {
    const raw = JSON.stringify({ encrypt: encryptLark(key, JSON.stringify(message)) });
    expect(open(raw, sign(raw))).toEqual({ ok: true, body: message });
  });

  it("refuses a bad signature, a stale or future timestamp, a missing signature and a wrong token", () => {
    const raw = JSON.stringify({ encrypt: encryptLark(key, JSON.stringify(message)) });
    expect(open(raw, { ...sign(raw), signature: "0".repeat(64) })).toEqual({ ok: false, status: 401, error: "signature check failed: bad_signature" });
    expect(open(raw, sign(raw, String(now - 301)))).toEqual({ ok: false, status: 401, error: "signature check failed: stale_timestamp" });
    expect(open(raw, sign(raw, String(now + 301)))).toEqual({ ok: false, status: 401, error: "signature check failed: future_timestamp" });
    expect(open(raw, {})).toEqual({ ok: false, status: 401, error: "signature check failed: missing_headers" });
    const wrongToken = JSON.stringify({ encrypt: encryptLark(key, JSON.stringify({ ...message, header: { ...message.header, token: "other" } })) });
    expect(open(wrongToken, sign(wrongToken))).toEqual({ ok: false, status: 401, error: "verification token mismatch" });
  });

  it("checks the token of unencrypted events when no Encrypt Key is configured", () => {
    const raw = JSON.stringify(message);
    expect(open(raw, {}, { encryptKey: undefined })).toEqual({ ok: true, body: message });
    expect(open(raw, {}, { encryptKey: undefined, verificationToken: "another-token" })).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses malformed bodies with 400", () => {
    expect(open(undefined)).toEqual({ ok: false, status: 400, error: "empty body" });
    expect(open("{not json", sign("{not json"))).toEqual({ ok: false, status: 400, error: "body is not a JSON object" });
    expect(open("[1,2]", sign("[1,2]"))).toMatchObject({ ok: false, status: 400 });
    const badCipher = JSON.stringify({ encrypt: "AAAA" });
    expect(open(badCipher, sign(badCipher))).toEqual({ ok: false, status: 400, error: "encrypt could not be decrypted" });
    const encrypted = JSON.stringify({ encrypt: encryptLark(key, "{}") });
    expect(open(encrypted, {}, { encryptKey: undefined })).toEqual({ ok: false, status: 400, error: "encrypted body, but FEISHU_ENCRYPT_KEY is not configured" });
  });
});
