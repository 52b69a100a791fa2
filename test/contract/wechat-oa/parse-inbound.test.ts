// WeChat OA push fields (the docs' message shapes) → SLA intake items, checked by the real intake schema.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWechatOaInbound } from "../../../src/adapters/wechat-oa/parse-inbound.js";
import { parseFlatXml } from "../../../src/adapters/wecom/xml.js";
import { checkIngestItem, SLA_TEXT_MAX } from "../../../src/domain/sla/index.js";

const samples = JSON.parse(readFileSync(new URL("../../fixtures/wechat-oa/messages.json", import.meta.url), "utf8")) as Record<string, string>;
const parse = (name: string, opts = {}) => parseWechatOaInbound(parseFlatXml(samples[name]!), opts);
const NOW = new Date("2026-11-26T02:00:00Z");

describe("parseWechatOaInbound", () => {
  it("turns a text message into a dm item the intake accepts", () => {
    const p = parse("text");
    expect(p).toEqual({
      ok: true,
      dedupeKey: "1234567890123456",
      item: { platform: "wechat_oa", account: "gh_demo_oa", kind: "dm", externalId: "1234567890123456", author: "oFromUser123", text: "this is a test", createdAt: "2012-09-28T11:31:00.000Z" },
    });
    expect(p.ok === true && checkIngestItem(p.item, NOW)).toMatchObject({ ok: true, item: { createdAt: new Date(1348831860_000) } });
  });

  it("describes image, voice, video, shortvideo, location and link messages", () => {
    const text = (name: string) => {
      const p = parse(name);
      if (p.ok !== true) throw new Error(`${name}: ${JSON.stringify(p)}`);
      expect(checkIngestItem(p.item, NOW).ok).toBe(true);
      return [p.item.text, p.item.link];
    };
    expect(text("image")).toEqual(["[图片]", "http://mmbiz.qpic.cn/this-is-a-url"]);
    expect(text("voice")).toEqual(["[语音] 腾讯微信团队", undefined]);
    expect(text("video")).toEqual(["[视频]", undefined]);
    expect(text("shortvideo")).toEqual(["[小视频]", undefined]);
    expect(text("location")).toEqual(["[位置] 位置信息 (23.134521, 113.358803)", undefined]);
    expect(text("link")).toEqual(["[链接] 公众平台官网链接 — 公众平台官网链接", "https://mp.weixin.qq.com/"]);
  });

  it("files under the configured account instead of ToUserName when one is set", () => {
    expect(parse("text", { account: "brand-oa" })).toMatchObject({ ok: true, item: { account: "brand-oa" } });
  });

  it("ignores events, keyed by FromUserName+CreateTime", () => {
    expect(parse("subscribe")).toEqual({ ok: "ignore", dedupeKey: "oFromUser123:123456789", reason: "event subscribe" });
  });

  it("refuses messages without the envelope fields or a MsgId, and shortens text over the limit", () => {
    expect(parseWechatOaInbound({ ToUserName: "gh_demo_oa", MsgType: "text" })).toEqual({ ok: false, error: "the message lacks FromUserName, CreateTime" });
    const f = parseFlatXml(samples.text!);
    expect(parseWechatOaInbound({ ...f, MsgId: "" })).toEqual({ ok: false, error: "MsgId is missing or not a number" });
    expect(parseWechatOaInbound({ ...f, CreateTime: "yesterday" })).toMatchObject({ ok: false });
    const long = parseWechatOaInbound({ ...f, Content: "长".repeat(SLA_TEXT_MAX + 10) });
    expect(long.ok === true && [...long.item.text].length).toBe(SLA_TEXT_MAX);
    expect(long.ok === true && checkIngestItem(long.item, NOW).ok).toBe(true);
  });
});
