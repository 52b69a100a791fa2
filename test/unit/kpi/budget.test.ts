// The budget maths: periods (month, quarter, fixed span), pace from the 3rd day, the lines crossed, re-arming.
import { describe, expect, it } from "vitest";
import { budgetStatus, parseBudgetPeriod, periodOf, rearmed, type BudgetLine } from "../../../src/domain/kpi/budget.js";

const month: BudgetLine = { amount: 10_000, period: "month", startDay: null, endDay: null };

describe("budget periods", () => {
  it("are calendar months and quarters of the day, or the fixed span", () => {
    expect(periodOf(month, "2028-02-10")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(periodOf(month, "2026-12-31")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(periodOf({ ...month, period: "quarter" }, "2026-11-26")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(periodOf({ ...month, period: "quarter" }, "2026-01-01")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(periodOf({ amount: 1, period: "custom", startDay: "2026-11-01", endDay: "2026-11-15" }, "2026-12-20")).toEqual({ start: "2026-11-01", end: "2026-11-15" });
  });
  it("are read from --period or --from/--to, in either language", () => {
    expect(parseBudgetPeriod({})).toEqual({ period: "month", startDay: null, endDay: null });
    expect(parseBudgetPeriod({ period: "季度" }).period).toBe("quarter");
    expect(parseBudgetPeriod({ from: "2026/11/01", to: "2026-11-15" })).toEqual({ period: "custom", startDay: "2026-11-01", endDay: "2026-11-15" });
    expect(() => parseBudgetPeriod({ from: "2026-11-01", to: "2026-02-30" })).toThrow("kpi.bad_day");
  });
});

describe("budget status", () => {
  const nov = { start: "2026-11-01", end: "2026-11-30" };
  it("projects the pace only from the 3rd day, and crosses 80 % and 100 % at exactly those amounts", () => {
    expect(budgetStatus(month, nov, 5_000, "2026-11-02").projected).toBeUndefined();
    const third = budgetStatus(month, nov, 1_000, "2026-11-03");
    expect([third.projected, third.crossed]).toEqual([10_000, []]);
    expect(budgetStatus(month, nov, 1_001, "2026-11-03").crossed).toEqual(["pace"]);
    expect(budgetStatus(month, nov, 7_999.99, "2026-11-29").crossed).toEqual([]);
    expect(budgetStatus(month, nov, 8_000, "2026-11-29").crossed).toEqual(["used_80"]);
    // At 100 % the pace line gives way to the 100 % line; on the last day there is nothing left to project.
    expect(budgetStatus(month, nov, 10_000, "2026-11-10").crossed).toEqual(["used_80", "used_100"]);
    expect(budgetStatus(month, nov, 9_900, "2026-11-30").crossed).toEqual(["used_80"]);
  });
  it("re-arms a line only 5 % below it", () => {
    const at = (used: number, through = "2026-11-29") => budgetStatus(month, nov, used, through);
    expect(rearmed("used_80", at(7_700), 10_000)).toBe(false);
    expect(rearmed("used_80", at(7_599), 10_000)).toBe(true);
    expect(rearmed("pace", at(3_200, "2026-11-10"), 10_000)).toBe(false); // projects 9,600: within 5 %
    expect(rearmed("pace", at(3_100, "2026-11-10"), 10_000)).toBe(true);
  });
});
