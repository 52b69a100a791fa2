// How typed figures, days, goals and fetch windows are read, at their edges: suffixes in either case, decimals,
// signs, full-width text, the words for today and yesterday, the last day a target may end on, the exact 2% band
// of "on pace", and the spans the WeChat pull asks for. kpi-domain.test.ts has the ordinary cases.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import { checkEndDay, goalValue, paceOf, parseGoal, parseMetricDay, parseMetricValue } from "../../../src/domain/kpi/index.js";
import { spansOf, windowDays } from "../../../src/domain/kpi/sources.js";

/** The refusal `f` throws: its code and params, as the person is told them. */
function refusal(f: () => unknown): { code: string; params: Record<string, unknown> } | string {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, params: e.params } : String(e);
  }
  return "no error";
}

describe("figures as typed", () => {
  it("reads suffixes in either case, decimals, signs and spaces", () => {
    expect(parseMetricValue("1.2W")).toBe(12_000);
    expect(parseMetricValue("1.5K")).toBe(1_500);
    expect(parseMetricValue("2亿")).toBe(200_000_000);
    expect(parseMetricValue("12.25%")).toBe(0.1225);
    expect(parseMetricValue("-3")).toBe(-3);
    expect(parseMetricValue("+5")).toBe(5);
    expect(parseMetricValue(" 12 345 ")).toBe(12_345);
    expect(parseMetricValue("１２．５万")).toBe(125_000);
  });
  it("refuses text around a number, half decimals and numbers too large, naming what was typed", () => {
    for (const raw of ["12abc", "abc12", "1.", "1.5x", "1" + "0".repeat(400)]) {
      expect(refusal(() => parseMetricValue(raw)), raw).toEqual({ code: "kpi.bad_value", params: { value: raw } });
    }
  });
});

describe("days as typed", () => {
  const today = "2026-11-26";
  it("knows yesterday and today in both languages and in capitals", () => {
    for (const w of ["", "Yesterday", "昨天", "昨日"]) expect(parseMetricDay(w, today), w).toBe("2026-11-25");
    for (const w of ["TODAY", "今天", "今日"]) expect(parseMetricDay(w, today), w).toBe(today);
  });
  it("pads single-digit months and days, with dots or slashes", () => {
    expect(parseMetricDay("2026.1.5", today)).toBe("2026-01-05");
    expect(parseMetricDay("2026/3/14", today)).toBe("2026-03-14");
  });
  it("accepts today and refuses tomorrow; a bad day names what was typed", () => {
    expect(parseMetricDay("2026-11-26", today)).toBe(today);
    expect(refusal(() => parseMetricDay("2026-11-27", today))).toEqual({ code: "kpi.future_day", params: { value: "2026-11-27", today } });
    expect(refusal(() => parseMetricDay("soon", today))).toEqual({ code: "kpi.bad_day", params: { value: "soon" } });
  });
});

describe("goals and end days", () => {
  it("reads relative goals with their sign, decimals and full-width characters", () => {
    expect(parseGoal("-10%")).toEqual({ kind: "relative", ratio: 0.9 });
    expect(parseGoal("+12.5%")).toEqual({ kind: "relative", ratio: 1.125 });
    expect(parseGoal("＋30％")).toEqual({ kind: "relative", ratio: 1.3 });
    expect(parseGoal("-99.5%")).toEqual({ kind: "relative", ratio: expect.closeTo(0.005, 12) });
    expect(goalValue(parseGoal("-10%"), 200)).toBeCloseTo(180, 9);
  });
  it("refuses -100% and text around a relative goal, naming what was typed", () => {
    for (const raw of ["-100%", "-150%", "x+30%", "+30%x"]) {
      expect(refusal(() => parseGoal(raw)), raw).toEqual({ code: "kpi.bad_goal", params: { value: raw } });
    }
  });
  it("takes an end day up to 731 days ahead, written with slashes too", () => {
    expect(checkEndDay("2028-11-26", "2026-11-26")).toBe("2028-11-26"); // 731 days (2028 is a leap year)
    expect(refusal(() => checkEndDay("2028-11-27", "2026-11-26"))).toEqual({ code: "kpi.bad_end_day", params: { value: "2028-11-27", today: "2026-11-26" } });
    expect(checkEndDay(" 2026/12/01 ", "2026-11-26")).toBe("2026-12-01");
  });
});

