import { describe, expect, it } from "vitest";

import {
  addWorkingMinutes,
  buildBusinessCalendar,
  coverageGap,
  instantAt,
  isWorkingDay,
  isWorkingTime,
  nextWorkingMoment,
  workingMinutesBetween,
} from "../../../src/domain/calendar/index.js";
import { at, london, londonWeekends, newYork, roundTheClock } from "./calendars.js";

describe("Europe/London across the 2026-03-29 spring-forward", () => {
  it("Friday 15:00 GMT plus 4 working hours lands on Monday 11:00 BST (10:00Z)", () => {
    // Fri 15:00-17:00 GMT = 120 min; Mon 09:00 BST = 08:00Z, + 120.
    expect(addWorkingMinutes(london, at("2026-03-27T15:00:00Z"), 240)).toEqual(at("2026-03-30T10:00:00Z"));
  });

  it("counts Friday afternoon and Monday morning in their own offsets", () => {
    // Fri 16:00-17:00 GMT (60) + Mon 09:00-09:30 BST = 08:00Z-08:30Z (30).
    expect(workingMinutesBetween(london, at("2026-03-27T16:00:00Z"), at("2026-03-30T08:30:00Z"))).toBe(90);
  });

  it("the weekend's next working moment is Monday 09:00 BST", () => {
    expect(nextWorkingMoment(london, at("2026-03-28T12:00:00Z"))).toEqual(at("2026-03-30T08:00:00Z"));
  });

  it("a team that works the DST Sunday starts at 10:00 BST, which is 09:00Z", () => {
    // Sat 13:00-14:00 GMT (60), then Sun 10:00 BST = 09:00Z + 60.
    expect(addWorkingMinutes(londonWeekends, at("2026-03-28T13:00:00Z"), 120)).toEqual(at("2026-03-29T10:00:00Z"));
  });

  it("the spring-forward day has 23 hours for a round-the-clock rota", () => {
    const rota = roundTheClock("Europe/London");
    // Local 00:00 GMT = 00:00Z to next local midnight 00:00 BST = 23:00Z.
    expect(workingMinutesBetween(rota, at("2026-03-29T00:00:00Z"), at("2026-03-29T23:00:00Z"))).toBe(23 * 60);
    // 24 working hours of a 24/7 rota is 24 elapsed hours, whatever the wall clock does.
    expect(addWorkingMinutes(rota, at("2026-03-28T12:00:00Z"), 24 * 60)).toEqual(at("2026-03-29T12:00:00Z"));
  });

  it("a night range that crosses the skipped hour is one hour shorter", () => {
    const night = buildBusinessCalendar({
      zone: "Europe/London",
      holidaySource: "none",
      hours: { sun: [{ start: "00:30", end: "02:30" }] },
    });
    // 00:30 GMT = 00:30Z; 02:30 BST = 01:30Z.
    expect(workingMinutesBetween(night, at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(60);
    expect(nextWorkingMoment(night, at("2026-03-28T12:00:00Z"))).toEqual(at("2026-03-29T00:30:00Z"));
  });
});

describe("Europe/London across the 2026-10-25 fall-back", () => {
  it("Friday 16:00 BST plus 2 working hours lands on Monday 10:00 GMT", () => {
    // Fri 16:00-17:00 BST = 15:00Z-16:00Z (60); Mon 09:00 GMT = 09:00Z, + 60.
    expect(addWorkingMinutes(london, at("2026-10-23T15:00:00Z"), 120)).toEqual(at("2026-10-26T10:00:00Z"));
    expect(workingMinutesBetween(london, at("2026-10-23T15:00:00Z"), at("2026-10-26T10:00:00Z"))).toBe(120);
  });

  it("a team that works the DST Sunday starts at 10:00 GMT, which is 10:00Z", () => {
    // Sat 13:00-14:00 BST = 12:00Z-13:00Z (60), then Sun 10:00 GMT = 10:00Z + 60.
    expect(addWorkingMinutes(londonWeekends, at("2026-10-24T12:00:00Z"), 120)).toEqual(at("2026-10-25T11:00:00Z"));
  });

  it("the fall-back day has 25 hours for a round-the-clock rota", () => {
    const rota = roundTheClock("Europe/London");
    // Local 00:00 BST = 10-24T23:00Z to next local midnight 00:00 GMT = 10-26T00:00Z.
    expect(workingMinutesBetween(rota, at("2026-10-24T23:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(25 * 60);
  });

  it("a night range that crosses the repeated hour is one hour longer", () => {
    const night = buildBusinessCalendar({
      zone: "Europe/London",
      holidaySource: "none",
      hours: { sun: [{ start: "00:30", end: "02:30" }] },
    });
    // 00:30 BST = 10-24T23:30Z; 02:30 GMT = 02:30Z.
    expect(workingMinutesBetween(night, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(180);
  });

  it("has no Chinese holidays: 2026-10-01 is an ordinary Thursday", () => {
    expect(isWorkingDay(london, "2026-10-01")).toBe(true);
    expect(london.holidays.size).toBe(0);
    // And it says so: no official arrangement is loaded for any year.
    expect(coverageGap(london, at("2026-10-01T00:00:00Z"), at("2026-10-02T00:00:00Z"))).toEqual([2026]);
  });
});

describe("America/New_York across 2026-03-08 and 2026-11-01", () => {
  it("Friday 16:00 EST plus 2 working hours lands on Monday 10:00 EDT (14:00Z)", () => {
    // Fri 16:00-17:00 EST = 21:00Z-22:00Z; Mon 09:00 EDT = 13:00Z, + 60.
    expect(addWorkingMinutes(newYork, at("2026-03-06T21:00:00Z"), 120)).toEqual(at("2026-03-09T14:00:00Z"));
  });

  it("Friday 16:00 EDT plus 2 working hours lands on Monday 10:00 EST (15:00Z)", () => {
    // Fri 16:00-17:00 EDT = 20:00Z-21:00Z; Mon 09:00 EST = 14:00Z, + 60.
    expect(addWorkingMinutes(newYork, at("2026-10-30T20:00:00Z"), 120)).toEqual(at("2026-11-02T15:00:00Z"));
  });

  it("counts two full days across the March change", () => {
    // Fri 08:00 EST (13:00Z) to Mon 20:00 EDT (03-10T00:00Z): Friday and Monday in full.
    expect(workingMinutesBetween(newYork, at("2026-03-06T13:00:00Z"), at("2026-03-10T00:00:00Z"))).toBe(960);
  });

  it("uses the local day: Thursday 20:00 EST is already Friday in UTC", () => {
    // 2026-03-06T01:00Z = Thu 03-05 20:00 EST; next morning Fri 09:00 EST = 14:00Z, + 60.
    expect(addWorkingMinutes(newYork, at("2026-03-06T01:00:00Z"), 60)).toEqual(at("2026-03-06T15:00:00Z"));
    // Fri 23:30 EST = Sat 04:30Z: next is Monday 09:00 EDT.
    expect(nextWorkingMoment(newYork, at("2026-03-07T04:30:00Z"))).toEqual(at("2026-03-09T13:00:00Z"));
  });

  it("an evening desk keeps working after midnight UTC", () => {
    const evenings = buildBusinessCalendar({
      zone: "America/New_York",
      holidaySource: "none",
      hours: { mon: [{ start: "18:00", end: "22:00" }], tue: [{ start: "18:00", end: "22:00" }] },
    });
    // Mon 2026-03-09 20:00 EDT is Tue 00:00Z; one hour later is 21:00 EDT (01:00Z), still Monday's range.
    expect(isWorkingTime(evenings, at("2026-03-10T00:00:00Z"))).toBe(true);
    expect(addWorkingMinutes(evenings, at("2026-03-10T00:00:00Z"), 60)).toEqual(at("2026-03-10T01:00:00Z"));
    // Three hours: 2 on Monday (to 22:00 EDT = 02:00Z), then Tue 18:00 EDT = 22:00Z + 60.
    expect(addWorkingMinutes(evenings, at("2026-03-10T00:00:00Z"), 180)).toEqual(at("2026-03-10T23:00:00Z"));
    // Mon 20:00-22:00 EDT (120) + Tue 18:00-19:00 EDT (60).
    expect(workingMinutesBetween(evenings, at("2026-03-10T00:00:00Z"), at("2026-03-10T23:00:00Z"))).toBe(180);
  });

  it("the fall-back Sunday has 25 hours for a round-the-clock rota", () => {
    const rota = roundTheClock("America/New_York");
    // 00:00 EDT = 04:00Z to 11-02 00:00 EST = 05:00Z.
    expect(workingMinutesBetween(rota, at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"))).toBe(25 * 60);
  });
});

describe("instantAt resolves wall times deterministically", () => {
  it.each([
    ["2026-03-29", 9 * 60, "Europe/London", "2026-03-29T08:00:00Z"],
    ["2026-03-29", 90, "Europe/London", "2026-03-29T01:30:00Z"], // 01:30 does not exist: 02:30 BST
    ["2026-10-25", 90, "Europe/London", "2026-10-25T00:30:00Z"], // 01:30 happens twice: the first (BST)
    ["2026-10-25", 24 * 60, "Europe/London", "2026-10-26T00:00:00Z"], // 24:00 is the next midnight
    ["2026-03-08", 150, "America/New_York", "2026-03-08T07:30:00Z"], // 02:30 does not exist: 03:30 EDT
    ["2026-11-01", 90, "America/New_York", "2026-11-01T05:30:00Z"], // 01:30 twice: the first (EDT)
    ["2026-07-01", 0, "Asia/Shanghai", "2026-06-30T16:00:00Z"],
  ])("%s + %i min in %s is %s", (day, minute, zone, iso) => {
    expect(instantAt(day, minute, zone)).toEqual(at(iso));
  });
});
