// The figures a manager reads in a digest, at the rules that decide them: a rate over platforms that report only
// some of its parts, a level with a platform that has not reported today, and the tracked figures targets use
// when a day is half reported, late, or without any data (figures.test.ts and figures-edges.test.ts have the
// ordinary cases). Grids are built inside each test, so the code that fills them is tested too.
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/calendar/local-day.js";
import { completeSeries, dayFigure, trackedFigure } from "../../../src/domain/kpi/figures.js";
import { MetricGrid } from "../../../src/domain/kpi/grid.js";

const TO = "2026-11-25";
const FROM = addDays(TO, -20);

/** A grid of platform totals: [platform, metric, value by day offset from TO (0 = TO), first offset, last offset, accounts]. */
function grid(series: [string, string, (off: number) => number, number, number, number?][]): MetricGrid {
  const g = new MetricGrid(FROM, TO);
  for (const [p, m, value, from, to, accounts = 1] of series) for (let off = from; off <= to; off++) g.add(p, m, addDays(TO, off), value(off), accounts);
  return g;
}
const flat = (v: number) => () => v;

describe("rates in a digest", () => {
  it("are whole, not partial, when every platform is in", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["douyin", "likes", flat(500), -13, 0], ["weibo", "reads", flat(2_000), -13, 0], ["weibo", "likes", flat(400), -13, 0]]);
    expect(dayFigure(g, ["douyin", "weibo"], "interaction_rate", g.indexOf(TO))).toEqual({ value: 0.075, late: [], partial: false });
  });

  it("leave out a platform that reports reads but no interaction at all, instead of counting it as 0 %", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["douyin", "likes", flat(500), -13, 0], ["kuaishou", "reads", flat(5_000), -13, 0]]);
    expect(dayFigure(g, ["douyin", "kuaishou"], "interaction_rate", g.indexOf(TO))).toEqual({ value: 0.05, late: [], partial: false });
  });

  it("leave out the interactions of a platform that reports no reads (no denominator, no rate)", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["douyin", "likes", flat(500), -13, 0], ["weibo", "likes", flat(300), -13, 0]]);
    expect(dayFigure(g, ["douyin", "weibo"], "interaction_rate", g.indexOf(TO))).toEqual({ value: 0.05, late: [], partial: false });
  });

  it("leave a gap, not a broken number, in the series for moves on a day a part is late", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["douyin", "likes", flat(500), -13, -1]]);
    expect(completeSeries(g, "douyin", "interaction_rate").slice(-2)).toEqual([0.05, null]);
  });
});

describe("levels in a digest", () => {
  it("are partial when a platform has no figure of its own today (totals only, no account's value to carry)", () => {
    const g = grid([["douyin", "followers", flat(50_000), -13, 0], ["weibo", "followers", flat(20_000), -13, -1]]);
    expect(dayFigure(g, ["douyin", "weibo"], "followers", g.indexOf(TO))).toEqual({ value: 50_000, late: [{ platform: "weibo" }], partial: true });
  });

  it("are no figure, not 0, when each account's latest value is older than 28 days", () => {
    const g = new MetricGrid(FROM, TO);
    g.addAccount("douyin", "main", "followers", FROM, 50_000); // 20 days old: counted
    const old = new MetricGrid(addDays(TO, -40), TO);
    old.addAccount("weibo", "main", "followers", addDays(TO, -29), 20_000);
    expect(dayFigure(g, ["douyin"], "followers", g.indexOf(TO)).value).toBe(50_000);
    expect(dayFigure(old, ["weibo"], "followers", old.indexOf(TO))).toEqual({ value: null, late: [], partial: false });
  });

  it("do not name a platform that never reports the level as late", () => {
    const g = grid([["douyin", "followers", flat(50_000), -13, 0], ["kuaishou", "reads", flat(5_000), -13, 0]]);
    expect(dayFigure(g, ["douyin", "kuaishou"], "followers", g.indexOf(TO))).toEqual({ value: 50_000, late: [], partial: false });
  });
});

describe("tracked figures (what targets follow)", () => {
  it("are no figure, not 0, when the scope has no data", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0]]);
    expect(trackedFigure(g, ["kuaishou"], "reads", g.indexOf(TO))).toEqual({ value: null, late: [], partial: false });
  });

  it("of a count leave out a platform without a complete day in the week", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["weibo", "reads", flat(2_000), -20, -10]]);
    expect(trackedFigure(g, ["douyin", "weibo"], "reads", g.indexOf(TO))).toEqual({ value: 10_000, late: [], partial: false });
  });

  it("of a count average only days every account reported: one account of two in today lowers nothing", () => {
    const g = grid([["douyin", "reads", flat(15_000), -13, -1, 2], ["douyin", "reads", flat(10_000), 0, 0, 1]]);
    expect(trackedFigure(g, ["douyin"], "reads", g.indexOf(TO))).toEqual({ value: 15_000, late: [{ platform: "douyin" }], partial: false });
  });

  it("of a rate take the parts of the seven days to the day itself", () => {
    // Six days at 5 %, today at 12 %: (6 × 500 + 1,200) / 70,000 = 6 %.
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["douyin", "likes", (off) => (off === 0 ? 1_200 : 500), -13, 0]]);
    expect(trackedFigure(g, ["douyin"], "interaction_rate", g.indexOf(TO)).value).toBeCloseTo(0.06, 12);
  });

  it("of a rate name a platform whose one part is late, and use the days it was complete", () => {
    const g = grid([["douyin", "reads", flat(10_000), -13, 0], ["douyin", "likes", flat(500), -13, -1]]);
    expect(trackedFigure(g, ["douyin"], "interaction_rate", g.indexOf(TO))).toEqual({ value: 0.05, late: [{ platform: "douyin" }], partial: false });
  });

  it("of a rate are no figure when its denominator is 0 all week", () => {
    const g = grid([["douyin", "reads", flat(0), -13, 0], ["douyin", "likes", flat(5), -13, 0]]);
    expect(trackedFigure(g, ["douyin"], "interaction_rate", g.indexOf(TO)).value).toBeNull();
  });
});
