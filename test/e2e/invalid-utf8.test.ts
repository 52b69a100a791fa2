// Bytes that are not UTF-8 are refused with 400 and a clear message on every route that stores text (the
// console API, the WeChat OA push, /ingest/comments, /ingest/metrics), and nothing is stored: before, each of
// them decoded such bytes to U+FFFD and stored the mangled text. (Slack, Feishu and WeCom refuse them too:
// test/contract/slack/parse-inbound.test.ts and the platforms' own tests.) Each body is otherwise valid:
// correctly signed, well-formed, with one byte 0xFF in the middle of its text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { wechatSignature } from "../../src/adapters/wechat-oa/crypto.js";
import { startTestService, type TestService } from "../support/service.js";

const SECRET = "utf8-intake-secret";
const OA_TOKEN = "utf8oatoken";
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { MEDIAOPS_INGEST_SECRET: SECRET, WECHAT_OA_TOKEN: OA_TOKEN, WECHAT_OA_APP_ID: "wx0123456789abcdef", WECHAT_OA_ACCOUNT: "gh_utf8" } });
});
afterAll(() => svc?.dispose());

/** `before` + 0xFF + `after` as bytes: valid around one byte that UTF-8 never has. */
const broken = (before: string, after: string) => Buffer.concat([Buffer.from(before, "utf8"), Buffer.from([0xff]), Buffer.from(after, "utf8")]);
const nowSeconds = () => String(Math.floor(svc.clock.now().getTime() / 1000));

async function signedPost(path: string, body: Buffer, type: string) {
  const ts = nowSeconds();
  const res = await fetch(`${svc.url}${path}`, { method: "POST", headers: { "content-type": type, "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(SECRET, ts, body) }, body });
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

describe("invalid UTF-8 is refused with 400 and nothing is stored", () => {
  it("console API: a typed message, in the sender's language", async () => {
    const messages = await svc.deps.db.consoleMessage.count();
    const body = broken('{"channel":"topics","user":"chen.jie","text":"/topic propose 坏字节', '选题 --platform weibo"}');
    for (const [lang, error] of [["zh-CN", "请求内容不是有效的 UTF-8 文本，没有做任何更改。"], ["en", "The request is not valid UTF-8 text; nothing was changed."]]) {
      const res = await fetch(`${svc.url}/console/api/messages`, { method: "POST", headers: { "content-type": "application/json", "accept-language": lang! }, body });
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, error]);
    }
    const upload = await fetch(`${svc.url}/console/api/upload`, { method: "POST", headers: { "content-type": "application/json" }, body: broken('{"channel":"topics","user":"chen.jie","command":"/kpi import","filename":"a', '.csv","contentBase64":"YQ=="}') });
    expect(upload.status).toBe(400);
    await svc.idle();
    expect(await svc.deps.db.consoleMessage.count()).toBe(messages);
    expect(await svc.deps.db.topic.count({ where: { title: { contains: "坏字节" } } })).toBe(0);
  });

  it("WeChat OA push (plaintext mode, correctly signed)", async () => {
    const ts = nowSeconds();
    const nonce = "utf8nonce";
    const query = `signature=${wechatSignature(OA_TOKEN, ts, nonce)}&timestamp=${ts}&nonce=${nonce}&openid=oUtf8`;
    const body = broken(`<xml><ToUserName><![CDATA[gh_utf8]]></ToUserName><FromUserName><![CDATA[oUtf8]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[订单`, `还没发货]]></Content><MsgId>7000000000000000001</MsgId></xml>`);
    const res = await fetch(`${svc.url}/wechat/oa?${query}`, { method: "POST", headers: { "content-type": "text/xml" }, body });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, "body is not valid UTF-8"]);
    await svc.idle();
    expect(await svc.deps.db.slaItem.count({ where: { platform: "wechat_oa" } })).toBe(0);
  });

  it("/ingest/comments (signed JSON)", async () => {
    const body = broken('{"platform":"weibo","account":"brand","externalId":"utf8-1","kind":"comment","author":"u","text":"差评', '","createdAt":"2026-11-26T01:00:00Z"}');
    const items = await svc.deps.db.slaItem.count();
    expect(await signedPost("/ingest/comments", body, "application/json")).toEqual({ status: 400, body: { error: "the body is not valid UTF-8" } });
    expect(await svc.deps.db.slaItem.count()).toBe(items);
  });

  it("/ingest/metrics (signed JSON; a CSV that is neither UTF-8 nor GBK)", async () => {
    const values = await svc.deps.db.metricValue.count();
    const json = broken('{"metrics":[{"platform":"douyin","account":"品', '牌","metric":"reads","day":"2026-11-25","value":5}]}');
    expect(await signedPost("/ingest/metrics", json, "application/json")).toEqual({ status: 400, body: { ok: false, error: "the body is not valid UTF-8" } });
    const csv = broken("platform,account,metric,day,value\ndouyin,品", "牌,reads,2026-11-25,5\n");
    expect(await signedPost("/ingest/metrics", csv, "text/csv")).toEqual({ status: 400, body: { ok: false, error: "the CSV is neither valid UTF-8 nor GBK text" } });
    expect(await svc.deps.db.metricValue.count()).toBe(values);
  });
});
