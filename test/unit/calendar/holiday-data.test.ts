import { execFileSync } from "node:child_process";
import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import {
  arrangementFromChineseDays,
  holidayDisplayName,
  yearFromChineseDays,
} from "../../../src/domain/calendar/chinese-days-source.js";
import {
  arrangementYears,
  CN_MAINLAND_ARRANGEMENT,
  isWorkingDay,
  mergeArrangements,
  parseOfficialArrangement,
} from "../../../src/domain/calendar/index.js";
import cnMainlandJson from "../../../templates/calendars/cn-mainland.json" with { type: "json" };
import { cn } from "./calendars.js";

describe("templates/calendars/cn-mainland.json", () => {
  it("covers 2025 and 2026, and not 2027", () => {
    expect(arrangementYears(CN_MAINLAND_ARRANGEMENT)).toEqual([2025, 2026]);
    expect([...cn.coveredYears].sort()).toEqual([2025, 2026]);
  });

  it("is exactly what scripts/export-cn-calendar.ts would write from chinese-days today", () => {
    expect(parseOfficialArrangement(cnMainlandJson)).toEqual(arrangementFromChineseDays([2025, 2026]));
  });

  // chinese-days 1.5.7 reads weekdays with the host's local getters on a UTC-parsed date, so on a host west of
  // UTC its isWorkday calls ordinary weekends working days: ask it in a process running on Shanghai time.
  it("agrees with chinese-days' isWorkday on every day of 2025 and 2026", () => {
    const script = `const cd = require("chinese-days"); const out = {};
      for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86400000) { const d = new Date(t).toISOString().slice(0, 10); out[d] = cd.isWorkday(d); }
      process.stdout.write(JSON.stringify(out));`;
    const theirs = JSON.parse(execFileSync(process.execPath, ["-e", script], { env: { ...process.env, TZ: "Asia/Shanghai" } }).toString()) as Record<string, boolean>;
    const disagreements = Object.entries(theirs).filter(([day, workday]) => isWorkingDay(cn, day) !== workday).map(([day]) => day);
    expect(Object.keys(theirs)).toHaveLength(730);
    expect(disagreements).toEqual([]);
  });

  it("holds the published 2026 make-up workdays and holiday count", () => {
    const y2026 = CN_MAINLAND_ARRANGEMENT.years["2026"];
    const expected = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];
    expect(y2026?.workdays).toEqual(expected);
    // 3 (New Year) + 9 (Spring Festival) + 3 + 5 + 3 + 3 + 7 (National Day).
    expect(y2026?.holidays).toHaveLength(33);
    expect(y2026?.holidays).toContainEqual({ date: "2026-02-15", name: "春节 Spring Festival" });
    expect(cn.holidays.get("2026-10-07")).toBe("国庆节 National Day");
  });

  it("holds the published 2025 make-up workdays", () => {
    expect(CN_MAINLAND_ARRANGEMENT.years["2025"]?.workdays).toEqual([
      "2025-01-26",
      "2025-02-08",
      "2025-04-27",
      "2025-09-28",
      "2025-10-11",
    ]);
  });
});

describe("reading chinese-days", () => {
  it("refuses 2027, for which the package answers plain Monday to Friday", () => {
    expect(chineseDays.getDayDetail("2027-01-01").work).toBe(true); // the package's known gap
    expect(() => yearFromChineseDays(2027)).toThrow(/no holiday arrangement for 2027/);
  });

  it("turns package names into display names", () => {
    expect(holidayDisplayName("Spring Festival,春节,4")).toBe("春节 Spring Festival");
    expect(holidayDisplayName("Friday")).toBeUndefined();
  });
});

describe("parseOfficialArrangement", () => {
  const year = (holidays: { date: string; name: string }[], workdays: string[]) => ({ holidays, workdays });

  it("accepts an admin-entered year", () => {
    const parsed = parseOfficialArrangement({
      years: { "2027": year([{ date: "2027-01-01", name: "元旦 New Year's Day" }], ["2027-01-02"]) },
    });
    expect(arrangementYears(parsed)).toEqual([2027]);
  });

  it.each([
    ["a date filed under the wrong year", { "2027": year([{ date: "2026-01-01", name: "x" }], []) }],
    ["a day both off and worked", { "2027": year([{ date: "2027-01-02", name: "x" }], ["2027-01-02"]) }],
    [
      "a holiday listed twice",
      { "2027": year([{ date: "2027-01-01", name: "x" }, { date: "2027-01-01", name: "y" }], []) },
    ],
    ["a day that does not exist", { "2027": year([{ date: "2027-02-29", name: "x" }], []) }],
    ["a badly formatted day", { "2027": year([], ["2027-1-2"]) }],
    ["an empty name", { "2027": year([{ date: "2027-01-01", name: " " }], []) }],
    ["a year key that is not a year", { next: year([], []) }],
  ])("rejects %s with a ZodError", (_label, years) => {
    expect(() => parseOfficialArrangement({ years })).toThrow(ZodError);
  });

  it("lets a later layer replace a whole year", () => {
    const shipped = parseOfficialArrangement({
      years: { "2026": year([{ date: "2026-01-01", name: "a" }], ["2026-01-04"]), "2025": year([], []) },
    });
    const fix = parseOfficialArrangement({ years: { "2026": year([{ date: "2026-01-02", name: "b" }], []) } });
    const merged = mergeArrangements(shipped, fix);
    expect(merged.years["2026"]).toEqual(year([{ date: "2026-01-02", name: "b" }], []));
    expect(arrangementYears(merged)).toEqual([2025, 2026]);
  });
});
