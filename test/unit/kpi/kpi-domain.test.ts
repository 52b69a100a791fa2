// KPI maths: catalogue, values, pace, unusual moves, sparklines and the digest schedule.
import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "../../../src/domain/calendar/business-calendar.js";
import { AppError } from "../../../src/domain/errors.js";
import { changeOf, checkEndDay, digestRunKey, dueSlot, expectedOn, findMetric, goalValue, nextSendInstant, paceOf, parseGoal, parseMetricDay, parseMetricValue, parseStoredMetric, sparkline, unusualMove } from "../../../src/domain/kpi/index.js";

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return "no error";
};

describe("catalogue and values", () => {
  it("finds metrics by code, English and Chinese names", () => {
    expect(findMetric("阅读量")).toBe("reads");
    expect(findMetric("New Followers")).toBe("new_followers");
    expect(findMetric("互动率")).toBe("interaction_rate");
  });
  it("refuses unknown, derived and bot metrics for storage", () => {
    expect(codeOf(() => parseStoredMetric("karma"))).toBe("kpi.unknown_metric");
    expect(codeOf(() => parseStoredMetric("互动率"))).toBe("kpi.derived_metric");
    expect(codeOf(() => parseStoredMetric("reviews_overdue"))).toBe("kpi.bot_metric");
  });
  it("reads numbers as exports write them", () => {
    expect(parseMetricValue("12,345")).toBe(12345);
    expect(parseMetricValue("1.2万")).toBe(12000);
    expect(parseMetricValue("3.4%")).toBe(0.034);
    expect(parseMetricValue("１２")).toBe(12);
    expect(codeOf(() => parseMetricValue("lots"))).toBe("kpi.bad_value");
    expect(codeOf(() => parseMetricValue("NaN"))).toBe("kpi.bad_value");
  });
  it("defaults the day to yesterday and refuses the future", () => {
    expect(parseMetricDay(undefined, "2026-11-26")).toBe("2026-11-25");
    expect(parseMetricDay("2026/11/3", "2026-11-26")).toBe("2026-11-03");
    expect(codeOf(() => parseMetricDay("2026-11-27", "2026-11-26"))).toBe("kpi.future_day");
    expect(codeOf(() => parseMetricDay("2026-02-30", "2026-11-26"))).toBe("kpi.bad_day");
  });
});

describe("pace", () => {
  const t = { baseline: 100_000, goal: 130_000, startDay: "2026-06-01", endDay: "2026-12-01", shape: "linear" as const };
  it("expects a straight line from baseline to goal", () => {
    expect(expectedOn(t, "2026-06-01")).toBe(100_000);
    expect(expectedOn(t, "2026-12-01")).toBe(130_000);
    expect(expectedOn(t, "2026-09-01")).toBeCloseTo(100_000 + 30_000 * (92 / 183), 6);
  });
  it("says behind by how much and projects the end value", () => {
    const p = paceOf(t, 110_000, "2026-09-01");
    expect(p.status).toBe("behind");
    expect(p.gap).toBeCloseTo((110_000 - p.expected) / p.expected, 9);
    expect(p.projected).toBeCloseTo(100_000 + 10_000 * (183 / 92), 6);
  });
  it("on pace within the tolerance, ahead beyond it, reached at the goal", () => {
    expect(paceOf(t, expectedOn(t, "2026-09-01") * 1.01, "2026-09-01").status).toBe("on_pace");
    expect(paceOf(t, 125_000, "2026-09-01").status).toBe("ahead");
    expect(paceOf(t, 131_000, "2026-09-01").status).toBe("reached");
  });
  it("handles a falling goal (fewer unfollows): lower is good", () => {
    const down = { ...t, baseline: 100, goal: 80 };
    expect(paceOf(down, 85, "2026-09-01").status).toBe("ahead");
    expect(paceOf(down, 99, "2026-09-01").status).toBe("behind");
  });
  it("parses goals and checks end days", () => {
    expect(goalValue(parseGoal("+30%"), 200)).toBeCloseTo(260, 9);
    expect(goalValue(parseGoal("5万"), 200)).toBe(50_000);
    expect(codeOf(() => parseGoal("+0%"))).toBe("kpi.bad_goal");
    expect(codeOf(() => parseGoal("more"))).toBe("kpi.bad_goal");
    expect(checkEndDay("2027-05-31", "2026-11-26")).toBe("2027-05-31");
    expect(codeOf(() => checkEndDay("2026-11-26", "2026-11-26"))).toBe("kpi.bad_end_day");
    expect(codeOf(() => checkEndDay("2027-02-30", "2026-11-26"))).toBe("kpi.bad_end_day");
    expect(codeOf(() => checkEndDay("2030-01-01", "2026-11-26"))).toBe("kpi.bad_end_day");
  });
});

