// Working hours as an admin types them in chat ("mon-fri 09:00-12:00,13:30-18:30; sat 10:00-14:00"): what the
// team's hours become, and the refusal (code and the part named in it) for each kind of mistake.
import { describe, expect, it } from "vitest";

import { parseHoursText, WEEKDAY_ORDER } from "../../../src/domain/calendar/hours-text.js";
import { refusalOf } from "../../support/refusal.js";

const office = [
  { start: "09:00", end: "12:00" },
  { start: "13:30", end: "18:30" },
];
const nineToSix = [{ start: "09:00", end: "18:00" }];

/** The refusal's code and parameters, or undefined when the text is accepted. */
const refusal = (text: string) => refusalOf(() => parseHoursText(text));

describe("parseHoursText: what the hours become", () => {
  it("reads day ranges with their time ranges; days not named are not worked", () => {
    expect(parseHoursText("mon-fri 09:00-12:00,13:30-18:30; sat 10:00-14:00")).toEqual({
      mon: office,
      tue: office,
      wed: office,
      thu: office,
      fri: office,
      sat: [{ start: "10:00", end: "14:00" }],
    });
  });

  it("reads Chinese weekday names, 至/到/~/– between days and times, and full-width separators", () => {
    expect(parseHoursText("周一至周三 9:00至12:00，13:30到18:30；周四~周五 09:00~18:00")).toEqual({
      mon: office,
      tue: office,
      wed: office,
      thu: nineToSix,
      fri: nineToSix,
    });
    expect(parseHoursText("星期二–礼拜四 09:00–18:00")).toEqual({ tue: nineToSix, wed: nineToSix, thu: nineToSix });
    expect(parseHoursText("周日 10:00-14:00")).toEqual({ sun: [{ start: "10:00", end: "14:00" }] });
    // Single-digit hours are written out at both ends.
    expect(parseHoursText("周六 8:00-9:30")).toEqual({ sat: [{ start: "08:00", end: "09:30" }] });
    expect(parseHoursText("Saturday 08:00-09:30")).toEqual({ sat: [{ start: "08:00", end: "09:30" }] });
  });

  it("reads lists of days with ',', '，' and '、'", () => {
    expect(parseHoursText("mon,wed,fri 09:00-18:00")).toEqual({ mon: nineToSix, wed: nineToSix, fri: nineToSix });
    expect(parseHoursText("周一、周三，周五 09:00-18:00")).toEqual({ mon: nineToSix, wed: nineToSix, fri: nineToSix });
    // A list may mix single days and ranges.
    expect(parseHoursText("mon,thu-fri 09:00-18:00")).toEqual({ mon: nineToSix, thu: nineToSix, fri: nineToSix });
  });

  it("reads the named groups, in any case", () => {
    const weekdays = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix };
    expect(parseHoursText("工作日 09:00-18:00")).toEqual(weekdays);
    expect(parseHoursText("Weekdays 09:00-18:00")).toEqual(weekdays);
    const weekend = { sat: nineToSix, sun: nineToSix };
    expect(parseHoursText("周末 09:00-18:00")).toEqual(weekend);
    expect(parseHoursText("WEEKEND 09:00-18:00")).toEqual(weekend);
    const allDay = [{ start: "00:00", end: "24:00" }];
    const everyDay = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    expect(parseHoursText("每天 00:00-24:00")).toEqual(everyDay);
    expect(parseHoursText("daily 00:00-24:00")).toEqual(everyDay);
    expect(parseHoursText("Everyday 00:00-24:00")).toEqual(everyDay);
  });

  it("takes a whole week written mon-sun, and a range of one day", () => {
    expect(Object.keys(parseHoursText("mon-sun 09:00-18:00"))).toEqual([...WEEKDAY_ORDER]);
    expect(parseHoursText("wed-wed 09:00-18:00")).toEqual({ wed: nineToSix });
  });

  it("puts ranges in time order and lets ranges touch", () => {
    expect(parseHoursText("mon 13:30-18:30,09:00-12:00")).toEqual({ mon: office });
    expect(parseHoursText("mon 12:00-18:00,09:00-12:00")).toEqual({
      mon: [
        { start: "09:00", end: "12:00" },
        { start: "12:00", end: "18:00" },
      ],
    });
  });

  it("a later pair wins for the days it names; off/休息/不上班 takes a day out", () => {
    expect(parseHoursText("mon-fri 09:00-18:00 mon 10:00-12:00")).toEqual({
      mon: [{ start: "10:00", end: "12:00" }],
      tue: nineToSix,
      wed: nineToSix,
      thu: nineToSix,
      fri: nineToSix,
    });
    expect(parseHoursText("mon-fri 09:00-18:00; fri OFF")).toEqual({
      mon: nineToSix,
      tue: nineToSix,
      wed: nineToSix,
      thu: nineToSix,
    });
    expect(parseHoursText("每天 09:00-18:00 周末 休息 周三 不上班")).toEqual({
      mon: nineToSix,
      tue: nineToSix,
      thu: nineToSix,
      fri: nineToSix,
    });
  });

  it("accepts any run of spaces, new lines and semicolons between the parts", () => {
    expect(parseHoursText("  mon   09:00-18:00 \n;; tue\t09:00-18:00 ;")).toEqual({ mon: nineToSix, tue: nineToSix });
  });

  it("lists the weekdays Monday first", () => {
    expect(WEEKDAY_ORDER).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
  });
});

