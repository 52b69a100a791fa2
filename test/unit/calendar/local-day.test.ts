// Local days ("2026-02-14") and wall-clock times ("09:00") as strings: which spellings are accepted, the
// arithmetic across month, year and leap-day ends, and the refusal a typo meets instead of NaN arithmetic.
import { describe, expect, it } from "vitest";

import {
  addDays,
  clockToMinutes,
  isClock,
  isLocalDay,
  MINUTES_PER_DAY,
  weekdayOf,
  WEEKDAYS,
  yearOf,
} from "../../../src/domain/calendar/local-day.js";

describe("isLocalDay", () => {
  it.each(["2026-01-01", "2026-12-31", "2026-04-30", "2028-02-29", "2026-02-28"])("accepts %s", (s) => {
    expect(isLocalDay(s)).toBe(true);
  });

  it.each([
    "2026-04-31", // April has 30 days
    "2026-12-32",
    "2026-00-10",
    "2026-01-00",
    "2026-13-01",
    "2026-02-141", // one digit too many
    "x2026-02-14",
    "2026-02-14 ",
    "2026/02/14",
    "26-02-14",
  ])("refuses %j", (s) => {
    expect(isLocalDay(s)).toBe(false);
  });
});

describe("arithmetic on local days", () => {
  it("adds and subtracts days across months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-02-14", 0)).toBe("2026-02-14");
    expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
    expect(addDays("2026-03-29", 7)).toBe("2026-04-05"); // a DST Sunday is an ordinary square
  });

  it("names the weekday of each day of a week, Sunday = 0", () => {
    const week = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07"];
    expect(week.map(weekdayOf)).toEqual([...WEEKDAYS]);
    expect(WEEKDAYS).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("reads the year of a day", () => {
    expect(yearOf("2026-12-31")).toBe(2026);
    expect(yearOf("2099-01-01")).toBe(2099);
  });

  it("refuses a day that does not exist, naming it", () => {
    const refusal = 'Not a calendar day (YYYY-MM-DD): "2026-02-30"';
    expect(() => addDays("2026-02-30", 1)).toThrow(refusal);
    expect(() => weekdayOf("2026-02-30")).toThrow(refusal);
    expect(() => yearOf("2026-02-30")).toThrow(refusal);
    expect(() => yearOf("2026")).toThrow('Not a calendar day (YYYY-MM-DD): "2026"');
  });
});

describe("wall-clock times", () => {
  it.each(["00:00", "09:05", "23:59", "24:00"])("accepts %s", (s) => {
    expect(isClock(s)).toBe(true);
  });

  it.each(["23:60", "24:01", "25:00", "9:00", "09:000", "x09:00", "09:00 ", "0900", ""])("refuses %j", (s) => {
    expect(isClock(s)).toBe(false);
  });

  it("counts minutes since midnight, 24:00 being the whole day", () => {
    expect(clockToMinutes("00:00")).toBe(0);
    expect(clockToMinutes("09:05")).toBe(9 * 60 + 5);
    expect(clockToMinutes("23:59")).toBe(1439);
    expect(clockToMinutes("24:00")).toBe(MINUTES_PER_DAY);
    expect(MINUTES_PER_DAY).toBe(1440);
  });

  it("refuses a time that is not one, naming it", () => {
    expect(() => clockToMinutes("24:30")).toThrow('Not a wall-clock time (HH:mm, 00:00-24:00): "24:30"');
  });
});
