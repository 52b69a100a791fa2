// Working-time edges a deadline meets in practice: the exact end of a range, a make-up Sunday right after New
// Year, fractions of a minute, the scan limit of a calendar with almost no working time, and the messages a
// person reads when an argument is wrong.
import { describe, expect, it } from "vitest";

import {
  addWorkingMinutes,
  buildBusinessCalendar,
  coverageGap,
  isWorkingTime,
  MAX_IDLE_DAYS,
  nextWorkingMoment,
  workingMinutesBetween,
} from "../../../src/domain/calendar/index.js";
import { addDays } from "../../../src/domain/calendar/local-day.js";
import { at, cn } from "./calendars.js";

// Asia/Shanghai = UTC+8: 09:00 CST is 01:00Z, 12:00 is 04:00Z, 13:30 is 05:30Z, 18:30 is 10:30Z.

describe("the exact end of a working range", () => {
  it("is not working time; the millisecond before it is", () => {
    expect(isWorkingTime(cn, at("2026-11-30T10:30:00Z"))).toBe(false); // Mon 18:30
    expect(isWorkingTime(cn, at("2026-11-30T10:29:59.999Z"))).toBe(true);
  });

  it("moves the next working moment to the next range, not the end itself", () => {
    // Mon 12:00 → 13:30; Mon 18:30 → Tue 09:00; Fri 18:30 → Mon 09:00.
    expect(nextWorkingMoment(cn, at("2026-11-30T04:00:00Z"))).toEqual(at("2026-11-30T05:30:00Z"));
    expect(nextWorkingMoment(cn, at("2026-11-30T10:30:00Z"))).toEqual(at("2026-12-01T01:00:00Z"));
    expect(nextWorkingMoment(cn, at("2026-11-27T10:30:00Z"))).toEqual(at("2026-11-30T01:00:00Z"));
  });

  it("starts counting a deadline set at the close from the next morning", () => {
    expect(addWorkingMinutes(cn, at("2026-11-30T10:30:00Z"), 0)).toEqual(at("2026-12-01T01:00:00Z"));
    expect(addWorkingMinutes(cn, at("2026-11-30T10:30:00Z"), 30)).toEqual(at("2026-12-01T01:30:00Z"));
    // Set at 12:00 sharp, 30 minutes run from 13:30.
    expect(addWorkingMinutes(cn, at("2026-11-30T04:00:00Z"), 30)).toEqual(at("2026-11-30T06:00:00Z"));
  });

  it("counts nothing between the close and the next opening", () => {
    expect(workingMinutesBetween(cn, at("2026-11-30T10:30:00Z"), at("2026-12-01T01:00:00Z"))).toBe(0);
    expect(workingMinutesBetween(cn, at("2026-11-30T10:29:00Z"), at("2026-12-01T01:01:00Z"))).toBe(2);
  });
});

describe("New Year 2026 (Jan 1-3 off, make-up Sunday Jan 4)", () => {
  it("Wednesday 2025-12-31 18:00 plus 1 working hour lands on the make-up Sunday 01-04 at 09:30", () => {
    // Wed 18:00-18:30 = 30 min; Thu 01-01 to Sat 01-03 off; Sun 01-04 09:00 + 30.
    const start = at("2025-12-31T10:00:00Z");
    expect(addWorkingMinutes(cn, start, 60)).toEqual(at("2026-01-04T01:30:00Z"));
    expect(workingMinutesBetween(cn, start, at("2026-01-04T01:30:00Z"))).toBe(60);
    // Both years are published: nothing to warn about.
    expect(coverageGap(cn, start, at("2026-01-04T01:30:00Z"))).toEqual([]);
  });

  it("the next working moment after New Year's Eve's close is the make-up Sunday", () => {
    expect(nextWorkingMoment(cn, at("2025-12-31T10:30:00Z"))).toEqual(at("2026-01-04T01:00:00Z"));
  });
});

describe("fractions of a minute", () => {
  it("keeps them to the nearest millisecond", () => {
    // Mon 09:00 + 1/9 minute (6,666.67 ms) is 09:00:06.667, the nearest millisecond, not 06.666 cut below.
    expect(addWorkingMinutes(cn, at("2026-11-30T01:00:00Z"), 1 / 9)).toEqual(at("2026-11-30T01:00:06.667Z"));
    expect(addWorkingMinutes(cn, at("2026-11-30T01:00:00Z"), 2.5)).toEqual(at("2026-11-30T01:02:30.000Z"));
    expect(workingMinutesBetween(cn, at("2026-11-30T01:00:00Z"), at("2026-11-30T01:02:30Z"))).toBe(2.5);
  });
});

