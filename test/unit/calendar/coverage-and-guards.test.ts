import { describe, expect, it } from "vitest";

import {
  addWorkingMinutes,
  buildBusinessCalendar,
  coverageGap,
  nextWorkingMoment,
  workingMinutesBetween,
} from "../../../src/domain/calendar/index.js";
import type { TimeRange } from "../../../src/domain/calendar/business-calendar.js";
import type { LocalDay } from "../../../src/domain/calendar/local-day.js";
import { at, cn, roundTheClock } from "./calendars.js";

describe("coverageGap", () => {
  it("reports 2027 for a span reaching into 2027", () => {
    expect(coverageGap(cn, at("2026-12-01T01:00:00Z"), at("2027-01-05T01:00:00Z"))).toEqual([2027]);
  });

  it("reports nothing inside the covered years", () => {
    expect(coverageGap(cn, at("2025-01-01T01:00:00Z"), at("2026-12-31T10:00:00Z"))).toEqual([]);
  });

  it("reports every uncovered year of a long span, in order", () => {
    expect(coverageGap(cn, at("2024-06-01T00:00:00Z"), at("2028-06-01T00:00:00Z"))).toEqual([2024, 2027, 2028]);
    // Either order.
    expect(coverageGap(cn, at("2028-06-01T00:00:00Z"), at("2024-06-01T00:00:00Z"))).toEqual([2024, 2027, 2028]);
  });

  it("reads years in the calendar's zone", () => {
    // 2026-12-31T17:00Z is already 2027-01-01 01:00 in Shanghai.
    expect(coverageGap(cn, at("2026-12-31T09:00:00Z"), at("2026-12-31T17:00:00Z"))).toEqual([2027]);
    // A span ending exactly at local midnight 2027-01-01 (16:00Z) does not touch 2027.
    expect(coverageGap(cn, at("2026-12-31T09:00:00Z"), at("2026-12-31T16:00:00Z"))).toEqual([]);
  });

  it("flags a deadline computed across New Year into an uncovered year", () => {
    // Thu 2026-12-31 18:00 CST + 1h: 30 min on Thursday; Friday 2027-01-01 is New Year's Day by law even though
    // no 2027 arrangement is published, so the rest is on Monday 2027-01-04 from 09:00.
    const start = at("2026-12-31T10:00:00Z");
    const deadline = addWorkingMinutes(cn, start, 60);
    expect(deadline).toEqual(at("2027-01-04T01:30:00Z"));
    expect(coverageGap(cn, start, deadline)).toEqual([2027]);
  });
});

describe("guards", () => {
  const noHours = buildBusinessCalendar({ zone: "Asia/Shanghai", holidaySource: "none", hours: {} });

  it("throws a clear error instead of looping when a calendar has no working time", () => {
    expect(() => addWorkingMinutes(noHours, at("2026-01-01T00:00:00Z"), 60)).toThrow(/no working time/);
    expect(() => nextWorkingMoment(noHours, at("2026-01-01T00:00:00Z"))).toThrow(/no working time/);
    // A bounded question still has an answer.
    expect(workingMinutesBetween(noHours, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"))).toBe(0);
  });

  it("still finds working time far ahead, within the scan limit", () => {
    const oneDay = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      holidaySource: "none",
      hours: {},
      overrides: [{ date: "2027-06-01", hours: [{ start: "09:00", end: "17:00" }] }],
    });
    expect(addWorkingMinutes(oneDay, at("2026-01-01T00:00:00Z"), 60)).toEqual(at("2027-06-01T02:00:00Z"));
  });

  it("gives up beyond the scan limit", () => {
    const tooFar = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      holidaySource: "none",
      hours: {},
      overrides: [{ date: "2030-06-01", hours: [{ start: "09:00", end: "17:00" }] }],
    });
    expect(() => addWorkingMinutes(tooFar, at("2026-01-01T00:00:00Z"), 60)).toThrow(/no working time/);
  });

  it("rejects negative or non-finite minutes and invalid dates", () => {
    expect(() => addWorkingMinutes(cn, at("2026-01-05T01:00:00Z"), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cn, at("2026-01-05T01:00:00Z"), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cn, new Date("not a date"), 10)).toThrow(RangeError);
  });

  it("0 minutes from outside working time is the next working moment", () => {
    // Sat 2026-11-28 10:00 CST → Mon 09:00.
    expect(addWorkingMinutes(cn, at("2026-11-28T02:00:00Z"), 0)).toEqual(at("2026-11-30T01:00:00Z"));
    // Inside working time it is the start itself.
    expect(addWorkingMinutes(cn, at("2026-11-30T02:00:00Z"), 0)).toEqual(at("2026-11-30T02:00:00Z"));
  });

  it("steps per working range, not per minute: a year of round-the-clock minutes looks at each day about once", () => {
    // Counted, not timed: every day's hours start with a look at its overrides, so a per-minute walk would
    // make some 525,600 lookups where a per-range walk makes one or two per day.
    class CountingMap<K, V> extends Map<K, V> {
      lookups = 0;
      override get(k: K) {
        this.lookups++;
        return super.get(k);
      }
      override has(k: K) {
        this.lookups++;
        return super.has(k);
      }
    }
    const overrides = new CountingMap<LocalDay, readonly TimeRange[]>();
    const rota = { ...roundTheClock("Asia/Shanghai"), overrides };
    expect(addWorkingMinutes(rota, at("2026-01-01T00:00:00Z"), 365 * 24 * 60)).toEqual(at("2027-01-01T00:00:00Z"));
    expect(overrides.lookups).toBeGreaterThanOrEqual(365);
    expect(overrides.lookups).toBeLessThanOrEqual(2 * 367);
  });
});
