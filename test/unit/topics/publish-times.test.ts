import { describe, it, expect } from "vitest";
import { BEST_PUBLISH_TIMES, bestPublishTime } from "../../../src/domain/topics/publish-times.js";
import { PLATFORMS } from "../../../src/domain/topics/vocabulary.js";

describe("bestPublishTime", () => {
  it.each([
    ["wechat_oa", "20:30"],
    ["channels", "12:30"],
    ["douyin", "19:00"],
    ["weibo", "12:00"],
    ["xiaohongshu", "20:00"],
    ["bilibili", "18:00"],
    ["kuaishou", "19:30"],
  ] as const)("%s → %s", (platform, time) => {
    expect(bestPublishTime(platform)).toBe(time);
  });

  it("has an HH:mm time and a reason for every platform", () => {
    for (const p of PLATFORMS) {
      expect(BEST_PUBLISH_TIMES[p].time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(BEST_PUBLISH_TIMES[p].why.length).toBeGreaterThan(10);
    }
  });
});
