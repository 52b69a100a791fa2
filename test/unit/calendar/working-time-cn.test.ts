import { describe, expect, it } from "vitest";

import {
  addWorkingMinutes,
  buildBusinessCalendar,
  isWorkingDay,
  isWorkingTime,
  nextWorkingMoment,
  workingMinutesBetween,
} from "../../../src/domain/calendar/index.js";
import { at, cn } from "./calendars.js";

// Asia/Shanghai = UTC+8: 09:00 CST is 01:00Z, 12:00 is 04:00Z, 13:30 is 05:30Z, 18:30 is 10:30Z.

describe("default hours in Asia/Shanghai (weekends and lunch break)", () => {
  it("8 working hours from Friday 2026-11-27 16:00 lands on Monday 2026-11-30 16:00", () => {
    // Fri 16:00-18:30 = 150 min; Mon 09:00-12:00 = 180 (330); Mon 13:30 + 150 = 16:00.
    expect(addWorkingMinutes(cn, at("2026-11-27T08:00:00Z"), 8 * 60)).toEqual(at("2026-11-30T08:00:00Z"));
  });

  it("16 working hours from Friday 2026-11-27 16:00 lands on Tuesday 2026-12-01 16:00", () => {
    expect(addWorkingMinutes(cn, at("2026-11-27T08:00:00Z"), 16 * 60)).toEqual(at("2026-12-01T08:00:00Z"));
  });

  it("a deadline that uses up a day ends at that day's close, one more minute rolls to the next morning", () => {
    // 150 (Fri) + 480 (Mon) = 630 minutes: Monday 18:30, not Tuesday 09:00.
    expect(addWorkingMinutes(cn, at("2026-11-27T08:00:00Z"), 630)).toEqual(at("2026-11-30T10:30:00Z"));
    expect(addWorkingMinutes(cn, at("2026-11-27T08:00:00Z"), 631)).toEqual(at("2026-12-01T01:01:00Z"));
  });

  it("skips the lunch break", () => {
    // Mon 2026-11-30 11:00 + 2h: 11:00-12:00, then 13:30-14:30.
    expect(addWorkingMinutes(cn, at("2026-11-30T03:00:00Z"), 120)).toEqual(at("2026-11-30T06:30:00Z"));
    // Starting during lunch (12:30) counts from 13:30.
    expect(addWorkingMinutes(cn, at("2026-11-30T04:30:00Z"), 30)).toEqual(at("2026-11-30T06:00:00Z"));
    // Three hours from 09:00 is 12:00 (the end of the morning), not 13:30.
    expect(addWorkingMinutes(cn, at("2026-11-30T01:00:00Z"), 180)).toEqual(at("2026-11-30T04:00:00Z"));
  });

  it("uses the local day, not the UTC day", () => {
    // 2026-11-29T20:00Z is Monday 04:00 in Shanghai (Sunday in UTC): next working moment is Monday 09:00.
    expect(nextWorkingMoment(cn, at("2026-11-29T20:00:00Z"))).toEqual(at("2026-11-30T01:00:00Z"));
    // Friday 2026-11-27 23:00Z is Saturday 07:00 in Shanghai: nothing until Monday.
    expect(nextWorkingMoment(cn, at("2026-11-27T23:00:00Z"))).toEqual(at("2026-11-30T01:00:00Z"));
  });

  it("counts working minutes between two instants", () => {
    expect(workingMinutesBetween(cn, at("2026-11-27T08:00:00Z"), at("2026-11-30T08:00:00Z"))).toBe(480);
    expect(workingMinutesBetween(cn, at("2026-11-30T03:00:00Z"), at("2026-11-30T06:30:00Z"))).toBe(120);
    expect(workingMinutesBetween(cn, at("2026-11-30T06:30:00Z"), at("2026-11-30T03:00:00Z"))).toBe(0);
    expect(workingMinutesBetween(cn, at("2026-11-30T03:00:00Z"), at("2026-11-30T03:00:00Z"))).toBe(0);
  });

  it("knows whether an instant is working time", () => {
    expect(isWorkingTime(cn, at("2026-11-30T01:00:00Z"))).toBe(true); // Mon 09:00
    expect(isWorkingTime(cn, at("2026-11-30T04:00:00Z"))).toBe(false); // Mon 12:00, lunch starts
    expect(isWorkingTime(cn, at("2026-11-30T05:30:00Z"))).toBe(true); // Mon 13:30
    expect(isWorkingTime(cn, at("2026-11-28T03:00:00Z"))).toBe(false); // Sat 11:00
  });
});

