import { describe, it, expect } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import {
  FORMATS,
  PLATFORMS,
  THEMES,
  parseFormat,
  parsePlatform,
  parsePlatformList,
  parseTheme,
} from "../../../src/domain/topics/vocabulary.js";

describe("parseTheme", () => {
  it.each([
    ["product", "product"],
    ["  Product Knowledge ", "product"],
    ["knowledge", "product"],
    ["产品", "product"],
    ["产品知识", "product"],
    ["NEWS", "news"],
    ["行业资讯", "news"],
    ["user stories", "story"],
    ["用户故事", "story"],
    ["Tips", "tips"],
    ["life-tips", "tips"],
    ["生活技巧", "tips"],
  ] as const)("%s → %s", (input, expected) => {
    expect(parseTheme(input)).toBe(expected);
  });

  it("returns undefined for an unknown theme", () => {
    expect(parseTheme("gossip")).toBeUndefined();
    expect(parseTheme("")).toBeUndefined();
  });

  it("accepts every code as itself", () => {
    for (const t of THEMES) expect(parseTheme(t)).toBe(t);
  });
});

describe("parsePlatform", () => {
  it.each([
    ["wechat_oa", "wechat_oa"],
    ["WeChat", "wechat_oa"],
    ["oa", "wechat_oa"],
    ["MP", "wechat_oa"],
    ["gzh", "wechat_oa"],
    ["公众号", "wechat_oa"],
    ["视频号", "channels"],
    ["WeChat Channels", "channels"],
    ["抖音", "douyin"],
    ["Douyin", "douyin"],
    ["微博", "weibo"],
    ["xhs", "xiaohongshu"],
    ["RED", "xiaohongshu"],
    ["小红书", "xiaohongshu"],
    ["Little Red Book", "xiaohongshu"],
    ["B站", "bilibili"],
    ["b 站", "bilibili"],
    ["Ｂ站", "bilibili"], // full-width B
    ["bili", "bilibili"],
    ["哔哩哔哩", "bilibili"],
    ["快手", "kuaishou"],
    ["ｋｕａｉｓｈｏｕ", "kuaishou"], // full-width letters
  ] as const)("%s → %s", (input, expected) => {
    expect(parsePlatform(input)).toBe(expected);
  });

  it("returns undefined for an unknown platform", () => {
    expect(parsePlatform("myspace")).toBeUndefined();
  });

  it("accepts every code as itself", () => {
    for (const p of PLATFORMS) expect(parsePlatform(p)).toBe(p);
  });
});

describe("parseFormat", () => {
  it.each([
    ["article", "article"],
    ["图文", "article"],
    ["short_video", "short_video"],
    ["Short Video", "short_video"],
    ["video", "short_video"],
    ["视频", "short_video"],
    ["短视频", "short_video"],
    ["live", "live"],
    ["直播", "live"],
    ["H5", "h5"],
    ["ｈ５", "h5"],
  ] as const)("%s → %s", (input, expected) => {
    expect(parseFormat(input)).toBe(expected);
  });

  it("returns undefined for an unknown format and accepts every code", () => {
    expect(parseFormat("podcast")).toBeUndefined();
    for (const f of FORMATS) expect(parseFormat(f)).toBe(f);
  });
});

describe("parsePlatformList", () => {
  it("reads comma, Chinese comma, 、 and space separated lists", () => {
    expect(parsePlatformList("douyin,weibo")).toEqual(["douyin", "weibo"]);
    expect(parsePlatformList("抖音，微博")).toEqual(["douyin", "weibo"]);
    expect(parsePlatformList("抖音、小红书、B站")).toEqual(["douyin", "xiaohongshu", "bilibili"]);
    expect(parsePlatformList("douyin weibo")).toEqual(["douyin", "weibo"]);
    expect(parsePlatformList("抖音+微博")).toEqual(["douyin", "weibo"]);
  });

  it("keeps multi-word names together and skips 'and'", () => {
    expect(parsePlatformList("little red book douyin")).toEqual(["xiaohongshu", "douyin"]);
    expect(parsePlatformList("wechat channels and weibo")).toEqual(["channels", "weibo"]);
    expect(parsePlatformList("b 站 抖音")).toEqual(["bilibili", "douyin"]);
  });

  it("removes duplicates, keeping the first mention's order", () => {
    expect(parsePlatformList("xhs, 小红书, douyin, red")).toEqual(["xiaohongshu", "douyin"]);
  });

  it("returns an empty list for empty input", () => {
    expect(parsePlatformList(" , ")).toEqual([]);
  });

  it("throws topic.unknown_platform naming the entry and the known codes", () => {
    expect.assertions(3);
    try {
      parsePlatformList("douyin, myspace");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("topic.unknown_platform");
      expect((e as AppError).params).toEqual({
        value: "myspace",
        known: "wechat_oa, channels, douyin, weibo, xiaohongshu, bilibili, kuaishou",
      });
    }
  });

  it("names the unknown word inside a space-separated chunk", () => {
    expect(() => parsePlatformList("douyin tiktok weibo")).toThrow(
      expect.objectContaining({ code: "topic.unknown_platform", params: expect.objectContaining({ value: "tiktok" }) }),
    );
  });
});
