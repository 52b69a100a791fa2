// The digest's chart pictures on the chat platforms, through each platform's real client against its fake API:
// Slack uploads the PNG into the card's thread (files.getUploadURLExternal, the upload, files.completeUploadExternal
// with thread_ts, via the @slack/bolt WebClient's files.uploadV2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxClient } from "../../src/adapters/slack/bolt-app.js";
import { SlackChannel } from "../../src/adapters/slack/channel.js";
import { createLogger } from "../../src/lib/logger.js";
import type { Card } from "../../src/messaging/card.js";
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
