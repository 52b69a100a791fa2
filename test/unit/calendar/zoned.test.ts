// Wall times to instants in zones beyond China, London and New York: offsets that are not whole hours, fixed
// offsets written as Etc zones, a 30-minute daylight-saving shift (Lord Howe Island) and a change at midnight
// (Santiago, where 2026-09-06 begins at 01:00). Instants are literal UTC, worked out by hand from the offsets.
import { describe, expect, it } from "vitest";

import {
  addDays,
  addWorkingMinutes,
  buildBusinessCalendar,
  instantAt,
  isValidZone,
  localDayOf,
  wallClockOf,
  workingMinutesBetween,
} from "../../../src/domain/calendar/index.js";
import { at, cn, roundTheClock } from "./calendars.js";

describe("isValidZone", () => {
  it.each([
    ["Asia/Shanghai", true],
    ["Europe/London", true],
    ["UTC", true],
    ["Etc/GMT-8", true],
    ["Asia/Beijing", false],
    ["", false],
    ["   ", false],
  ])("%j: %s", (zone, valid) => {
    expect(isValidZone(zone)).toBe(valid);
  });
});

describe("zones without daylight saving", () => {
  it.each([
    ["Asia/Kathmandu", "2026-07-01T03:15:00Z"], // UTC+5:45
    ["Asia/Kolkata", "2026-07-01T03:30:00Z"], // UTC+5:30
    ["Etc/GMT-8", "2026-07-01T01:00:00Z"], // UTC+8 (Etc signs are inverted)
    ["Etc/GMT+5", "2026-07-01T14:00:00Z"], // UTC-5
  ])("09:00 on 2026-07-01 in %s is %s", (zone, iso) => {
    expect(instantAt("2026-07-01", 9 * 60, zone)).toEqual(at(iso));
    expect(wallClockOf("2026-07-01", zone)(9 * 60)).toEqual(at(iso));
  });

  it("a fixed UTC+8 zone gives the deadlines of Asia/Shanghai", () => {
    const fixed = { ...cn, zone: "Etc/GMT-8" };
    const start = at("2026-02-13T09:00:00Z"); // Fri 17:00 before the Spring Festival make-up Saturday
    expect(addWorkingMinutes(fixed, start, 120)).toEqual(addWorkingMinutes(cn, start, 120));
    expect(addWorkingMinutes(fixed, start, 120)).toEqual(at("2026-02-14T01:30:00Z"));
  });
});

describe("Australia/Lord_Howe: daylight saving of 30 minutes", () => {
  // UTC+10:30 in winter, +11 in summer; 2026-04-05 02:00 → 01:30, 2026-10-04 02:00 → 02:30.
  it("a wall time in the October gap moves 30 minutes later", () => {
    expect(instantAt("2026-10-04", 2 * 60 + 15, "Australia/Lord_Howe")).toEqual(at("2026-10-03T15:45:00Z")); // 02:45 +11
    expect(instantAt("2026-10-04", 2 * 60 + 30, "Australia/Lord_Howe")).toEqual(at("2026-10-03T15:30:00Z"));
    expect(instantAt("2026-10-04", 60, "Australia/Lord_Howe")).toEqual(at("2026-10-03T14:30:00Z")); // 01:00 +10:30
  });

  it("a wall time that happens twice in April is its first occurrence", () => {
    expect(instantAt("2026-04-05", 60 + 45, "Australia/Lord_Howe")).toEqual(at("2026-04-04T14:45:00Z")); // +11
    expect(instantAt("2026-04-05", 3 * 60, "Australia/Lord_Howe")).toEqual(at("2026-04-04T16:30:00Z")); // +10:30
  });

  it("the change days last 23.5 and 24.5 hours", () => {
    const rota = roundTheClock("Australia/Lord_Howe");
    // 2026-10-04 00:00 +10:30 = 10-03T13:30Z to 10-05 00:00 +11 = 10-04T13:00Z.
    expect(workingMinutesBetween(rota, at("2026-10-03T13:30:00Z"), at("2026-10-04T13:00:00Z"))).toBe(23.5 * 60);
    // 2026-04-05 00:00 +11 = 04-04T13:00Z to 04-06 00:00 +10:30 = 04-05T13:30Z.
    expect(workingMinutesBetween(rota, at("2026-04-04T13:00:00Z"), at("2026-04-05T13:30:00Z"))).toBe(24.5 * 60);
  });
});

