// How values of several accounts and platforms combine into one figure: counts add, levels add each account's
// latest value, ratios are recomputed from their parts; a late platform is named and the total marked partial.
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/calendar/local-day.js";
import { completeSeries, dayFigure, trackedFigure } from "../../../src/domain/kpi/figures.js";
import { MetricGrid } from "../../../src/domain/kpi/grid.js";

const TO = "2026-11-25";
const FROM = addDays(TO, -20);

/** A grid from rows [platform, account, metric, day offset from TO (0 = TO), value]. */
function grid(rows: [string, string, string, number, number][], levels: string[] = ["followers"]): MetricGrid {
  const g = new MetricGrid(FROM, TO);
  const sums = new Map<string, { total: number; n: number }>();
  for (const [p, a, m, off, v] of rows) {
    const key = `${p}|${m}|${addDays(TO, off)}`;
    const s = sums.get(key) ?? { total: 0, n: 0 };
    sums.set(key, { total: s.total + v, n: s.n + 1 });
    if (levels.includes(m)) g.addAccount(p, a, m, addDays(TO, off), v);
  }
  for (const [key, s] of sums) {
    const [p, m, d] = key.split("|") as [string, string, string];
    g.add(p, m, d, s.total, s.n);
  }
  return g;
}

/** `days` days ending `end` days before TO of one value per day. */
function daily(p: string, a: string, m: string, value: (off: number) => number, days = 14, end = 0): [string, string, string, number, number][] {
  return Array.from({ length: days }, (_, k) => [p, a, m, end - k, value(end - k)] as [string, string, string, number, number]);
}

const last = (g: MetricGrid) => g.indexOf(TO);

describe("counts", () => {
  const g = grid([...daily("douyin", "main", "reads", () => 10_000), ...daily("weibo", "main", "reads", () => 2_000, 13, -1)]);
  it("add up, and a total without a late platform is partial and names it", () => {
    expect(dayFigure(g, ["douyin", "weibo"], "reads", last(g))).toEqual({ value: 10_000, late: [{ platform: "weibo" }], partial: true });
    expect(dayFigure(g, ["douyin", "weibo"], "reads", last(g) - 1)).toEqual({ value: 12_000, late: [], partial: false });
  });
  it("track a daily average per platform over its own days, so a late day lowers nothing", () => {
    expect(trackedFigure(g, ["douyin", "weibo"], "reads", last(g))).toEqual({ value: 12_000, late: [{ platform: "weibo" }], partial: false });
  });
  it("are not late before a platform ever reported, nor a week after it stopped", () => {
    const g2 = grid([...daily("douyin", "main", "reads", () => 10_000), ["kuaishou", "main", "reads", 0, 500], ...daily("weibo", "main", "reads", () => 2_000, 5, -8)]);
    expect(dayFigure(g2, ["douyin", "kuaishou", "weibo"], "reads", last(g2))).toEqual({ value: 10_500, late: [], partial: false });
  });
  it("of a platform with one of two accounts in are partial, and a gap in its series for moves", () => {
    const g3 = grid([...daily("douyin", "a", "reads", () => 10_000), ...daily("douyin", "b", "reads", () => 5_000, 13, -1)]);
    expect(dayFigure(g3, ["douyin"], "reads", last(g3))).toEqual({ value: 10_000, late: [{ platform: "douyin" }], partial: true });
    expect(completeSeries(g3, "douyin", "reads").slice(-2)).toEqual([15_000, null]);
  });
});

describe("levels", () => {
  it("add each account's latest value, saying which is older", () => {
    const g = grid([
      ...daily("douyin", "a", "followers", (off) => 50_000 + off),
      ...daily("douyin", "b", "followers", (off) => 8_000 + off, 12, -2),
      ...daily("weibo", "main", "followers", (off) => 20_000 + off, 13, -1),
    ]);
    expect(dayFigure(g, ["douyin", "weibo"], "followers", last(g))).toEqual({
      value: 50_000 + 8_000 - 2 + 20_000 - 1,
      late: [{ platform: "douyin", asOf: "2026-11-23" }, { platform: "weibo", asOf: "2026-11-24" }],
      partial: false,
    });
    // A platform's own row shows only its own day's figure.
    expect(dayFigure(g, ["weibo"], "followers", last(g), false)).toEqual({ value: null, late: [{ platform: "weibo" }], partial: false });
  });
});

describe("ratios", () => {
  const parts = (p: string, reads: number, likes: number, comments: number, end = 0, days = 14) => [
    ...daily(p, "main", "reads", () => reads, days, end),
    ...daily(p, "main", "likes", () => likes, days, end),
    ...daily(p, "main", "comments", () => comments, days, end),
  ];
  it("are recomputed from the parts over the scope, never added or averaged", () => {
    const g = grid([...parts("douyin", 10_000, 400, 100), ...parts("weibo", 2_000, 300, 100)]);
    // 5% and 20%: added 25%, averaged 12.5%, recomputed 900 / 12,000 = 7.5%.
    expect(dayFigure(g, ["douyin", "weibo"], "interaction_rate", last(g)).value).toBeCloseTo(0.075, 12);
    expect(trackedFigure(g, ["douyin", "weibo"], "interaction_rate", last(g)).value).toBeCloseTo(0.075, 12);
  });
  it("leave out a late platform, marked, and count a part a platform never reports as 0", () => {
    const g = grid([...parts("douyin", 10_000, 400, 100), ...parts("weibo", 2_000, 300, 100, -1, 13)]);
    expect(dayFigure(g, ["douyin", "weibo"], "interaction_rate", last(g))).toEqual({ value: 0.05, late: [{ platform: "weibo" }], partial: true });
  });
  it("are late when a usual part has not arrived yet", () => {
    const g = grid([...daily("douyin", "main", "reads", () => 10_000), ...daily("douyin", "main", "likes", () => 500, 13, -1)]);
    expect(dayFigure(g, ["douyin"], "interaction_rate", last(g))).toEqual({ value: null, late: [{ platform: "douyin" }], partial: false });
    expect(dayFigure(g, ["douyin"], "interaction_rate", last(g) - 1).value).toBeCloseTo(0.05, 12);
  });
});