describe("Spring Festival 2026 (Feb 15-23 off, make-up Sat Feb 14 and Sat Feb 28)", () => {
  it("Friday 02-13 17:00 plus 2 working hours lands on the make-up Saturday 02-14 at 09:30", () => {
    // Fri 17:00-18:30 = 90 min, Sat 09:00 + 30.
    expect(addWorkingMinutes(cn, at("2026-02-13T09:00:00Z"), 120)).toEqual(at("2026-02-14T01:30:00Z"));
  });

  it("Saturday 02-14 17:30 plus 4 working hours lands on Tuesday 02-24 12:00 (Monday 02-23 is off)", () => {
    // Sat 17:30-18:30 = 60, then nothing until Tue 02-24 09:00 + 180 = 12:00.
    expect(addWorkingMinutes(cn, at("2026-02-14T09:30:00Z"), 240)).toEqual(at("2026-02-24T04:00:00Z"));
    expect(workingMinutesBetween(cn, at("2026-02-14T09:30:00Z"), at("2026-02-24T04:00:00Z"))).toBe(240);
  });

  it("during the break the next working moment is Tuesday 02-24 09:00", () => {
    expect(nextWorkingMoment(cn, at("2026-02-15T02:00:00Z"))).toEqual(at("2026-02-24T01:00:00Z"));
    expect(nextWorkingMoment(cn, at("2026-02-23T02:00:00Z"))).toEqual(at("2026-02-24T01:00:00Z"));
  });

  it("the make-up Saturday 02-28 is worked, the normal Saturday 03-07 is not", () => {
    // Fri 02-27 18:00 + 60: 30 min on Friday, then Saturday 09:00 + 30.
    expect(addWorkingMinutes(cn, at("2026-02-27T10:00:00Z"), 60)).toEqual(at("2026-02-28T01:30:00Z"));
    // Fri 03-06 18:00 + 60: 30 min on Friday, then Monday 03-09 09:30.
    expect(addWorkingMinutes(cn, at("2026-03-06T10:00:00Z"), 60)).toEqual(at("2026-03-09T01:30:00Z"));
  });
});

describe("make-up workdays and holidays of 2026", () => {
  it.each([
    ["2026-01-04", true], // Sun, make-up for New Year
    ["2026-02-14", true], // Sat, make-up
    ["2026-02-28", true], // Sat, make-up
    ["2026-05-09", true], // Sat, make-up for Labour Day
    ["2026-09-20", true], // Sun, make-up for National Day
    ["2026-10-10", true], // Sat, make-up for National Day
    ["2026-03-07", false], // an ordinary Saturday
    ["2026-05-10", false], // an ordinary Sunday
    ["2026-01-02", false], // Fri, New Year
    ["2026-02-23", false], // Mon, Spring Festival
    ["2026-04-06", false], // Mon, Qingming
    ["2026-05-05", false], // Tue, Labour Day
    ["2026-06-19", false], // Fri, Dragon Boat
    ["2026-09-25", false], // Fri, Mid-Autumn
    ["2026-10-07", false], // Wed, National Day
    ["2026-10-09", true], // an ordinary Friday
  ])("%s working: %s", (day, expected) => {
    expect(isWorkingDay(cn, day)).toBe(expected);
  });

  it("Labour Day: Thursday 04-30 18:00 plus 1 hour lands on Wednesday 05-06 09:30", () => {
    expect(addWorkingMinutes(cn, at("2026-04-30T10:00:00Z"), 60)).toEqual(at("2026-05-06T01:30:00Z"));
  });

  it("the make-up Saturday 05-09 counts a full day", () => {
    // Fri 05-08 00:00 CST to Mon 05-11 00:00 CST: Friday and Saturday.
    expect(workingMinutesBetween(cn, at("2026-05-07T16:00:00Z"), at("2026-05-10T16:00:00Z"))).toBe(960);
  });

  it("National Day fortnight: six working days from Mon 09-28 to Sun 10-11", () => {
    // Sep 28, 29, 30, Oct 8, 9 and the make-up Saturday Oct 10; Oct 1-7 off.
    expect(workingMinutesBetween(cn, at("2026-09-27T16:00:00Z"), at("2026-10-11T16:00:00Z"))).toBe(6 * 480);
  });
});

