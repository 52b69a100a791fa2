// The stored-values grid, the digest's send slots and its sparklines at their edges: values outside the window or
// from no account, platforms listed in order, a subscription created on the minute of its slot, the next digest
// asked for on the minute one goes out, and a sparkline whose lowest value is far from 0 with a gap in it.
import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "../../../src/domain/calendar/business-calendar.js";
import { dueSlot, nextSendInstant, sparkline } from "../../../src/domain/kpi/index.js";
import { MetricGrid } from "../../../src/domain/kpi/grid.js";

describe("the grid of stored values", () => {
  it("keeps each metric of a platform, ignores days outside its window and groups of no account", () => {
    const g = new MetricGrid("2026-11-20", "2026-11-25");
    g.add("weibo", "reads", "2026-11-25", 100, 1);
    g.add("weibo", "likes", "2026-11-25", 7, 1);
    g.add("weibo", "reads", "2026-11-25", 50, 1); // a second account
    g.add("weibo", "reads", "2026-11-19", 999, 1); // before the window
    g.add("weibo", "reads", "2026-11-24", 999, 0); // no account: nothing
    const reads = g.slots("weibo", "reads")!;
    expect([...reads.sum]).toEqual([0, 0, 0, 0, 0, 150]);
    expect([...reads.count]).toEqual([0, 0, 0, 0, 0, 2]);
    expect([...g.slots("weibo", "likes")!.sum]).toEqual([0, 0, 0, 0, 0, 7]);
    expect(g.slots("weibo", "follows")).toBeUndefined();
    expect(g.slots("douyin", "reads")).toBeUndefined();
  });
  it("lists platforms with data in order, and keeps account values only within the window", () => {
    const g = new MetricGrid("2026-11-20", "2026-11-25");
    for (const p of ["weibo", "douyin", "xiaohongshu"]) g.add(p, "reads", "2026-11-25", 1, 1);
    expect(g.platforms()).toEqual(["douyin", "weibo", "xiaohongshu"]);
    g.addAccount("weibo", "main", "followers", "2026-11-20", 500);
    g.addAccount("weibo", "main", "followers", "2026-11-26", 999); // after the window
    expect([...g.accounts("weibo", "followers")!.get("main")!]).toEqual([500, NaN, NaN, NaN, NaN, NaN]);
  });
});

describe("digest send slots on the minute", () => {
  const cal = buildBusinessCalendar({ zone: "Asia/Shanghai" });
  const sub = { id: "s1", sendTime: "09:00", timezone: "Asia/Shanghai", workdaysOnly: true, createdAt: new Date("2026-09-01T00:00:00Z") };
  it("sends today's slot for a subscription created on that very minute", () => {
    const at = new Date("2026-11-26T01:00:00Z"); // Thursday 09:00 in Shanghai
    expect(dueSlot({ ...sub, createdAt: at }, cal, new Date("2026-11-26T01:05:00Z"))?.at).toEqual(at);
  });
  it("names the next working day's slot when asked on the minute today's goes out", () => {
    expect(nextSendInstant(sub, cal, new Date("2026-11-26T01:00:00Z"))).toEqual(new Date("2026-11-27T01:00:00Z"));
    expect(nextSendInstant(sub, cal, new Date("2026-11-26T00:59:00Z"))).toEqual(new Date("2026-11-26T01:00:00Z"));
  });
});

describe("sparklines with a gap", () => {
  it("scale from the lowest known value, not from 0, and leave the gap blank", () => {
    expect(sparkline([null, 10, 15, 20])).toBe(" ▁▅█");
  });
});
