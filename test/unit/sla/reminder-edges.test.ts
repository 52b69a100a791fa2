// Reminders at their edges, as a person on the team meets them: quiet hours that start or end on the minute,
// quiet hours within one day or switched off, urgency on the minute a warning, a deadline or a platform window
// is reached, and which events may wake someone at night (reminders.test.ts has the ordinary walk).
import { describe, expect, it } from "vitest";
import { dueEvents, nextReminderAt, overridesQuietHours, quietUntil, urgencyOf, type SlaSchedule } from "../../../src/domain/sla/index.js";

const d = (iso: string) => new Date(iso);
const iso = (x: Date | null | undefined) => x?.toISOString();
const SH = "Asia/Shanghai"; // UTC+8 all year

describe("quiet hours on the minute", () => {
  it("start at 22:00 itself and end at 08:00 itself", () => {
    expect(iso(quietUntil(d("2026-11-26T13:59:00Z"), SH))).toBeUndefined(); // 21:59
    expect(iso(quietUntil(d("2026-11-26T14:00:00Z"), SH))).toBe("2026-11-27T00:00:00.000Z"); // 22:00 → 08:00 next day
    expect(iso(quietUntil(d("2026-11-26T23:59:00Z"), SH))).toBe("2026-11-27T00:00:00.000Z"); // 07:59 → 08:00
    expect(iso(quietUntil(d("2026-11-27T00:00:00Z"), SH))).toBeUndefined(); // 08:00: awake
  });
  it("may lie within one day (a lunch break), start included, end excluded", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(quietUntil(d("2026-11-26T03:59:00Z"), SH, lunch)).toBeUndefined(); // 11:59
    expect(iso(quietUntil(d("2026-11-26T04:00:00Z"), SH, lunch))).toBe("2026-11-26T05:30:00.000Z"); // 12:00 → 13:30
    expect(iso(quietUntil(d("2026-11-26T05:29:00Z"), SH, lunch))).toBe("2026-11-26T05:30:00.000Z");
    expect(quietUntil(d("2026-11-26T05:30:00Z"), SH, lunch)).toBeUndefined(); // 13:30
    expect(quietUntil(d("2026-11-26T15:00:00Z"), SH, lunch)).toBeUndefined(); // 23:00
  });
  it("are off when they start and end at the same time", () => {
    for (const t of ["2026-11-26T14:00:00Z", "2026-11-26T15:00:00Z", "2026-11-26T04:00:00Z"]) {
      expect(quietUntil(d(t), SH, { start: "22:00", end: "22:00" }), t).toBeUndefined();
    }
  });
});

describe("what may wake someone in quiet hours", () => {
  const at = d("2026-11-30T09:00:00Z");
  it("a complaint's escalation as well as its breach, even beside a warning; never a warning alone", () => {
    expect(overridesQuietHours("complaint", [{ type: "escalate", step: 1, at }])).toBe(true);
    expect(overridesQuietHours("complaint", [{ type: "warn", index: 0, at }, { type: "breach", at }])).toBe(true);
    expect(overridesQuietHours("complaint", [])).toBe(false);
  });
  it("nothing about a direct message or a comment", () => {
    expect(overridesQuietHours("dm", [{ type: "breach", at }, { type: "escalate", step: 0, at }])).toBe(false);
  });
});

describe("urgency on the minute", () => {
  const plain: SlaSchedule = {
    dueAt: d("2026-11-30T09:00:00Z"),
    deadlineAt: d("2026-11-30T09:00:00Z"),
    warnings: [d("2026-11-30T03:30:00Z"), d("2026-11-30T07:24:00Z")],
    escalations: [],
    coverageGap: [],
  };
  it("is due soon from the last warning on, not the first", () => {
    expect(urgencyOf(plain, d("2026-11-30T07:23:00Z"))).toBe("ok");
    expect(urgencyOf(plain, d("2026-11-30T07:24:00Z"))).toBe("due_soon");
    expect(urgencyOf(plain, d("2026-11-30T08:59:00Z"))).toBe("due_soon");
  });
  it("stays ok without warnings until the deadline", () => {
    expect(urgencyOf({ ...plain, warnings: [] }, d("2026-11-30T08:59:00Z"))).toBe("ok");
  });
  const window: SlaSchedule = { ...plain, windowEndsAt: d("2026-11-29T09:00:00Z"), deadlineAt: d("2026-11-29T09:00:00Z"), warnings: [] };
  it("is urgent from exactly 6 hours before a platform window closes", () => {
    expect(urgencyOf(window, d("2026-11-29T02:59:00Z"))).toBe("ok");
    expect(urgencyOf(window, d("2026-11-29T03:00:00Z"))).toBe("urgent");
  });
  it("says the window closed rather than breached once it has, even when the policy's deadline was earlier", () => {
    const early = { ...window, deadlineAt: d("2026-11-29T05:00:00Z") };
    expect(urgencyOf(early, d("2026-11-29T05:00:00Z"))).toBe("breached");
    expect(urgencyOf(early, d("2026-11-29T09:00:00Z"))).toBe("window_closed");
  });
});

describe("the timetable on the minute", () => {
  const s: SlaSchedule = {
    dueAt: d("2026-11-30T09:00:00Z"),
    deadlineAt: d("2026-11-30T09:00:00Z"),
    warnings: [d("2026-11-30T03:30:00Z")],
    escalations: [d("2026-11-30T10:00:00Z"), d("2026-11-30T12:00:00Z")],
    coverageGap: [],
  };
  it("waits for the deadline once every warning is out, breaches on it, then escalates each step on its minute", () => {
    expect(iso(nextReminderAt(s, { warningsSent: 1, stage: 0 }))).toBe("2026-11-30T09:00:00.000Z");
    expect(dueEvents(s, { warningsSent: 1, stage: 0 }, d("2026-11-30T08:59:59Z")).events).toEqual([]);
    const breach = dueEvents(s, { warningsSent: 1, stage: 0 }, d("2026-11-30T09:00:00Z"));
    expect(breach).toEqual({ events: [{ type: "breach", at: s.deadlineAt }], state: { warningsSent: 1, stage: 1 } });
    expect(iso(nextReminderAt(s, breach.state))).toBe("2026-11-30T10:00:00.000Z");
    expect(dueEvents(s, breach.state, d("2026-11-30T09:59:59Z")).events).toEqual([]);
    const first = dueEvents(s, breach.state, d("2026-11-30T10:00:00Z"));
    expect(first).toEqual({ events: [{ type: "escalate", step: 0, at: d("2026-11-30T10:00:00Z") }], state: { warningsSent: 1, stage: 2 } });
  });
  it("after a long outage sends no warning, only the breach and every step due, once each", () => {
    const r = dueEvents(s, { warningsSent: 0, stage: 0 }, d("2026-12-01T00:00:00Z"));
    expect(r.events.map((e) => e.type)).toEqual(["breach", "escalate", "escalate"]);
    expect(r.state).toEqual({ warningsSent: 1, stage: 3 });
    expect(dueEvents(s, r.state, d("2026-12-02T00:00:00Z")).events).toEqual([]);
  });
  it("does not warn again once breached, whatever the warning counter says", () => {
    expect(dueEvents(s, { warningsSent: 0, stage: 1 }, d("2026-11-30T09:30:00Z")).events).toEqual([]);
  });
});