describe("Spring Festival 2025 (Jan 28 - Feb 4 off, make-up Sun Jan 26 and Sat Feb 8)", () => {
  it("Friday 01-24 18:00 plus 1 hour lands on the make-up Sunday 01-26 at 09:30", () => {
    expect(addWorkingMinutes(cn, at("2025-01-24T10:00:00Z"), 60)).toEqual(at("2025-01-26T01:30:00Z"));
  });

  it("Monday 01-27 18:00 plus 1 hour lands on Wednesday 02-05 09:30", () => {
    expect(addWorkingMinutes(cn, at("2025-01-27T10:00:00Z"), 60)).toEqual(at("2025-02-05T01:30:00Z"));
  });

  it("Jan 26 to Feb 9 holds six working days", () => {
    // Sun 01-26, Mon 01-27, Wed 02-05, Thu 02-06, Fri 02-07, Sat 02-08.
    expect(workingMinutesBetween(cn, at("2025-01-25T16:00:00Z"), at("2025-02-09T16:00:00Z"))).toBe(6 * 480);
  });

  it.each([
    ["2025-01-26", true],
    ["2025-01-27", true],
    ["2025-01-28", false],
    ["2025-02-04", false],
    ["2025-02-05", true],
    ["2025-02-08", true],
    ["2025-02-09", false],
  ])("%s working: %s", (day, expected) => {
    expect(isWorkingDay(cn, day)).toBe(expected);
  });
});

describe("make-up day hours and overrides", () => {
  const longMondays = buildBusinessCalendar({
    zone: "Asia/Shanghai",
    hours: {
      mon: [{ start: "10:00", end: "16:00" }],
      tue: [{ start: "09:00", end: "18:00" }],
      wed: [{ start: "09:00", end: "18:00" }],
      thu: [{ start: "09:00", end: "18:00" }],
      fri: [{ start: "09:00", end: "18:00" }],
    },
  });

  it("a make-up Saturday uses Monday's hours by default", () => {
    // Fri 02-13 17:30 + 60: 30 min to 18:00, then Sat 02-14 from 10:00 (Monday's start) + 30.
    expect(addWorkingMinutes(longMondays, at("2026-02-13T09:30:00Z"), 60)).toEqual(at("2026-02-14T02:30:00Z"));
  });

  it("an admin can make make-up days follow another weekday", () => {
    const fridayLike = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      makeUpDayHoursFrom: "fri",
      hours: { mon: [{ start: "10:00", end: "16:00" }], fri: [{ start: "09:00", end: "18:00" }] },
    });
    expect(addWorkingMinutes(fridayLike, at("2026-02-13T09:30:00Z"), 60)).toEqual(at("2026-02-14T01:30:00Z"));
  });

  it("an override can shorten a day, close it, or open a holiday", () => {
    const cal = buildBusinessCalendar({
      zone: "Asia/Shanghai",
      overrides: [
        { date: "2026-12-30", hours: [{ start: "09:00", end: "12:00" }], note: "year-end party" },
        { date: "2026-12-29", hours: [] },
        { date: "2026-10-02", hours: [{ start: "09:00", end: "12:00" }], note: "launch day" },
      ],
    });
    // Wed 12-30 11:00 + 2h: 60 min until the half day ends at 12:00, then Thu 12-31 09:00 + 60.
    expect(addWorkingMinutes(cal, at("2026-12-30T03:00:00Z"), 120)).toEqual(at("2026-12-31T02:00:00Z"));
    expect(isWorkingDay(cal, "2026-12-29")).toBe(false);
    expect(isWorkingDay(cal, "2026-10-02")).toBe(true);
    expect(workingMinutesBetween(cal, at("2026-09-30T16:00:00Z"), at("2026-10-07T16:00:00Z"))).toBe(180);
  });
});
