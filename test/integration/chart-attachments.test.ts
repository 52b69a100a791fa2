// The digest's chart pictures on the chat platforms, through each platform's real client against its fake API:
// Slack uploads the PNG into the card's thread (files.getUploadURLExternal, the upload, files.completeUploadExternal
// with thread_ts, via the @slack/bolt WebClient's files.uploadV2); Feishu uploads it with im/v1/images through the
// Lark SDK and puts the image_key in an img element of the card; WeCom uploads it with media/upload (type image)
// and sends an image message right after the card, to the member or the app chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLarkClient, sdkMessenger } from "../../src/adapters/lark/client.js";
import { LarkChannel } from "../../src/adapters/lark/channel.js";
import { WecomApi } from "../../src/adapters/wecom/api.js";
import { WecomChannel } from "../../src/adapters/wecom/channel.js";
import { wecomConversation } from "../../src/adapters/wecom/parse-inbound.js";
import { createOutboxClient } from "../../src/adapters/slack/bolt-app.js";
import { SlackChannel } from "../../src/adapters/slack/channel.js";
import { createLogger } from "../../src/lib/logger.js";
import type { Card } from "../../src/messaging/card.js";
import { startFakeApi, type FakeApi } from "../support/fake-api.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { pngIn, pngSize } from "../support/png.js";

const labels = Array.from({ length: 28 }, (_, i) => `11-${String(i + 1).padStart(2, "0")}`);
const DIGEST: Card = {
  title: "每日数据简报 · 2026-11-25",
  tone: "info",
  blocks: [
    { type: "text", text: "阅读量 7,048" },
    { type: "chart", chart: { title: "阅读量 · 近 28 天", labels, series: [{ name: "阅读量", values: labels.map((_, i) => 6000 + i * 40) }, { name: "目标", values: labels.map(() => 8000), dashed: true }], unit: "number" } },
  ],
  fallbackText: "每日数据简报",
};

describe("Slack: the chart in the digest's thread", () => {
  let slack: FakeSlack;
  let channel: SlackChannel;
  beforeAll(async () => {
    slack = await startFakeSlack();
    channel = new SlackChannel(createOutboxClient({ botToken: "xoxb-test", signingSecret: "s", apiUrl: slack.apiUrl }, createLogger("silent")));
  });
  afterAll(() => slack.close());

  it("uploads a valid PNG and shares it in the thread of the posted card", async () => {
    const ts = await channel.post({ conversationId: "C0KPI" }, DIGEST);
    const [asked] = slack.callsTo("files.getUploadURLExternal");
    expect(asked?.args).toMatchObject({ filename: "chart-1.png" });
    const fileId = String(asked!.result!["file_id"]);
    const png = pngIn(slack.uploads.get(fileId));
    expect(png, "a PNG was uploaded").toBeDefined();
    expect(Number(asked!.args["length"])).toBe(png!.length);
    expect(pngSize(png!)).toEqual({ width: 1440, height: 720 });
    const [done] = slack.callsTo("files.completeUploadExternal");
    expect(done?.args).toMatchObject({ channel_id: "C0KPI", thread_ts: ts, files: [{ id: fileId, title: "阅读量 · 近 28 天" }] });
    expect(done!.result).toMatchObject({ ok: true });
  });

  it("a card without a chart uploads nothing, and a failed upload does not fail the post", async () => {
    const before = slack.callsTo("files.getUploadURLExternal").length;
    await channel.post({ conversationId: "C0KPI" }, { ...DIGEST, blocks: [DIGEST.blocks[0]!] });
    expect(slack.callsTo("files.getUploadURLExternal")).toHaveLength(before);
    slack.failNext("files.getUploadURLExternal", "missing_scope");
    await expect(channel.post({ conversationId: "C0KPI" }, DIGEST)).resolves.toMatch(/^\d+\.\d+$/);
  });
});

