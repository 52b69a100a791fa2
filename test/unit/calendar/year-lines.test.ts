import { describe, expect, it } from "vitest";
import { refusalOf } from "../../support/refusal.js";
import { parseYearLines } from "../../../src/domain/calendar/year-lines.js";

describe("parseYearLines", () => {
  it("reads single days, ranges, names, Chinese keywords and comments", () => {
    const y = parseYearLines(2027, "# 2027 放假安排\nholiday 2027-01-01 元旦\n放假 2027-02-05..2027-02-07 春节\nworkday 2027-02-14\n上班 2027-02-20");
    expect(y.holidays).toEqual([
      { date: "2027-01-01", name: "元旦" },
      { date: "2027-02-05", name: "春节" },
      { date: "2027-02-06", name: "春节" },
      { date: "2027-02-07", name: "春节" },
    ]);
    expect(y.workdays).toEqual(["2027-02-14", "2027-02-20"]);
  });
  it("names the line that is wrong, and refuses inconsistent years", () => {
    const refusal = (text: string) => refusalOf(() => parseYearLines(2027, text));
    expect(refusal("holiday 2027-01-01\nholidya 2027-01-02")).toEqual(["calendar.bad_line", { line: 2, text: "holidya 2027-01-02" }]);
    expect(refusal("holiday 2027-02-30")).toEqual(["calendar.bad_line", { line: 1, text: "holiday 2027-02-30" }]);
    expect(refusal("workday 2027-02-14")).toEqual(["calendar.empty_year", { year: 2027 }]);
    expect(refusal("holiday 2026-12-31")?.[0]).toBe("calendar.invalid");
    expect(refusal("holiday 2027-01-01\nworkday 2027-01-01")?.[0]).toBe("calendar.invalid");
  });
});
