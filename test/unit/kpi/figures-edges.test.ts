// Figures at their edges: a day before the grid, a level read from platform totals only, the 28-day look-back of
// a level, the 7-day average a target tracks, a rate whose denominator is 0, and a series of figures in day order
// (figures.test.ts has the ordinary cases).
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/calendar/local-day.js";
import { completeSeries, dayFigure, figureSeries, trackedFigure } from "../../../src/domain/kpi/figures.js";
import { MetricGrid } from "../../../src/domain/kpi/grid.js";

const TO = "2026-11-25";
const FROM = addDays(TO, -40);
const NONE = { value: null, late: [], partial: false };

/** Platform totals per day offset from TO (0 = TO): [platform, metric, offset, total, accounts]. */
function totals(rows: [string, string, number, number, number][]): MetricGrid {
  const g = new MetricGrid(FROM, TO);
  for (const [p, m, off, total, n] of rows) g.add(p, m, addDays(TO, off), total, n);
  return g;
}
const days = (p: string, m: string, value: (off: number) => number, from: number, to: number): [string, string, number, number, number][] =>
  Array.from({ length: to - from + 1 }, (_, k) => [p, m, from + k, value(from + k), 1]);

describe("figure edges", () => {
  const g = totals(days("douyin", "reads", (off) => 1_000 + off, -40, 0));
  const last = g.indexOf(TO);

  it("has no figure before the grid's first day, and a figure on it", () => {
    expect(dayFigure(g, ["douyin"], "reads", -1)).toEqual(NONE);
    expect(trackedFigure(g, ["douyin"], "reads", -1)).toEqual(NONE);
    expect(dayFigure(g, ["douyin"], "reads", 0).value).toBe(960);
    expect(trackedFigure(g, ["douyin"], "reads", 0).value).toBe(960);
    expect(g.indexOf("2026-01-01")).toBe(-1);
  });

  it("tracks a count as the average of the 7 days to the day", () => {
    // 994 … 1,000: average 997.
    expect(trackedFigure(g, ["douyin"], "reads", last)).toEqual({ value: 997, late: [], partial: false });
    // On the grid's second day only two days exist: 960 and 961.
    expect(trackedFigure(g, ["douyin"], "reads", 1).value).toBe(960.5);
  });

  it("lists figures oldest first, one per day", () => {
    expect(figureSeries(g, ["douyin"], "reads", last, 3).map((f) => f.value)).toEqual([998, 999, 1_000]);
    expect(figureSeries(g, ["douyin"], "reads", last, 3, trackedFigure).map((f) => f.value)).toEqual([995, 996, 997]);
  });

  it("reads a level from platform totals when no account's values were read, complete days only", () => {
    const levels = totals([...days("weibo", "followers", () => 5_000, -10, -1), ["weibo", "followers", 0, 2_000, 1]]);
    const i = levels.indexOf(TO);
    expect(dayFigure(levels, ["weibo"], "followers", i)).toEqual({ value: 2_000, late: [], partial: false });
    expect(trackedFigure(levels, ["weibo"], "followers", i).value).toBe(2_000);
    // The next day has not arrived: no figure, and the platform is named as late.
    const missing = totals(days("weibo", "followers", () => 5_000, -10, -1));
    expect(dayFigure(missing, ["weibo"], "followers", i)).toEqual({ value: null, late: [{ platform: "weibo" }], partial: false });
    // Two accounts usually, one today: not complete, so not passed off as the level.
    const half = totals([...days("weibo", "followers", () => 5_000, -10, -1).map(([p, m, off, v]) => [p, m, off, v, 2] as [string, string, number, number, number]), ["weibo", "followers", 0, 2_600, 1]]);
    expect(dayFigure(half, ["weibo"], "followers", i)).toEqual({ value: null, late: [{ platform: "weibo" }], partial: false });
  });

  it("counts an account's level up to 28 days old, not older", () => {
    const level = (age: number) => {
      const lg = new MetricGrid(FROM, TO);
      lg.addAccount("douyin", "a", "followers", TO, 100);
      lg.addAccount("douyin", "b", "followers", addDays(TO, -age), 50);
      return dayFigure(lg, ["douyin"], "followers", lg.indexOf(TO));
    };
    expect(level(28)).toEqual({ value: 150, late: [{ platform: "douyin", asOf: addDays(TO, -28) }], partial: false });
    expect(level(29)).toEqual({ value: 100, late: [], partial: false });
  });

  it("gives no rate when its denominator is 0, and a gap in the series for moves", () => {
    const r = totals([...days("douyin", "reads", (off) => (off === 0 ? 0 : 100), -3, 0), ...days("douyin", "likes", () => 5, -3, 0)]);
    const i = r.indexOf(TO);
    expect(dayFigure(r, ["douyin"], "interaction_rate", i).value).toBeNull();
    expect(dayFigure(r, ["douyin"], "interaction_rate", i - 1).value).toBe(0.05);
    expect(completeSeries(r, "douyin", "interaction_rate").slice(-2)).toEqual([0.05, null]);
    expect(completeSeries(r, "douyin", "reads").slice(-2)).toEqual([100, 0]);
  });
});
