import { describe, it, expect } from "vitest";
import { parsePlannedWhen } from "../../../src/domain/topics/plan-date.js";
import { refusal } from "../../support/refusal.js";

// Thursday 2026-11-26, 18:00 in Shanghai (10:00 UTC).
const SH = { now: new Date("2026-11-26T10:00:00Z"), zone: "Asia/Shanghai" };
const EXAMPLES = "2026-12-03, 2026-12-03 20:30, tomorrow, 周五";


describe("parsePlannedWhen: absolute dates", () => {
  it.each([
    ["2026-12-03", { day: "2026-12-03" }],
    ["2026/12/3", { day: "2026-12-03" }],
    ["2026.12.3", { day: "2026-12-03" }],
    ["2026年12月3日", { day: "2026-12-03" }],
    ["12-03", { day: "2026-12-03" }],
    ["12/3", { day: "2026-12-03" }],
    ["12月3号", { day: "2026-12-03" }],
    ["2026-12-03 20:30", { day: "2026-12-03", time: "20:30" }],
    ["2026-12-03T20:30", { day: "2026-12-03", time: "20:30" }],
    ["12/3 8:05", { day: "2026-12-03", time: "08:05" }],
    ["  ２０２６－１２－０３　２０：３０ ", { day: "2026-12-03", time: "20:30" }], // full-width
  ])("%s", (input, expected) => {
    expect(parsePlannedWhen(input, SH)).toEqual(expected);
  });

  it("puts a year-less date that has passed into next year", () => {
    expect(parsePlannedWhen("11/25", SH)).toEqual({ day: "2027-11-25" });
    expect(parsePlannedWhen("1-5", SH)).toEqual({ day: "2027-01-05" });
  });

  it("keeps a year-less today in this year", () => {
    expect(parsePlannedWhen("11/26", SH)).toEqual({ day: "2026-11-26" });
    expect(parsePlannedWhen("11/26 20:00", SH)).toEqual({ day: "2026-11-26", time: "20:00" });
  });

  it("accepts a real leap day", () => {
    expect(parsePlannedWhen("2028-02-29", SH)).toEqual({ day: "2028-02-29" });
  });
});

describe("parsePlannedWhen: relative days and weekdays", () => {
  it.each([
    ["today", "2026-11-26"],
    ["今天", "2026-11-26"],
    ["Tomorrow", "2026-11-27"],
    ["明天", "2026-11-27"],
    ["后天", "2026-11-28"],
    ["day after tomorrow", "2026-11-28"],
    ["friday", "2026-11-27"],
    ["Fri", "2026-11-27"],
    ["周五", "2026-11-27"],
    ["星期五", "2026-11-27"],
    ["周日", "2026-11-29"],
    ["星期天", "2026-11-29"],
    ["monday", "2026-11-30"],
    ["周三", "2026-12-02"],
  ])("%s → %s", (input, day) => {
    expect(parsePlannedWhen(input, SH)).toEqual({ day });
  });

  it("never means today by a weekday name (Thursday on a Thursday is next week)", () => {
    expect(parsePlannedWhen("thursday", SH)).toEqual({ day: "2026-12-03" });
    expect(parsePlannedWhen("周四", SH)).toEqual({ day: "2026-12-03" });
  });

  it("takes a time after a word, with or without a space", () => {
    expect(parsePlannedWhen("明天 20:30", SH)).toEqual({ day: "2026-11-27", time: "20:30" });
    expect(parsePlannedWhen("明天20:30", SH)).toEqual({ day: "2026-11-27", time: "20:30" });
    expect(parsePlannedWhen("sat20:30", SH)).toEqual({ day: "2026-11-28", time: "20:30" });
    expect(parsePlannedWhen("周五 19:00", SH)).toEqual({ day: "2026-11-27", time: "19:00" });
  });
});

describe("parsePlannedWhen: refusals", () => {
  it.each(["2026-02-30", "2026-13-01", "2/30", "someday", "", "2026-12-03 25:00", "2026-12-03 20:61", "20:30"])(
    "%j is unparseable",
    (input) => {
      const e = refusal(() => parsePlannedWhen(input, SH));
      expect(e.code).toBe("date.unparseable");
      expect(e.params).toEqual({ value: input.trim(), examples: EXAMPLES });
    },
  );

  it("refuses a past day", () => {
    const e = refusal(() => parsePlannedWhen("2026-11-25", SH));
    expect(e.code).toBe("date.past");
    expect(e.params).toEqual({ value: "2026-11-25", today: "2026-11-26" });
  });

  it("refuses an earlier time today (it is 18:00 in Shanghai) but accepts the current minute", () => {
    expect(refusal(() => parsePlannedWhen("今天 17:59", SH)).code).toBe("date.past");
    expect(refusal(() => parsePlannedWhen("2026-11-26T09:00", SH)).params).toEqual({
      value: "2026-11-26T09:00",
      today: "2026-11-26",
    });
    expect(parsePlannedWhen("today 18:00", SH)).toEqual({ day: "2026-11-26", time: "18:00" });
  });

  it("refuses more than two years ahead, but not exactly two", () => {
    expect(parsePlannedWhen("2028-11-26", SH)).toEqual({ day: "2028-11-26" });
    const e = refusal(() => parsePlannedWhen("2028-11-27", SH));
    expect(e.code).toBe("date.too_far");
    expect(e.params).toEqual({ value: "2028-11-27" });
    expect(refusal(() => parsePlannedWhen("2062-12-03", SH)).code).toBe("date.too_far");
  });
});

describe("parsePlannedWhen: the zone decides what today is", () => {
  // 17:00 UTC on the 26th is already 01:00 on Friday the 27th in Shanghai.
  const lateShanghai = { now: new Date("2026-11-26T17:00:00Z"), zone: "Asia/Shanghai" };
  // 05:00 UTC on the 27th is still 21:00 on Thursday the 26th in Los Angeles (PST, UTC-8).
  const lateLosAngeles = { now: new Date("2026-11-27T05:00:00Z"), zone: "America/Los_Angeles" };

  it("Shanghai after midnight: today is the 27th even though UTC is still on the 26th", () => {
    expect(parsePlannedWhen("today", lateShanghai)).toEqual({ day: "2026-11-27" });
    expect(parsePlannedWhen("tomorrow", lateShanghai)).toEqual({ day: "2026-11-28" });
    expect(parsePlannedWhen("周五", lateShanghai)).toEqual({ day: "2026-12-04" });
    expect(refusal(() => parsePlannedWhen("2026-11-26", lateShanghai)).params).toEqual({
      value: "2026-11-26",
      today: "2026-11-27",
    });
    expect(parsePlannedWhen("today", { ...lateShanghai, zone: "UTC" })).toEqual({ day: "2026-11-26" });
  });

  it("Los Angeles in the evening: today is still the 26th even though UTC is on the 27th", () => {
    expect(parsePlannedWhen("today", lateLosAngeles)).toEqual({ day: "2026-11-26" });
    expect(parsePlannedWhen("tomorrow", lateLosAngeles)).toEqual({ day: "2026-11-27" });
    expect(parsePlannedWhen("friday", lateLosAngeles)).toEqual({ day: "2026-11-27" });
    expect(parsePlannedWhen("2026-11-26 21:30", lateLosAngeles)).toEqual({ day: "2026-11-26", time: "21:30" });
    expect(refusal(() => parsePlannedWhen("2026-11-26 20:00", lateLosAngeles)).code).toBe("date.past");
  });
});
