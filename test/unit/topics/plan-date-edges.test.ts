// Planned dates as people mistype them: text before or after a date or a time, an ISO time with a zone letter,
// a Chinese date without 日 or with a two-digit day, 23:59, and doubled spaces (plan-date.test.ts has the
// ordinary cases). Thursday 2026-11-26, 18:00 in Shanghai.
import { describe, expect, it } from "vitest";
import { parsePlannedWhen } from "../../../src/domain/topics/plan-date.js";
import { refusal } from "../../support/refusal.js";

const SH = { now: new Date("2026-11-26T10:00:00Z"), zone: "Asia/Shanghai" };

describe("parsePlannedWhen: text around a date or a time", () => {
  it.each(["2026-12-03 20:30x", "2026-12-03T20:30Z", "明天20:30x", "2026-12-03x", "x2026-12-03", "2026年12月3日x", "x2026年12月3日", "12/3x", "x12/3", "12月3日x", "x12月3日"])(
    "%j is unparseable, not read as the date inside it",
    (input) => {
      expect(refusal(() => parsePlannedWhen(input, SH)).code).toBe("date.unparseable");
    },
  );
});

describe("parsePlannedWhen: Chinese dates and the last minute of a day", () => {
  it("reads a Chinese date without 日 and with a two-digit day", () => {
    expect(parsePlannedWhen("2026年12月3", SH)).toEqual({ day: "2026-12-03" });
    expect(parsePlannedWhen("2026年12月13日", SH)).toEqual({ day: "2026-12-13" });
    expect(parsePlannedWhen("12月3", SH)).toEqual({ day: "2026-12-03" });
    expect(parsePlannedWhen("12月13号", SH)).toEqual({ day: "2026-12-13" });
  });
  it("takes 23:59 and doubled spaces", () => {
    expect(parsePlannedWhen("2026-12-03 23:59", SH)).toEqual({ day: "2026-12-03", time: "23:59" });
    expect(parsePlannedWhen("day  after   tomorrow", SH)).toEqual({ day: "2026-11-28" });
  });
});
