// An admin's lines for a year's arrangement, at their edges: every keyword and separator the notice uses, line
// numbers counted over blank and comment lines, the 31-day limit of one range, and a range written backwards.
import { describe, expect, it } from "vitest";

import { parseYearLines } from "../../../src/domain/calendar/year-lines.js";
import { refusalOf } from "../../support/refusal.js";

const refusal = (text: string) => refusalOf(() => parseYearLines(2027, text));

describe("parseYearLines at its edges", () => {
  it("refuses a range written backwards instead of silently dropping its days", () => {
    // Before the fix the Spring Festival line held no day and the year was accepted with New Year's Day alone.
    expect(refusal("holiday 2027-01-01 元旦\nholiday 2027-02-11..2027-02-05 春节")).toEqual([
      "calendar.bad_line",
      { line: 2, text: "holiday 2027-02-11..2027-02-05 春节" },
    ]);
    // A range of one day is fine.
    expect(parseYearLines(2027, "holiday 2027-01-01..2027-01-01").holidays).toEqual([{ date: "2027-01-01", name: "假日 Holiday" }]);
  });

  it("reads ~ and 至 between days, CRLF lines, 调休上班, and trims names; a day without a name gets a generic one", () => {
    const y = parseYearLines(2027, "holiday 2027-01-01 ~ 2027-01-02\r\n调休上班 2027-01-09\r\n放假 2027-10-01至2027-10-02   国庆节  ");
    expect(y.holidays).toEqual([
      { date: "2027-01-01", name: "假日 Holiday" },
      { date: "2027-01-02", name: "假日 Holiday" },
      { date: "2027-10-01", name: "国庆节" },
      { date: "2027-10-02", name: "国庆节" },
    ]);
    expect(y.workdays).toEqual(["2027-01-09"]);
  });

  it("counts lines as the admin sees them, blank and comment lines included", () => {
    expect(refusal("# 2027\n\nholiday 2027-01-01\n  \nholiday 2027-13-01")).toEqual([
      "calendar.bad_line",
      { line: 5, text: "holiday 2027-13-01" },
    ]);
    expect(refusal("holiday 2027-01-01..2027-02-30")).toEqual(["calendar.bad_line", { line: 1, text: "holiday 2027-01-01..2027-02-30" }]);
  });

  it("takes a range of 31 days and refuses 32", () => {
    expect(parseYearLines(2027, "holiday 2027-01-01..2027-01-31 x").holidays).toHaveLength(31);
    expect(refusal("holiday 2027-01-01..2027-02-01 x")).toEqual(["calendar.bad_line", { line: 1, text: "holiday 2027-01-01..2027-02-01 x" }]);
  });

  it("says what is inconsistent about the year", () => {
    expect(refusal("holiday 2027-01-01\nholiday 2027-01-01")).toEqual(["calendar.invalid", { problem: "holiday 2027-01-01 is listed twice" }]);
    expect(refusal("holiday 2027-01-01\nworkday 2026-12-27")).toEqual([
      "calendar.invalid",
      { problem: "make-up workday 2026-12-27 is filed under 2027" },
    ]);
  });
});