describe("Feishu: the chart as an img element of the card", () => {
  let fake: FakeApi;
  let channel: LarkChannel;
  let images = 0;
  beforeAll(async () => {
    fake = await startFakeApi((call) => {
      if (call.method === "POST" && call.path === "/open-apis/auth/v3/tenant_access_token/internal") return { body: { code: 0, msg: "ok", tenant_access_token: "t-fake", expire: 7200 } };
      if (call.method === "POST" && call.path === "/open-apis/im/v1/images") {
        // Documented: multipart form with image_type (message) and image (the file); answers data.image_key.
        if (!call.body.includes('name="image_type"') || !pngIn(call.raw)) return { status: 400, body: { code: 234001, msg: "Invalid request param." } };
        return { body: { code: 0, msg: "success", data: { image_key: `img_v3_fake_${++images}` } } };
      }
      if (call.method === "POST" && call.path === "/open-apis/im/v1/messages") return { body: { code: 0, msg: "success", data: { message_id: "om_1", chat_id: "oc_kpi" } } };
      if (call.method === "PATCH" && call.path.startsWith("/open-apis/im/v1/messages/")) return { body: { code: 0, msg: "success", data: {} } };
      return undefined;
    });
    const log = createLogger("silent");
    channel = new LarkChannel(sdkMessenger(createLarkClient({ appId: "cli_fake", appSecret: "secret", verificationToken: "v", domain: fake.url, mode: "webhook" }, log)), log);
  });
  afterAll(() => fake.close());

  it("uploads a valid PNG (image_type message) and the card shows it by its image_key", async () => {
    await channel.post({ conversationId: "oc_kpi" }, DIGEST);
    const [upload] = fake.find("POST", "/open-apis/im/v1/images");
    expect(upload!.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(upload!.body).toMatch(/name="image_type"\r\n\r\nmessage/);
    expect(pngSize(pngIn(upload!.raw)!)).toEqual({ width: 1440, height: 720 });
    const [sent] = fake.find("POST", "/open-apis/im/v1/messages");
    const card = JSON.parse((sent!.json as { content: string }).content) as { body: { elements: { tag: string; img_key?: string; alt?: { content: string } }[] } };
    const img = card.body.elements.find((e) => e.tag === "img");
    expect(img).toMatchObject({ img_key: "img_v3_fake_1", alt: { content: "阅读量 · 近 28 天" } });
  });

  it("an update of the card keeps its picture without uploading it again", async () => {
    await channel.update({ conversationId: "oc_kpi" }, "om_1", DIGEST);
    expect(fake.find("POST", "/open-apis/im/v1/images")).toHaveLength(1);
    const [patch] = fake.find("PATCH", "/open-apis/im/v1/messages/om_1");
    expect((patch!.json as { content: string }).content).toContain('"img_key":"img_v3_fake_1"');
  });
});

describe("WeCom: an image message after the card", () => {
  let fake: FakeApi;
  let channel: WecomChannel;
  let media = 0;
  beforeAll(async () => {
    fake = await startFakeApi((call) => {
      if (call.path === "/cgi-bin/gettoken") return { body: { errcode: 0, errmsg: "ok", access_token: "wecom-token", expires_in: 7200 } };
      if (call.query.get("access_token") !== "wecom-token") return { body: { errcode: 40014, errmsg: "invalid access_token" } };
      if (call.method === "POST" && call.path === "/cgi-bin/media/upload") {
        // Documented: ?type=image, multipart field "media" with filename; answers type, media_id, created_at.
        if (call.query.get("type") !== "image" || !/name="media"; filename="[^"]+\.png"/.test(call.body) || !pngIn(call.raw)) return { body: { errcode: 40004, errmsg: "invalid media type" } };
        return { body: { errcode: 0, errmsg: "ok", type: "image", media_id: `MEDIA_${++media}`, created_at: "1790000000" } };
      }
      if (call.method === "POST" && call.path === "/cgi-bin/message/send") return { body: { errcode: 0, errmsg: "ok", msgid: `msg_${fake.calls.length}` } };
      if (call.method === "POST" && call.path === "/cgi-bin/appchat/send") return { body: { errcode: 0, errmsg: "ok" } };
      return undefined;
    });
    const clock = { now: () => new Date("2026-11-26T02:00:00Z") };
    channel = new WecomChannel({ api: new WecomApi({ baseUrl: fake.url, corpId: "ww_fake", secret: "s", clock }), agentId: 1000002, log: createLogger("silent"), nowMs: () => 0 });
  });
  afterAll(() => fake.close());

  const sends = (path: string) => fake.find("POST", path).map((c) => c.json as { msgtype: string; touser?: string; chatid?: string; image?: { media_id: string } });

  it("to a member: the card, then the chart as an image message with the uploaded media_id", async () => {
    await channel.post({ conversationId: wecomConversation.user("zhangsan") }, DIGEST);
    const [upload] = fake.find("POST", "/cgi-bin/media/upload");
    expect(pngSize(pngIn(upload!.raw)!)).toEqual({ width: 1440, height: 720 });
    const sent = sends("/cgi-bin/message/send");
    expect(sent.map((m) => m.msgtype)).toEqual([expect.not.stringMatching(/^image$/), "image"]);
    expect(sent[1]).toMatchObject({ touser: "zhangsan", agentid: 1000002, msgtype: "image", image: { media_id: "MEDIA_1" } });
  });

  it("to an app chat: the markdown card, then the image", async () => {
    await channel.post({ conversationId: wecomConversation.chat("wrkpi01") }, DIGEST);
    const sent = sends("/cgi-bin/appchat/send");
    expect(sent).toMatchObject([{ chatid: "wrkpi01", msgtype: "markdown" }, { chatid: "wrkpi01", msgtype: "image", image: { media_id: "MEDIA_2" } }]);
  });
});
