// Budget rules at their edges: how --period/--from/--to are refused when mixed, half given or reversed, the words
// for month and quarter in both languages, a zero amount, the period's last day, and when each warning re-arms.
import { describe, expect, it } from "vitest";
import { budgetStatus, parseBudgetPeriod, rearmed, type BudgetLine } from "../../../src/domain/kpi/budget.js";
import { AppError } from "../../../src/domain/errors.js";

function refusal(f: () => unknown): { code: string; params: Record<string, unknown> } | string {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, params: e.params } : String(e);
  }
  return "no error";
}

const month: BudgetLine = { amount: 10_000, period: "month", startDay: null, endDay: null };
const nov = { start: "2026-11-01", end: "2026-11-30" };

describe("budget periods as typed", () => {
  it("knows month and quarter in English and Chinese, any case", () => {
    for (const w of ["month", "Monthly", "月", "每月", "月度", " MONTH "]) expect(parseBudgetPeriod({ period: w }).period, w).toBe("month");
    for (const w of ["quarter", "Quarterly", "季", "季度", "每季度"]) expect(parseBudgetPeriod({ period: w }).period, w).toBe("quarter");
    expect(refusal(() => parseBudgetPeriod({ period: "week" }))).toEqual({ code: "kpi.budget_bad_period", params: { value: "week" } });
  });
  it("refuses a period mixed with days, half a span, a bad day and a reversed span", () => {
    expect(refusal(() => parseBudgetPeriod({ period: "month", from: "2026-11-01" }))).toEqual({ code: "kpi.budget_period_mixed", params: {} });
    expect(refusal(() => parseBudgetPeriod({ period: "month", to: "2026-11-30" }))).toEqual({ code: "kpi.budget_period_mixed", params: {} });
    expect(refusal(() => parseBudgetPeriod({ from: "2026-11-01" }))).toEqual({ code: "kpi.budget_half_span", params: {} });
    expect(refusal(() => parseBudgetPeriod({ to: "2026-11-30" }))).toEqual({ code: "kpi.budget_half_span", params: {} });
    expect(refusal(() => parseBudgetPeriod({ from: "someday", to: "2026-11-30" }))).toEqual({ code: "kpi.bad_day", params: { value: "someday" } });
    expect(refusal(() => parseBudgetPeriod({ from: "2026-11-30", to: "2026-11-01" }))).toEqual({ code: "kpi.budget_reversed", params: { from: "2026-11-30", to: "2026-11-01" } });
  });
  it("takes a one-day span and days written with slashes and spaces", () => {
    expect(parseBudgetPeriod({ from: " 2026/11/05 ", to: "2026/11/05" })).toEqual({ period: "custom", startDay: "2026-11-05", endDay: "2026-11-05" });
  });
});

describe("budget status at its edges", () => {
  it("shows the share used, 0 for a zero amount", () => {
    expect(budgetStatus(month, nov, 2_500, "2026-11-10").share).toBe(0.25);
    expect(budgetStatus({ ...month, amount: 0 }, nov, 0, "2026-11-10").share).toBe(0);
  });
  it("counts days past the period's end as its last day: the whole period gone, nothing left to pace", () => {
    const after = budgetStatus(month, nov, 9_000, "2026-12-03");
    expect([after.elapsed, after.total, after.projected, after.crossed]).toEqual([30, 30, 9_000, ["used_80"]]);
    // The day before the last: pace still speaks (9,000 over 29 days projects 9,310; 9,700 projects 10,034).
    expect(budgetStatus(month, nov, 9_700, "2026-11-29").crossed).toEqual(["used_80", "pace"]);
  });
  it("re-arms the 100 % line only 5 % below the amount, and the pace line once the amount is used up", () => {
    const at = (used: number, through = "2026-11-29") => budgetStatus(month, nov, used, through);
    expect(rearmed("used_100", at(9_500), 10_000)).toBe(false);
    expect(rearmed("used_100", at(9_499), 10_000)).toBe(true);
    expect(rearmed("used_80", at(7_600), 10_000)).toBe(false); // exactly 5 % below 8,000
    expect(rearmed("pace", at(3_000, "2026-11-02"), 10_000)).toBe(true); // no projection yet
    expect(rearmed("pace", at(10_000, "2026-11-10"), 10_000)).toBe(true); // the 100 % line speaks now
    expect(rearmed("pace", at(3_166.67, "2026-11-10"), 10_000)).toBe(false); // projects 9,500.01
  });
});

describe("budget edges a manager meets", () => {
  it("re-arms the pace line only once the projection is below 95 % of the amount, not at it", () => {
    // 15 of 30 days gone: 4,750 projects exactly 9,500; 4,749.5 projects 9,499.
    expect(rearmed("pace", budgetStatus(month, nov, 4_750, "2026-11-15"), 10_000)).toBe(false);
    expect(rearmed("pace", budgetStatus(month, nov, 4_749.5, "2026-11-15"), 10_000)).toBe(true);
  });
  it("reads the end day with spaces around it, and names the end day typed when it is not a day", () => {
    expect(parseBudgetPeriod({ from: "2026-11-01", to: " 2026/11/30 " })).toEqual({ period: "custom", startDay: "2026-11-01", endDay: "2026-11-30" });
    expect(refusal(() => parseBudgetPeriod({ from: "2026-11-01", to: "month end" }))).toEqual({ code: "kpi.bad_day", params: { value: "month end" } });
  });
});
