import { describe, expect, it } from "vitest";
import { dueEvents, minutesLeft, nextReminderAt, overridesQuietHours, quietUntil, urgencyOf, type SlaSchedule } from "../../../src/domain/sla/index.js";
import { cn } from "../calendar/calendars.js";

const d = (iso: string) => new Date(iso);
const s: SlaSchedule = {
  dueAt: d("2026-11-30T09:00:00Z"),
  deadlineAt: d("2026-11-30T09:00:00Z"),
  warnings: [d("2026-11-30T03:30:00Z"), d("2026-11-30T07:24:00Z")],
  escalations: [d("2026-11-30T09:00:00Z"), d("2026-12-01T02:00:00Z")],
  coverageGap: [],
};

describe("reminder timetable", () => {
  it("walks warnings, breach, then each escalation step once", () => {
    let st = { warningsSent: 0, stage: 0 };
    expect(nextReminderAt(s, st)?.toISOString()).toBe("2026-11-30T03:30:00.000Z");
    let r = dueEvents(s, st, d("2026-11-30T03:30:00Z"));
    expect(r.events.map((e) => e.type)).toEqual(["warn"]);
    st = r.state;
    expect(nextReminderAt(s, st)?.toISOString()).toBe("2026-11-30T07:24:00.000Z");
    expect(dueEvents(s, st, d("2026-11-30T05:00:00Z")).events).toEqual([]);
    r = dueEvents(s, st, d("2026-11-30T09:00:00Z"));
    // The second warning was missed by the breach: not sent; breach and the 0-minute step come together.
    expect(r.events.map((e) => e.type)).toEqual(["breach", "escalate"]);
    st = r.state;
    expect(st).toEqual({ warningsSent: 2, stage: 2 });
    expect(nextReminderAt(s, st)?.toISOString()).toBe("2026-12-01T02:00:00.000Z");
    r = dueEvents(s, st, d("2026-12-02T00:00:00Z"));
    expect(r.events).toEqual([{ type: "escalate", step: 1, at: d("2026-12-01T02:00:00Z") }]);
    expect(nextReminderAt(s, r.state)).toBeNull();
    expect(dueEvents(s, r.state, d("2026-12-09T00:00:00Z")).events).toEqual([]);
  });

  it("collapses several missed warnings into the latest", () => {
    const r = dueEvents(s, { warningsSent: 0, stage: 0 }, d("2026-11-30T08:00:00Z"));
    expect(r.events).toEqual([{ type: "warn", index: 1, at: d("2026-11-30T07:24:00Z") }]);
    expect(r.state).toEqual({ warningsSent: 2, stage: 0 });
  });
});

describe("urgency", () => {
  const w: SlaSchedule = { ...s, windowEndsAt: d("2026-11-29T09:00:00Z"), deadlineAt: d("2026-11-29T09:00:00Z"), warnings: [] };
  it("flags an item close to its platform window as urgent, then says the window closed", () => {
    expect(urgencyOf(w, d("2026-11-28T09:00:00Z"))).toBe("ok");
    expect(urgencyOf(w, d("2026-11-29T04:00:00Z"))).toBe("urgent");
    expect(urgencyOf(w, d("2026-11-29T09:00:00Z"))).toBe("window_closed");
  });
  it("tells due-soon from breached on a plain item", () => {
    expect(urgencyOf(s, d("2026-11-30T08:00:00Z"))).toBe("due_soon");
    expect(urgencyOf(s, d("2026-11-30T09:00:00Z"))).toBe("breached");
  });
});

describe("quiet hours", () => {
  it("holds reminders from 22:00 to 08:00 on the person's own clock", () => {
    expect(quietUntil(d("2026-11-26T15:00:00Z"), "Asia/Shanghai")?.toISOString()).toBe("2026-11-27T00:00:00.000Z"); // 23:00 → 08:00
    expect(quietUntil(d("2026-11-26T23:00:00Z"), "Asia/Shanghai")?.toISOString()).toBe("2026-11-27T00:00:00.000Z"); // 07:00 → 08:00
    expect(quietUntil(d("2026-11-26T04:00:00Z"), "Asia/Shanghai")).toBeUndefined();
    // London after the autumn change: 23:00 GMT → 08:00 GMT.
    expect(quietUntil(d("2026-10-26T23:00:00Z"), "Europe/London")?.toISOString()).toBe("2026-10-27T08:00:00.000Z");
  });
  it("lets only complaint breaches through", () => {
    const breach = [{ type: "breach" as const, at: d("2026-11-30T09:00:00Z") }];
    expect(overridesQuietHours("complaint", breach)).toBe(true);
    expect(overridesQuietHours("comment", breach)).toBe(false);
    expect(overridesQuietHours("complaint", [{ type: "warn", index: 0, at: d("2026-11-30T09:00:00Z") }])).toBe(false);
  });
});

describe("minutes left on a card", () => {
  // Friday 2026-11-27 17:30 Shanghai, a deadline of Monday 10:00 set by working time: 60 + 60 working minutes,
  // not the 2 days 16.5 hours on the wall clock, so the card never says "days left" beside "due soon".
  const friday = d("2026-11-27T09:30:00Z");
  const working: SlaSchedule = { dueAt: d("2026-11-30T02:00:00Z"), deadlineAt: d("2026-11-30T02:00:00Z"), warnings: [], escalations: [], coverageGap: [] };
  it("counts working minutes when the policy's target set the deadline, both before and after it", () => {
    expect(minutesLeft(cn, working, friday)).toBe(120);
    expect(minutesLeft(cn, working, d("2026-11-30T05:30:00Z"))).toBe(-120); // Monday 13:30: 10:00-12:00 overdue
  });
  it("counts wall-clock minutes when the platform's reply window set it", () => {
    const window: SlaSchedule = { ...working, dueAt: d("2026-12-01T02:00:00Z"), windowEndsAt: d("2026-11-30T02:00:00Z") };
    expect(minutesLeft(cn, window, friday)).toBe(3870);
  });
});