describe("pace at its edges", () => {
  const t = { baseline: 100_000, goal: 130_000, startDay: "2026-06-01", endDay: "2026-12-01", shape: "linear" as const };
  it("projects nothing on the first day and counts the share of the period gone by", () => {
    const first = paceOf(t, 101_000, "2026-06-01");
    expect([first.projected, first.elapsed]).toEqual([undefined, 0]);
    expect(paceOf(t, 101_000, "2026-05-20").projected).toBeUndefined();
    expect(paceOf(t, 110_000, "2026-09-01").elapsed).toBeCloseTo(92 / 183, 12);
    expect(paceOf(t, 110_000, "2027-01-01").elapsed).toBe(1);
  });
  it("is on pace within exactly 2% of the line, ahead or behind beyond it, and reached at the goal itself", () => {
    expect(paceOf(t, 102_000, "2026-06-01").status).toBe("on_pace");
    expect(paceOf(t, 98_000, "2026-06-01").status).toBe("on_pace");
    expect(paceOf(t, 102_001, "2026-06-01").status).toBe("ahead");
    expect(paceOf(t, 97_999, "2026-06-01").status).toBe("behind");
    expect(paceOf(t, 130_000, "2026-09-01").status).toBe("reached");
    expect(paceOf(t, 129_999, "2026-12-01").status).toBe("on_pace");
  });
});

describe("goals and days at their edges", () => {
  const today = "2026-11-26";
  it("reads a relative goal with spaces around it and two decimals, and tells an absolute goal from it", () => {
    expect(parseGoal(" +30% ")).toEqual({ kind: "relative", ratio: 1.3 });
    expect(parseGoal("+12.25%")).toEqual({ kind: "relative", ratio: 1.1225 });
    expect(parseGoal("5万")).toEqual({ kind: "absolute", value: 50_000 });
    expect(parseGoal("3.5%")).toEqual({ kind: "absolute", value: 0.035 });
  });
  it("names what was typed and today when an end day is not a day", () => {
    expect(refusal(() => checkEndDay("soon", today))).toEqual({ code: "kpi.bad_end_day", params: { value: "soon", today } });
  });
  it("reads yesterday and a day with spaces around them", () => {
    expect(parseMetricDay(" yesterday ", today)).toBe("2026-11-25");
    expect(parseMetricDay(" 2026-11-20 ", today)).toBe("2026-11-20");
  });
});

describe("pace of a falling goal and of a line from 0", () => {
  it("reaches a falling goal exactly at the goal", () => {
    const fewer = { baseline: 200, goal: 100, startDay: "2026-06-01", endDay: "2026-12-01", shape: "linear" as const };
    expect(paceOf(fewer, 100, "2026-09-01").status).toBe("reached");
    expect(paceOf(fewer, 101, "2026-12-01").status).toBe("on_pace");
  });
  it("is on pace with no gap on the first day of a line starting at 0 (a new account)", () => {
    const fresh = { baseline: 0, goal: 1_000, startDay: "2026-06-01", endDay: "2026-12-01", shape: "linear" as const };
    expect(paceOf(fresh, 0, "2026-06-01")).toMatchObject({ status: "on_pace", expected: 0, gap: 0 });
  });
});

describe("the WeChat pull's days", () => {
  it("are the window's days oldest first, across a month end", () => {
    expect(windowDays("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(windowDays("2026-03-02", 0)).toEqual([]);
  });
  it("are asked for in runs of consecutive days, each at most the platform's span", () => {
    const days = ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-03", "2026-03-04"];
    expect(spansOf(days, 2)).toEqual([["2026-02-27", "2026-02-28"], ["2026-03-01"], ["2026-03-03", "2026-03-04"]]);
    expect(spansOf(days, 7)).toEqual([["2026-02-27", "2026-02-28", "2026-03-01"], ["2026-03-03", "2026-03-04"]]);
    expect(spansOf([], 7)).toEqual([]);
  });
});
