// Reply from chat on Feishu/Lark (issue 13): the SLA card carries a form with an input for the reply; the value
// submitted with the click arrives in the card action (form_value), is sent to comment/reply/add on the fake
// WeChat API, and the card ends answered with the reply.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptLark, larkSignature } from "../../src/adapters/lark/verify.js";
import { ingestSlaItems } from "../../src/app/sla/ingest-items.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { startFakeApi, type FakeApi, type RecordedCall } from "../support/fake-api.js";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";
import { until } from "../support/wait.js";

const APP_ID = "cli_a1b2c3d4e5f60718";
const TOKEN = "vtoken-e2e-0123456789";
const KEY = "e2e-encrypt-key";
const TENANT = "tenant-e2e";
const CHAT = "oc_e2e_sla";
const WX = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };

type Json = Record<string, unknown>;
let fake: FakeApi;
let wx: FakeWechat;
let svc: TestService;
let messageCount = 0;

beforeAll(async () => {
  const clock = new FakeClock("2026-11-26T02:00:00Z");
  fake = await startFakeApi((call) => {
    if (call.method === "POST" && call.path === "/open-apis/auth/v3/tenant_access_token/internal") return { body: { code: 0, msg: "ok", tenant_access_token: "t-fake", expire: 7200 } };
    if (call.method === "POST" && call.path === "/open-apis/im/v1/messages") return { body: { code: 0, msg: "success", data: { message_id: `om_${++messageCount}`, chat_id: CHAT } } };
    if (call.method === "PATCH" && call.path.startsWith("/open-apis/im/v1/messages/")) return { body: { code: 0, msg: "success", data: {} } };
    return undefined;
  });
  wx = await startFakeWechat({ ...WX, now: () => clock.now() });
  svc = await startTestService({
    clock,
    env: { FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: "app-secret", FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY, FEISHU_DOMAIN: fake.url, WECHAT_OA_APP_ID: WX.appId, WECHAT_OA_APP_SECRET: WX.appSecret, WECHAT_OA_API_URL: wx.url },
  });
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
  await wx?.close();
});

const nowSeconds = () => Math.floor(svc.clock.now().getTime() / 1000);
async function send(payload: unknown) {
  const raw = JSON.stringify({ encrypt: encryptLark(KEY, JSON.stringify(payload)) });
  const timestamp = String(nowSeconds());
  const nonce = randomUUID();
  const headers = { "content-type": "application/json; charset=utf-8", "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": nonce, "x-lark-signature": larkSignature(timestamp, nonce, KEY, raw) };
  const res = await fetch(`${svc.url}/feishu/events`, { method: "POST", headers, body: raw });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}
const header = (type: string) => ({ event_id: randomUUID(), event_type: type, create_time: String(nowSeconds() * 1000), token: TOKEN, app_id: APP_ID, tenant_key: TENANT });
const say = (text: string) =>
  send({
    schema: "2.0",
    header: header("im.message.receive_v1"),
    event: {
      sender: { sender_id: { open_id: "ou_sun" }, sender_type: "user", tenant_key: TENANT },
      message: { message_id: `om_in_${randomUUID()}`, chat_id: CHAT, chat_type: "group", message_type: "text", content: JSON.stringify({ text: `@_user_1 ${text}` }), mentions: [{ key: "@_user_1", id: { open_id: "ou_the_bot" }, name: "mediaops", tenant_key: TENANT }] },
    },
  });
const flat = (card: Json): Json[] => {
  const walk = (els: unknown): Json[] => (Array.isArray(els) ? (els as Json[]).flatMap((e) => [e, ...walk(e.elements), ...walk(e.columns)]) : []);
  return walk((card.body as Json).elements);
};
const contentOf = (c: RecordedCall) => JSON.parse((c.json as { content: string }).content) as Json;

describe("Reply on a Feishu SLA card", () => {
  it("takes the text from the card's input and sends it to comment/reply/add; the card ends answered with the reply", async () => {
    const a = wx.addArticle({ msgDataId: 2247484000, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 71, at: new Date("2026-11-26T01:30:00Z"), content: "活动几号结束？" });
    const [r] = await ingestSlaItems(svc.deps, [{ platform: "wechat_oa", account: "gh_demo_oa", kind: "comment", externalId: "c:lark", author: "oREADER", text: "活动几号结束？", createdAt: "2026-11-26T01:30:00Z", comment: { msgDataId: "2247484000", index: 0, userCommentId: "71" } }], "wechat_oa");
    const id = (r as { id: number }).id;

    await say(`sla show ${id}`);
    const call = await fake.waitFor((c) => c.method === "POST" && c.path === "/open-apis/im/v1/messages" && JSON.stringify(contentOf(c)).includes(`#${id}`));
    const card = contentOf(call);
    const messageId = `om_${fake.find("POST", "/open-apis/im/v1/messages").indexOf(call) + 1}`;
    // The Reply button sits in a form with a required input; its callback names the input.
    const form = flat(card).find((e) => e.tag === "form" && flat({ body: { elements: e.elements } }).some((x) => x.tag === "button" && (x.behaviors as { value: Json }[])[0]!.value.a === "sla.reply"))!;
    const input = flat({ body: { elements: form.elements } }).find((e) => e.tag === "input")!;
    expect(input).toMatchObject({ required: true, placeholder: { content: "输入回复内容" } });
    const button = flat({ body: { elements: form.elements } }).find((e) => e.tag === "button")!;
    const value = (button.behaviors as { value: Json }[])[0]!.value;
    expect(value.r).toBe(input.name);

    const res = await send({
      schema: "2.0",
      header: { ...header("card.action.trigger"), create_time: String(nowSeconds() * 1_000_000) },
      event: { operator: { tenant_key: TENANT, open_id: "ou_sun" }, token: "c-card-update-token", action: { tag: "button", value, form_value: { [String(value.r)]: "活动到 12 月 31 日结束。" } }, host: "im_message", context: { open_message_id: messageId, open_chat_id: CHAT } },
    });
    expect(res.status).toBe(200);
    await until("the item answered", async () => (await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id } })).status === "answered" || undefined);
    expect(wx.find("POST", "/cgi-bin/comment/reply/add").map((c) => c.json)).toEqual([{ msg_data_id: 2247484000, index: 0, user_comment_id: 71, content: "活动到 12 月 31 日结束。" }]);
    // The card the person clicked shows the answer: in the click's answer or as an update of that message.
    const shown = async () => {
      const patched = fake.calls.filter((c) => c.method === "PATCH" && c.path.endsWith(`/${messageId}`)).map((c) => String((c.json as { content: string }).content));
      return [JSON.stringify(res.body.card ?? ""), ...patched].find((s) => s.includes("已回复") && s.includes("活动到 12 月 31 日结束。"));
    };
    expect(await until("the card answered", shown)).toBeTruthy();
  });
});
