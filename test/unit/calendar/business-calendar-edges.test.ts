// The calendar form an admin edits: what each mistake is called and where it points, and which years get
// their statutory days off computed when the published arrangement runs out.
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";

import {
  buildBusinessCalendar,
  coverageGap,
  isWorkingDay,
  parseBusinessCalendar,
  ZBusinessCalendar,
} from "../../../src/domain/calendar/index.js";
import { at, cn } from "./calendars.js";

/** Each problem of a refused form as "path: message". */
function problems(json: unknown): string[] {
  const result = ZBusinessCalendar.safeParse(json);
  if (result.success) return [];
  return (result.error as ZodError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the admin's form: what each mistake says", () => {
  it("an unknown zone", () => {
    expect(problems({ zone: "Asia/Beijing" })).toEqual(["zone: expected an IANA time zone such as Asia/Shanghai"]);
    expect(problems({ zone: " " })).toEqual(["zone: expected an IANA time zone such as Asia/Shanghai"]);
  });

  it("a time that is not HH:mm, each reported once, with no 'start before end' on top", () => {
    expect(problems({ zone: "UTC", hours: { mon: [{ start: "9:00", end: "25:00" }] } })).toEqual([
      "hours.mon.0.start: expected HH:mm",
      "hours.mon.0.end: expected HH:mm (24:00 allowed)",
    ]);
    expect(problems({ zone: "UTC", hours: { mon: [{ start: "09:00", end: "9:30" }] } })).toEqual([
      "hours.mon.0.end: expected HH:mm (24:00 allowed)",
    ]);
    // A bad range next to a good one is named alone; overlaps are not looked for until every time parses.
    expect(
      problems({ zone: "UTC", hours: { mon: [{ start: "09:00", end: "13:00" }, { start: "x", end: "12:30" }] } }),
    ).toEqual(["hours.mon.1.start: expected HH:mm"]);
  });

  it("a range that ends before it starts, or where it starts", () => {
    expect(problems({ zone: "UTC", hours: { tue: [{ start: "18:00", end: "09:00" }] } })).toEqual([
      "hours.tue.0: start must be before end",
    ]);
    expect(problems({ zone: "UTC", hours: { tue: [{ start: "09:00", end: "09:00" }] } })).toEqual([
      "hours.tue.0: start must be before end",
    ]);
  });

  it("overlapping ranges, named in time order whatever order they were written in", () => {
    const overlapping = [
      { start: "12:00", end: "18:00" },
      { start: "09:00", end: "13:00" },
    ];
    expect(problems({ zone: "UTC", hours: { wed: overlapping } })).toEqual(["hours.wed: 09:00-13:00 overlaps 12:00-18:00"]);
    // Every overlap of the day is named.
    const three = [
      { start: "08:00", end: "10:00" },
      { start: "09:00", end: "11:00" },
      { start: "10:30", end: "12:00" },
    ];
    expect(problems({ zone: "UTC", hours: { wed: three } })).toEqual([
      "hours.wed: 08:00-10:00 overlaps 09:00-11:00",
      "hours.wed: 09:00-11:00 overlaps 10:30-12:00",
    ]);
  });

  it("lets ranges touch, and sorts them and an override's ranges", () => {
    const touching = [
      { start: "12:00", end: "18:00" },
      { start: "09:00", end: "12:00" },
    ];
    expect(problems({ zone: "UTC", hours: { wed: touching } })).toEqual([]);
    const cal = parseBusinessCalendar({
      zone: "UTC",
      holidaySource: "none",
      hours: { wed: touching },
      overrides: [{ date: "2026-12-24", hours: touching, note: "Christmas Eve" }],
    });
    const sorted = [
      { start: "09:00", end: "12:00" },
      { start: "12:00", end: "18:00" },
    ];
    expect(cal.hours[3]).toEqual(sorted);
    expect(cal.overrides.get("2026-12-24")).toEqual(sorted);
  });

  it("names the weekday make-up days would borrow from when it has no hours", () => {
    expect(() => buildBusinessCalendar({ zone: "Asia/Shanghai", makeUpDayHoursFrom: "sat" })).toThrow(
      'makeUpDayHoursFrom is "sat", which has no working hours, so make-up workdays would not be worked',
    );
    // Without any make-up workdays there is nothing to borrow, so any weekday will do.
    const abroad = buildBusinessCalendar({ zone: "Europe/London", holidaySource: "none", makeUpDayHoursFrom: "sun" });
    expect(abroad.makeUpDayHoursFrom).toBe(0);
  });
});

describe("years after the published arrangement", () => {
  it("computes statutory days off for the three years after the last published one, not the fourth", () => {
    // Shipped: 2025 and 2026, so 2027-2029 get their statutory days off.
    expect([...cn.statutoryYears].sort()).toEqual([2027, 2028, 2029]);
    expect(isWorkingDay(cn, "2029-10-01")).toBe(false); // National Day by law
    expect(isWorkingDay(cn, "2030-10-01")).toBe(true); // nothing known: a plain Tuesday
    expect(coverageGap(cn, at("2030-09-30T16:00:00Z"), at("2030-10-01T16:00:00Z"))).toEqual([2030]);
  });

  it("computes none before the first published year", () => {
    expect(cn.statutoryYears.has(2024)).toBe(false);
    expect(isWorkingDay(cn, "2024-10-08")).toBe(true);
    expect(isWorkingDay(cn, "2024-10-01")).toBe(true); // not known, so not off
  });

  it("fills a year skipped between published ones, and counts from the last published year", () => {
    const cal = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      years: { "2028": { holidays: [{ date: "2028-01-03", name: "元旦 New Year's Day" }], workdays: [] } },
    });
    expect([...cal.coveredYears].sort()).toEqual([2025, 2026, 2028]);
    expect([...cal.statutoryYears].sort()).toEqual([2027, 2029, 2030, 2031]);
    // 2028 is the admin's year, so the law's 2028-01-01 does not override it.
    expect(isWorkingDay(cal, "2028-01-03")).toBe(false);
    expect(cal.holidays.has("2028-01-01")).toBe(false);
    expect(isWorkingDay(cal, "2027-10-01")).toBe(false);
  });

  it("computes no statutory days for a team that follows no official arrangement, even with its own years", () => {
    const cal = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      holidaySource: "none",
      years: { "2028": { holidays: [{ date: "2028-01-03", name: "x" }], workdays: ["2028-01-08"] } },
    });
    expect([...cal.coveredYears]).toEqual([2028]);
    expect(cal.statutoryYears.size).toBe(0);
    expect(isWorkingDay(cal, "2029-10-01")).toBe(true);
    expect(isWorkingDay(cal, "2028-01-08")).toBe(true); // a Saturday worked
  });
});