describe("unusual moves", () => {
  const history = [100, 104, 98, 101, 97, 103, 99, 102, 100, 96, 105, 100, 98, 101];
  it("flags a jump beyond the robust threshold and not ordinary noise", () => {
    expect(unusualMove(160, history)?.direction).toBe("up");
    expect(unusualMove(40, history)?.direction).toBe("down");
    expect(unusualMove(106, history)).toBeUndefined();
  });
  it("is not fooled by one earlier outlier (median/MAD, not mean/sd)", () => {
    expect(unusualMove(160, [...history, 5000])?.direction).toBe("up");
  });
  it("ignores gaps and says nothing with too little history", () => {
    expect(unusualMove(500, [100, null, null, 100, 100])).toBeUndefined();
    expect(unusualMove(500, [100, 100, 100, 100, 100, 100, 100, null])?.direction).toBe("up");
    expect(unusualMove(120, [100, 100, 100, 100, 100, 100, 100])).toBeUndefined();
  });
});

describe("sparkline and arrows", () => {
  it("draws eight levels and a gap as a space, never as the lowest bar", () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([1, null, 3])).toBe("▁ █");
    expect(sparkline([null, null])).toBe("  ");
    expect(sparkline([5, 5])).toBe("▄▄");
  });
  it("gives arrows with the relative change, none when a side is missing", () => {
    expect(changeOf(110, 100)).toEqual({ arrow: "▲", ratio: 0.1 });
    expect(changeOf(90, 100)?.arrow).toBe("▼");
    expect(changeOf(100.2, 100)?.arrow).toBe("→");
    expect(changeOf(null, 100)).toBeUndefined();
  });
});

describe("digest schedule", () => {
  const cal = buildBusinessCalendar({ zone: "Asia/Shanghai" });
  const sub = { id: "s1", sendTime: "09:00", timezone: "Asia/Shanghai", workdaysOnly: true, createdAt: new Date("2026-09-01T00:00:00Z") };
  it("is due once its local time has passed, with a deterministic run key", () => {
    expect(dueSlot(sub, cal, new Date("2026-11-26T00:59:00Z"))).toBeUndefined();
    expect(dueSlot(sub, cal, new Date("2026-11-26T01:00:00Z"))).toEqual({ localDay: "2026-11-26", runKey: "kpi.digest:s1:2026-11-26", at: new Date("2026-11-26T01:00:00Z") });
    expect(digestRunKey("s1", "2026-11-26")).toBe("kpi.digest:s1:2026-11-26");
  });
  it("reads the time in the subscription's zone (London, winter and summer)", () => {
    const london = { ...sub, timezone: "Europe/London" };
    expect(dueSlot(london, cal, new Date("2026-11-26T08:59:00Z"))).toBeUndefined();
    expect(dueSlot(london, cal, new Date("2026-11-26T09:00:00Z"))?.runKey).toBe("kpi.digest:s1:2026-11-26");
    expect(dueSlot({ ...london, createdAt: new Date("2026-01-01T00:00:00Z") }, cal, new Date("2026-06-02T08:00:00Z"))?.localDay).toBe("2026-06-02");
  });
  it("skips National Day and weekends, sends on the make-up Saturday", () => {
    expect(dueSlot(sub, cal, new Date("2026-10-01T03:00:00Z"))).toBeUndefined();
    expect(dueSlot(sub, cal, new Date("2026-10-03T03:00:00Z"))).toBeUndefined();
    expect(dueSlot(sub, cal, new Date("2026-10-10T03:00:00Z"))?.localDay).toBe("2026-10-10");
    expect(dueSlot({ ...sub, workdaysOnly: false }, cal, new Date("2026-10-01T03:00:00Z"))?.localDay).toBe("2026-10-01");
  });
  it("never sends a slot older than the subscription, and finds the next one after a holiday", () => {
    expect(dueSlot({ ...sub, createdAt: new Date("2026-11-26T02:00:00Z") }, cal, new Date("2026-11-26T03:00:00Z"))).toBeUndefined();
    expect(nextSendInstant(sub, cal, new Date("2026-09-30T02:00:00Z"))).toEqual(new Date("2026-10-08T01:00:00Z"));
  });
});
