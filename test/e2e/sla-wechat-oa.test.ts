// GET/POST /wechat/oa over real HTTP (loopback). Safe mode runs on WeChat's official cryptoDemo values (token
// pamtest, the sample EncodingAESKey and AppID, timestamp 1409304348, nonce xxxxxx, the fixed random), with the
// service's FakeClock at the sample's timestamp; plaintext mode on wechatpy's signature vector (WeChat publishes
// none). Bad signatures, replays, malformed XML and stale timestamps are refused and store nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wechatSignature } from "../../src/adapters/wechat-oa/crypto.js";
import { encryptWecom, wecomSignature } from "../../src/adapters/wecom/crypto.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { startTestService, type TestService } from "../support/service.js";
import { until } from "../support/wait.js";

const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../fixtures/wechat-oa/${p}`, import.meta.url), "utf8"));
const oa = fixture("official-sample-vectors.json") as { token: string; encodingAESKey: string; appId: string; timestamp: string; nonce: string; randomAscii: string; xmlFormat: string; cases: { replyMsg: string; afterAesEncrypt: string }[] };
const plain = fixture("plain-signature-wechatpy.json") as { token: string; timestamp: string; nonce: string; signature: string };
const random = Buffer.from(oa.randomAscii, "latin1");

let safe: TestService;
let clear: TestService;

beforeAll(async () => {
  safe = await startTestService({
    clock: new FakeClock(new Date(Number(oa.timestamp) * 1000)),
    env: { WECHAT_OA_TOKEN: oa.token, WECHAT_OA_APP_ID: oa.appId, WECHAT_OA_ENCODING_AES_KEY: oa.encodingAESKey },
  });
  clear = await startTestService({
    clock: new FakeClock(new Date(Number(plain.timestamp) * 1000)),
    env: { WECHAT_OA_TOKEN: plain.token, WECHAT_OA_APP_ID: oa.appId, WECHAT_OA_ACCOUNT: "gh_demo_oa" },
  });
});
afterAll(async () => {
  await safe.dispose();
  await clear.dispose();
});

const textXml = (msgId: string, opts: { to?: string; created?: string; content?: string } = {}) =>
  `<xml><ToUserName><![CDATA[${opts.to ?? "gh_demo_oa"}]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>${opts.created ?? oa.timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${opts.content ?? "订单三天还没发货，怎么回事？"}]]></Content><MsgId>${msgId}</MsgId></xml>`;

/** A safe-mode push as WeChat sends it: the official envelope format, msg_signature over <Encrypt>. */
function sealed(inner: string, q: { timestamp?: string; nonce?: string; msgSignature?: string } = {}) {
  const encrypt = encryptWecom(oa.encodingAESKey, inner, oa.appId, random);
  return sealedCipher(encrypt, q);
}
function sealedCipher(encrypt: string, q: { timestamp?: string; nonce?: string; msgSignature?: string } = {}) {
  const timestamp = q.timestamp ?? oa.timestamp;
  const nonce = q.nonce ?? oa.nonce;
  const msgSignature = q.msgSignature ?? wecomSignature(oa.token, timestamp, nonce, encrypt);
  const query = `signature=${wechatSignature(oa.token, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}&openid=oia2TjjewbmiOUlr6X-1crbLOvLw&encrypt_type=aes&msg_signature=${msgSignature}`;
  return { query, body: oa.xmlFormat.replace("%s", encrypt) };
}
const post = (svc: TestService, query: string, body: string) => fetch(`${svc.url}/wechat/oa?${query}`, { method: "POST", body, headers: { "content-type": "text/xml" } });
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

/** The item once the push has stored it (stored after WeChat was answered). */
const stored = (svc: TestService, externalId: string) =>
  until(`item ${externalId} to be stored`, () => svc.deps.db.slaItem.findFirst({ where: { platform: "wechat_oa", externalId } }));

describe("WeChat OA push, safe mode (official cryptoDemo values)", () => {
  it("answers the server-URL check with echostr when the plain signature checks", async () => {
    const sig = "76480565cbe296026c53aaacd1ad523a1ddba24f"; // sha1 of sorted pamtest, 1409304348, xxxxxx (coreutils)
    expect(wechatSignature(oa.token, oa.timestamp, oa.nonce)).toBe(sig);
    const ok = await fetch(`${safe.url}/wechat/oa?signature=${sig}&timestamp=${oa.timestamp}&nonce=${oa.nonce}&echostr=5837397520677775893`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("5837397520677775893");
    const bad = await fetch(`${safe.url}/wechat/oa?signature=${"0".repeat(40)}&timestamp=${oa.timestamp}&nonce=${oa.nonce}&echostr=1`);
    expect(bad.status).toBe(401);
  });

  it("opens an encrypted text message, answers success, and stores a dm capped by the 48-hour window", async () => {
    const { query, body } = sealed(textXml("6054768590064713728"));
    const res = await post(safe, query, body);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("success");
    const row = await stored(safe, "6054768590064713728");
    expect(row).toMatchObject({ account: "gh_demo_oa", kind: "dm", author: "oia2TjjewbmiOUlr6X-1crbLOvLw", text: "订单三天还没发货，怎么回事？", source: "wechat_oa", status: "open" });
    expect(row.createdAt.toISOString()).toBe("2014-08-29T09:25:48.000Z");
    // Friday 17:25 + 4 working hours would be Monday morning; the customer-service window closes Sunday first.
    expect(row.windowEndsAt?.toISOString()).toBe("2014-08-31T09:25:48.000Z");
    expect(row.deadlineAt.toISOString()).toBe("2014-08-31T09:25:48.000Z");
    expect(row.dueAt.getTime()).toBeGreaterThan(row.deadlineAt.getTime());
  });

  it("answers a resent push (WeChat's retry, or a replay) again with success and stores it once", async () => {
    const { query, body } = sealed(textXml("6054768590064713728"));
    const again = await post(safe, query, body);
    expect(await again.text()).toBe("success");
    // The same message under a new nonce (another delivery) is still one item: MsgId decides.
    const other = sealed(textXml("6054768590064713728"), { nonce: "yyyyyy" });
    expect((await post(safe, other.query, other.body)).status).toBe(200);
    await safe.idle(); // storing runs after the answer: wait for it before counting
    expect(await safe.deps.db.slaItem.count({ where: { externalId: "6054768590064713728" } })).toBe(1);
  });

  it("refuses a wrong msg_signature, a message for another AppID, and a reused nonce with another body (401)", async () => {
    const before = await safe.deps.db.slaItem.count();
    const forged = sealed(textXml("6054768590064713001"), { msgSignature: "0".repeat(40) });
    const r1 = await post(safe, forged.query, forged.body);
    expect([r1.status, await errorOf(r1)]).toEqual([401, "bad_signature"]);
    const foreign = sealedCipher(encryptWecom(oa.encodingAESKey, textXml("6054768590064713002"), "wxb11529c136998cb7", random));
    const r2 = await post(safe, foreign.query, foreign.body);
    expect([r2.status, await errorOf(r2)]).toEqual([401, "wrong_receive_id"]);
    // Same timestamp and nonce as the stored message, validly sealed, different content: a replayed URL.
    const replay = sealed(textXml("6054768590064713003"));
    const r3 = await post(safe, replay.query, replay.body);
    expect(r3.status).toBe(401);
    expect(await errorOf(r3)).toContain("replay");
    const plainInSafe = await post(safe, `signature=${wechatSignature(oa.token, oa.timestamp, "n1")}&timestamp=${oa.timestamp}&nonce=n1`, textXml("6054768590064713004"));
    expect(plainInSafe.status).toBe(401);
    await safe.idle(); // storing runs after the answer: wait for it before counting
    expect(await safe.deps.db.slaItem.count()).toBe(before);
  });

  it("refuses malformed XML (400): a broken envelope, and the official ciphertext whose plaintext is not XML", async () => {
    const broken = await post(safe, sealed(textXml("1")).query.replace(`nonce=${oa.nonce}`, "nonce=b1"), "<xml><Encrypt><![CDATA[abc]]></Encrypt>");
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toContain("body is not message XML");
    // testAesEncrypt's ciphertext of "我是中文abcd123" with the msg_signature pinned in the crypto unit test.
    const first = oa.cases[0]!;
    const official = sealedCipher(first.afterAesEncrypt, { nonce: oa.nonce, msgSignature: "82c962d39941aa48552f90ef55aa323dc620cc10" });
    const res = await post(safe, official.query, official.body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toContain("decrypted message is not XML");
  });

  it("refuses a stale timestamp (more than 300 s from the clock), then accepts again", async () => {
    safe.clock.advance(301_000);
    const late = sealed(textXml("6054768590064713010"), { nonce: "s1" });
    const res = await post(safe, late.query, late.body);
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toContain("stale timestamp");
    safe.clock.advance(-301_000);
    expect((await post(safe, late.query, late.body)).status).toBe(200);
    await stored(safe, "6054768590064713010");
  });

  it("answers success and stores nothing for a message to an account with no SLA set up, and for events", async () => {
    const unknown = sealed(textXml("6054768590064713020", { to: "gh_unknown" }), { nonce: "u1" });
    expect(await (await post(safe, unknown.query, unknown.body)).text()).toBe("success");
    const event = sealed(`<xml><ToUserName><![CDATA[gh_demo_oa]]></ToUserName><FromUserName><![CDATA[oX]]></FromUserName><CreateTime>${oa.timestamp}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`, { nonce: "e1" });
    expect(await (await post(safe, event.query, event.body)).text()).toBe("success");
    const ok = sealed(textXml("6054768590064713021"), { nonce: "u2" });
    await post(safe, ok.query, ok.body);
    await stored(safe, "6054768590064713021");
    expect(await safe.deps.db.slaItem.count({ where: { externalId: "6054768590064713020" } })).toBe(0);
  });
});

describe("WeChat OA push, plaintext mode (wechatpy's signature vector)", () => {
  const q = `signature=${plain.signature}&timestamp=${plain.timestamp}&nonce=${plain.nonce}&openid=oX`;

  it("echoes echostr and stores a signed plaintext message under the configured account", async () => {
    const echo = await fetch(`${clear.url}/wechat/oa?${q}&echostr=hello+world`);
    expect(await echo.text()).toBe("hello+world");
    const res = await post(clear, q, textXml("7000000000000000001", { to: "gh_someone_else", created: plain.timestamp, content: "有人吗" }));
    expect(await res.text()).toBe("success");
    expect(await stored(clear, "7000000000000000001")).toMatchObject({ account: "gh_demo_oa", text: "有人吗" });
  });

  it("refuses a bad signature (401), malformed XML and a message without MsgId (400), a safe-mode push (400)", async () => {
    const before = await clear.deps.db.slaItem.count();
    const bad = await post(clear, q.replace(plain.signature, plain.signature.replace(/.$/, "0")), textXml("7000000000000000002", { created: plain.timestamp }));
    expect([bad.status, await errorOf(bad)]).toEqual([401, "bad_signature"]);
    const q2 = `signature=${wechatSignature(plain.token, plain.timestamp, "n2")}&timestamp=${plain.timestamp}&nonce=n2`;
    const malformed = await post(clear, q2, "<xml><ToUserName>gh_demo_oa</xml>");
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toMatch(/^body is not message XML: <\/xml> does not close <ToUserName>/);
    const q3 = `signature=${wechatSignature(plain.token, plain.timestamp, "n3")}&timestamp=${plain.timestamp}&nonce=n3`;
    const noId = await post(clear, q3, textXml("", { created: plain.timestamp }));
    expect([noId.status, await errorOf(noId)]).toEqual([400, "MsgId is missing or not a number"]);
    const aes = await post(clear, `${q2}&encrypt_type=aes&msg_signature=x`, "<xml/>");
    expect(aes.status).toBe(400);
    expect(await errorOf(aes)).toContain("WECHAT_OA_ENCODING_AES_KEY is not set");
    expect(await clear.deps.db.slaItem.count()).toBe(before);
  });
});