describe("the scan limit of a calendar with almost no working time", () => {
  // Starts on Thursday 2026-01-01 (08:00 in Shanghai); the only working day is the override.
  const start = at("2026-01-01T00:00:00Z");
  const onlyDay = (date: string) =>
    buildBusinessCalendar({
      zone: "Asia/Shanghai",
      holidaySource: "none",
      hours: {},
      overrides: [{ date, hours: [{ start: "09:00", end: "17:00" }] }],
    });

  it("finds a working day after MAX_IDLE_DAYS - 1 idle days, and gives up after MAX_IDLE_DAYS", () => {
    const lastReachable = addDays("2026-01-01", MAX_IDLE_DAYS - 1);
    expect(addWorkingMinutes(onlyDay(lastReachable), start, 60)).toEqual(new Date(`${lastReachable}T02:00:00Z`));
    const tooFar = addDays("2026-01-01", MAX_IDLE_DAYS);
    expect(() => nextWorkingMoment(onlyDay(tooFar), start)).toThrow(/no working time/);
  });

  it("names the zone, the number of days and the last day looked at", () => {
    const none = buildBusinessCalendar({ zone: "Europe/London", holidaySource: "none", hours: {} });
    const lastLooked = addDays("2026-01-01", MAX_IDLE_DAYS - 1);
    expect(() => nextWorkingMoment(none, start)).toThrow(
      `Business calendar (Europe/London) has no working time in the ${MAX_IDLE_DAYS} days up to ${lastLooked}; ` +
        "check its hours, holidays and overrides",
    );
  });

  it("counts idle days in a row only: sparse but regular work is found for years", () => {
    // One hour a week, on Mondays; 170 hours take over three years (more than MAX_IDLE_DAYS days in all).
    const mondays = buildBusinessCalendar({
      zone: "UTC",
      holidaySource: "none",
      hours: { mon: [{ start: "09:00", end: "10:00" }] },
    });
    // Thu 2026-01-01 → the 170th Monday from Mon 2026-01-05 is 169 weeks (1,183 days) later: 2029-04-02, 10:00.
    const end = addWorkingMinutes(mondays, start, 170 * 60);
    expect(end).toEqual(at("2029-04-02T10:00:00Z"));
    expect(end.getTime() - start.getTime()).toBeGreaterThan(MAX_IDLE_DAYS * 86_400_000);
  });
});

describe("arguments a caller gets wrong", () => {
  const bad = new Date("not a date");
  const ok = at("2026-11-30T01:00:00Z");

  it("names the invalid Date", () => {
    expect(() => isWorkingTime(cn, bad)).toThrow(new RangeError("at is an invalid Date"));
    expect(() => nextWorkingMoment(cn, bad)).toThrow(new RangeError("at is an invalid Date"));
    expect(() => addWorkingMinutes(cn, bad, 10)).toThrow(new RangeError("start is an invalid Date"));
    expect(() => workingMinutesBetween(cn, bad, ok)).toThrow(new RangeError("from is an invalid Date"));
    expect(() => workingMinutesBetween(cn, ok, bad)).toThrow(new RangeError("to is an invalid Date"));
    expect(() => coverageGap(cn, bad, ok)).toThrow(new RangeError("from is an invalid Date"));
    expect(() => coverageGap(cn, ok, bad)).toThrow(new RangeError("to is an invalid Date"));
  });

  it("says which minutes were refused", () => {
    expect(() => addWorkingMinutes(cn, ok, -1)).toThrow(new RangeError("minutes must be a finite number >= 0, got -1"));
    expect(() => addWorkingMinutes(cn, ok, Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
  });
});

describe("coverageGap of an instant", () => {
  it("an empty span at local midnight of New Year 2027 lies in 2027", () => {
    // 2026-12-31T16:00Z is 2027-01-01 00:00 in Shanghai.
    expect(coverageGap(cn, at("2026-12-31T16:00:00Z"), at("2026-12-31T16:00:00Z"))).toEqual([2027]);
    // One millisecond earlier is still 2026, which is covered.
    expect(coverageGap(cn, at("2026-12-31T15:59:59.999Z"), at("2026-12-31T15:59:59.999Z"))).toEqual([]);
  });
});