describe("parseHoursText: refusals name the wrong part", () => {
  it("refuses text that is not days-and-hours pairs", () => {
    expect(refusal("")).toEqual(["hours.bad_layout", { value: "" }]);
    expect(refusal(" ; ")).toEqual(["hours.bad_layout", { value: " ; " }]);
    expect(refusal("mon-fri")).toEqual(["hours.bad_layout", { value: "mon-fri" }]);
    expect(refusal("mon-fri 09:00-18:00 sat")).toEqual(["hours.bad_layout", { value: "mon-fri 09:00-18:00 sat" }]);
  });

  it("refuses a day that is not one, a backwards day range and a range of three", () => {
    expect(refusal("mon-frx 09:00-18:00")).toEqual(["hours.bad_day", { value: "mon-frx" }]);
    expect(refusal("xmon-fri 09:00-18:00")).toEqual(["hours.bad_day", { value: "xmon-fri" }]);
    expect(refusal("mon- 09:00-18:00")).toEqual(["hours.bad_day", { value: "mon-" }]);
    expect(refusal("fri-mon 09:00-18:00")).toEqual(["hours.bad_day", { value: "fri-mon" }]);
    expect(refusal("sun-mon 09:00-18:00")).toEqual(["hours.bad_day", { value: "sun-mon" }]);
    expect(refusal("mon-wed-fri 09:00-18:00")).toEqual(["hours.bad_day", { value: "mon-wed-fri" }]);
    // In a list, the part named is the wrong one.
    expect(refusal("mon,funday 09:00-18:00")).toEqual(["hours.bad_day", { value: "funday" }]);
  });

  it("refuses a time range that is not HH:mm-HH:mm", () => {
    expect(refusal("mon 9-18")).toEqual(["hours.bad_range", { value: "9-18" }]);
    expect(refusal("mon 09:00-12:00,1330-1830")).toEqual(["hours.bad_range", { value: "1330-1830" }]);
    expect(refusal("mon 009:00-12:00")).toEqual(["hours.bad_range", { value: "009:00-12:00" }]);
    expect(refusal("mon 09:00-12:00x")).toEqual(["hours.bad_range", { value: "09:00-12:00x" }]);
    expect(refusal("mon 09:00+12:00")).toEqual(["hours.bad_range", { value: "09:00+12:00" }]);
    // Only the whole word means a day off.
    expect(refusal("mon offline")).toEqual(["hours.bad_range", { value: "offline" }]);
    expect(refusal("mon 休息日")).toEqual(["hours.bad_range", { value: "休息日" }]);
    // 不休息 ("no rest") must not read as 休息 (a day off).
    expect(refusal("周一 不休息")).toEqual(["hours.bad_range", { value: "不休息" }]);
  });

  it("refuses a time of day that does not exist, naming it as written out", () => {
    expect(refusal("mon 09:00-25:00")).toEqual(["hours.bad_time", { value: "25:00" }]);
    expect(refusal("mon 9:60-12:00")).toEqual(["hours.bad_time", { value: "09:60" }]);
    expect(refusal("mon 18:00-24:00")).toBeUndefined();
  });

  it("refuses a range that ends before it starts or where it starts", () => {
    expect(refusal("mon 18:00-09:00")).toEqual(["hours.backwards", { value: "18:00-09:00" }]);
    expect(refusal("mon 09:00-09:00")).toEqual(["hours.backwards", { value: "09:00-09:00" }]);
    expect(refusal("mon 09:00-09:01")).toBeUndefined();
  });

  it("refuses overlapping ranges, naming both in time order", () => {
    expect(refusal("mon 09:00-13:00,12:00-18:00")).toEqual(["hours.overlap", { value: "09:00-13:00", other: "12:00-18:00" }]);
    expect(refusal("mon 12:00-18:00,09:00-13:00")).toEqual(["hours.overlap", { value: "09:00-13:00", other: "12:00-18:00" }]);
    expect(refusal("mon 08:00-09:00,10:00-12:00,11:59-13:00")).toEqual([
      "hours.overlap",
      { value: "10:00-12:00", other: "11:59-13:00" },
    ]);
  });

  it("refuses hours that leave no working time at all", () => {
    expect(refusal("mon-fri off")).toEqual(["hours.none_worked", {}]);
    expect(refusal("周末 休息 工作日 不上班")).toEqual(["hours.none_worked", {}]);
    // One worked day is enough.
    expect(refusal("mon-fri off sat 10:00-12:00")).toBeUndefined();
  });
});
