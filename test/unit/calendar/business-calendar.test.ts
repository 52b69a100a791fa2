import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import {
  addDays,
  buildBusinessCalendar,
  clockToMinutes,
  DEFAULT_HOURS,
  describeDay,
  hoursOn,
  isClock,
  isLocalDay,
  parseBusinessCalendar,
  weekdayOf,
  yearOf,
} from "../../../src/domain/calendar/index.js";
import { cn } from "./calendars.js";

describe("local days and clock times", () => {
  it("does calendar arithmetic without zones", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(weekdayOf("2026-02-14")).toBe(6);
    expect(weekdayOf("2026-03-29")).toBe(0);
    expect(yearOf("2027-01-01")).toBe(2027);
  });

  it("rejects days and times that do not exist", () => {
    expect(isLocalDay("2026-02-29")).toBe(false);
    expect(isLocalDay("2026-13-01")).toBe(false);
    expect(isLocalDay("2026-2-1")).toBe(false);
    expect(isLocalDay("2028-02-29")).toBe(true);
    expect(() => weekdayOf("2026-02-30")).toThrow(/calendar day/);
    expect(isClock("24:00")).toBe(true);
    expect(isClock("24:30")).toBe(false);
    expect(isClock("9:00")).toBe(false);
    expect(clockToMinutes("13:30")).toBe(810);
  });
});

describe("buildBusinessCalendar", () => {
  it("defaults to Mon-Fri 09:00-12:00 and 13:30-18:30 with China's arrangement", () => {
    expect(cn.zone).toBe("Asia/Shanghai");
    expect(cn.hours).toEqual(DEFAULT_HOURS);
    expect(cn.hours[1]).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:30", end: "18:30" },
    ]);
    expect(cn.hours[0]).toEqual([]);
    expect(cn.hours[6]).toEqual([]);
    expect(cn.makeUpDayHoursFrom).toBe(1);
    expect(cn.workdays.has("2026-02-14")).toBe(true);
  });

  it("treats weekdays left out of `hours` as not worked, and sorts ranges", () => {
    const cal = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      holidaySource: "none",
      hours: { tue: [{ start: "14:00", end: "18:00" }, { start: "09:00", end: "12:00" }] },
    });
    expect(cal.hours[1]).toEqual([]);
    expect(cal.hours[2]).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "14:00", end: "18:00" },
    ]);
    expect(cal.coveredYears.size).toBe(0);
  });

  it("adds an admin-entered 2027 on top of the shipped years", () => {
    const cal = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      years: { "2027": { holidays: [{ date: "2027-01-01", name: "元旦 New Year's Day" }], workdays: [] } },
    });
    expect([...cal.coveredYears].sort()).toEqual([2025, 2026, 2027]);
    expect(hoursOn(cal, "2027-01-01")).toEqual([]);
    // Without the admin's year, 2027's statutory days are still off (computed), but the year is not covered.
    expect(hoursOn(cn, "2027-01-01")).toEqual([]);
    expect(cn.coveredYears.has(2027)).toBe(false);
    expect(cn.statutoryYears.has(2027)).toBe(true);
    expect(cal.statutoryYears.has(2027)).toBe(false);
  });

  it.each([
    ["an unknown zone", { zone: "Asia/Beijing" }],
    ["an impossible time", { zone: "UTC", hours: { mon: [{ start: "09:00", end: "25:00" }] } }],
    ["a range that ends before it starts", { zone: "UTC", hours: { mon: [{ start: "18:00", end: "09:00" }] } }],
    [
      "overlapping ranges",
      { zone: "UTC", hours: { mon: [{ start: "09:00", end: "13:00" }, { start: "12:00", end: "18:00" }] } },
    ],
    ["an unknown weekday key", { zone: "UTC", hours: { monday: [] } }],
    ["an unknown holiday source", { zone: "UTC", holidaySource: "uk" }],
    ["an override on a day that does not exist", { zone: "UTC", overrides: [{ date: "2026-02-30", hours: [] }] }],
    [
      "an admin year with a date filed under another year",
      { zone: "UTC", years: { "2027": { holidays: [{ date: "2026-10-01", name: "x" }], workdays: [] } } },
    ],
  ])("rejects %s with a ZodError", (_label, json) => {
    expect(() => parseBusinessCalendar(json)).toThrow(ZodError);
  });

  it("refuses make-up workdays that borrow hours from a weekday with none", () => {
    expect(() => buildBusinessCalendar({ zone: "Asia/Shanghai", makeUpDayHoursFrom: "sun" })).toThrow(
      /makeUpDayHoursFrom/,
    );
  });
});

describe("describeDay", () => {
  it("names the rule behind a day's hours", () => {
    expect(describeDay(cn, "2026-02-17")).toEqual({
      date: "2026-02-17",
      kind: "holiday",
      name: "春节 Spring Festival",
      hours: [],
    });
    expect(describeDay(cn, "2026-02-14").kind).toBe("make-up-workday");
    expect(describeDay(cn, "2026-02-14").hours).toEqual(DEFAULT_HOURS[1]);
    expect(describeDay(cn, "2026-03-07")).toEqual({ date: "2026-03-07", kind: "regular", hours: [] });
  });
});