describe("America/Santiago: the clock changes at midnight", () => {
  // UTC-4 in winter, -3 in summer; 2026-09-06 00:00 → 01:00, 2026-04-05 00:00 → 04-04 23:00.
  it("2026-09-06 has no 00:00: the day starts at 01:00 -03, which is also the end of 09-05", () => {
    expect(instantAt("2026-09-06", 0, "America/Santiago")).toEqual(at("2026-09-06T04:00:00Z"));
    expect(instantAt("2026-09-05", 24 * 60, "America/Santiago")).toEqual(at("2026-09-06T04:00:00Z"));
    expect(localDayOf(at("2026-09-06T03:59:59Z"), "America/Santiago")).toBe("2026-09-05");
    expect(localDayOf(at("2026-09-06T04:00:00Z"), "America/Santiago")).toBe("2026-09-06");
  });

  it("2026-04-04 23:30 happens twice: the first is 23:30 -03", () => {
    expect(instantAt("2026-04-04", 23 * 60 + 30, "America/Santiago")).toEqual(at("2026-04-05T02:30:00Z"));
    expect(instantAt("2026-04-05", 0, "America/Santiago")).toEqual(at("2026-04-05T04:00:00Z"));
  });

  it("a team working 00:00-02:00 on Sundays gets one hour on 09-06, two on 04-05", () => {
    const nights = buildBusinessCalendar({
      zone: "America/Santiago",
      holidaySource: "none",
      hours: { sun: [{ start: "00:00", end: "02:00" }] },
    });
    expect(workingMinutesBetween(nights, at("2026-09-05T12:00:00Z"), at("2026-09-06T12:00:00Z"))).toBe(60);
    // 04-05 00:00 -04 (04:00Z) to 02:00 -04 (06:00Z), and nothing of the repeated hour belongs to Sunday.
    expect(workingMinutesBetween(nights, at("2026-04-04T12:00:00Z"), at("2026-04-05T12:00:00Z"))).toBe(120);
  });
});

describe("wallClockOf", () => {
  // The fast path (one offset for the whole day) must be taken only where no change is near: the change day
  // and the day before it are where a wrong "steady" answer would show.
  it("answers exactly as instantAt on change days and the days before them, at 00:00, 12:00 and 24:00", () => {
    const days: [string, string][] = [
      ["Europe/London", "2026-03-29"],
      ["Europe/London", "2026-10-25"],
      ["America/New_York", "2026-03-08"],
      ["America/New_York", "2026-11-01"],
      ["America/Santiago", "2026-09-06"],
      ["America/Santiago", "2026-04-05"],
      ["Australia/Lord_Howe", "2026-10-04"],
      ["Australia/Lord_Howe", "2026-04-05"],
    ];
    const mismatches: string[] = [];
    for (const [zone, change] of days) {
      for (const day of [addDays(change, -1), change]) {
        const wall = wallClockOf(day, zone);
        for (const m of [0, 12 * 60, 24 * 60]) {
          const [fast, exact] = [wall(m), instantAt(day, m, zone)];
          if (fast.getTime() !== exact.getTime()) mismatches.push(`${zone} ${day} +${m}: ${fast.toISOString()} vs ${exact.toISOString()}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses a day that does not exist, as instantAt does", () => {
    expect(() => wallClockOf("2026-02-30", "Asia/Shanghai")).toThrow('Not a calendar day (YYYY-MM-DD): "2026-02-30"');
    expect(() => instantAt("2026-2-3", 0, "Asia/Shanghai")).toThrow('Not a calendar day (YYYY-MM-DD): "2026-2-3"');
  });
});
