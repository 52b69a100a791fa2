// What an admin reads when an arrangement file is refused: each problem of the year, with where it is.
import { describe, expect, it } from "vitest";

import { arrangementYears, ZOfficialArrangement, type YearArrangement } from "../../../src/domain/calendar/holiday-data.js";

function problems(years: unknown): string[] {
  const result = ZOfficialArrangement.safeParse({ years });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

const year = (holidays: { date: string; name: string }[], workdays: string[]): YearArrangement => ({ holidays, workdays });

describe("arrangement problems", () => {
  it("names every date filed under the wrong year and every day listed twice", () => {
    expect(
      problems({
        "2027": year(
          [
            { date: "2026-12-31", name: "x" },
            { date: "2027-01-01", name: "元旦" },
            { date: "2027-01-01", name: "元旦" },
          ],
          ["2026-12-27", "2027-01-09", "2027-01-09"],
        ),
      }),
    ).toEqual([
      "years.2027: holiday 2026-12-31 is filed under 2027",
      "years.2027: holiday 2027-01-01 is listed twice",
      "years.2027: make-up workday 2026-12-27 is filed under 2027",
      "years.2027: make-up workday 2027-01-09 is listed twice",
    ]);
  });

  it("names a day that is both off and worked", () => {
    expect(problems({ "2027": year([{ date: "2027-02-06", name: "春节" }], ["2027-02-06"]) })).toEqual([
      "years.2027: 2027-02-06 is both a holiday and a make-up workday",
    ]);
  });

  it("reports a day that does not exist once, at its place", () => {
    expect(problems({ "2027": year([{ date: "2027-02-30", name: "x" }], ["2027-1-9"]) })).toEqual([
      "years.2027.holidays.0.date: expected a calendar day YYYY-MM-DD",
      "years.2027.workdays.0: expected a calendar day YYYY-MM-DD",
    ]);
  });

  it("accepts a consistent year, and lists years in order", () => {
    const ok = { "2028": year([], []), "2027": year([{ date: "2027-01-01", name: "元旦" }], ["2027-01-09"]) };
    expect(problems(ok)).toEqual([]);
    expect(arrangementYears({ years: ok })).toEqual([2027, 2028]);
  });
});
