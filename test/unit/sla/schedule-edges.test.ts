// An item's timetable at its edges, on China's calendar (Shanghai is UTC+8; the default team works 09:00-12:00
// and 13:30-18:30 Monday to Friday): a platform window later than the policy's deadline, warnings put in time
// order when the window's "closing" warning comes first, a third escalation step reaching an unpublished year,
// and the minutes a card shows at the deadline itself (schedule.test.ts and reminders.test.ts have the ordinary cases).
import { describe, expect, it } from "vitest";
import { computeSchedule, minutesLeft, urgencyOf, ZSlaPolicy, type SlaSchedule, type TSlaPolicy } from "../../../src/domain/sla/index.js";
import { cn } from "../calendar/calendars.js";

const at = (iso: string) => new Date(iso);
const iso = (d: Date | undefined) => d?.toISOString();
const policy = (p: Record<string, unknown>): TSlaPolicy => ZSlaPolicy.parse({ name: "p", ...p });

describe("a timetable with a platform window", () => {
  it("keeps the policy's deadline when it comes before the window closes", () => {
    // A WeChat OA complaint by message on Monday 2026-11-23 10:00: 2 working hours → 12:00;
    // the 48-hour window closes on Wednesday.
    const s = computeSchedule(cn, policy({ targetMinutes: 120 }), { platform: "wechat_oa", kind: "dm", createdAt: at("2026-11-23T02:00:00Z") });
    expect(iso(s.windowEndsAt)).toBe("2026-11-25T02:00:00.000Z");
    expect(iso(s.deadlineAt)).toBe("2026-11-23T04:00:00.000Z");
  });

  it("lists the window's closing warning before a later policy warning, in time order", () => {
    // Monday 2026-11-23 15:00, 1,500 working minutes: half of them (210 + 480 + 60) at Wednesday 10:00. The window
    // closes Wednesday 15:00, so it is the deadline, and its warning (6 hours before: 09:00) comes first.
    const s = computeSchedule(cn, policy({ targetMinutes: 1_500 }), { platform: "wechat_oa", kind: "dm", createdAt: at("2026-11-23T07:00:00Z") });
    expect(iso(s.deadlineAt)).toBe("2026-11-25T07:00:00.000Z");
    expect(s.warnings.map(iso)).toEqual(["2026-11-25T01:00:00.000Z", "2026-11-25T02:00:00.000Z"]);
  });
});

describe("escalation into a year without a published arrangement", () => {
  it("says so when only the last of three steps reaches it", () => {
    // Wednesday 2026-12-30 10:00 complaint: deadline 12:00 that day; lead at once, manager 240 working
    // minutes later (the 31st), owner 2,000 working minutes later: in January 2027.
    const p = policy({ targetMinutes: 120, escalation: [{ to: "lead", afterMinutes: 0 }, { to: "manager", afterMinutes: 240 }, { to: "owner", afterMinutes: 2_000 }] });
    const s = computeSchedule(cn, p, { platform: "weibo", kind: "complaint", createdAt: at("2026-12-30T02:00:00Z") });
    expect(iso(s.deadlineAt)).toBe("2026-12-30T04:00:00.000Z");
    expect(s.escalations.map((e) => e.getUTCFullYear())).toEqual([2026, 2026, 2027]);
    expect(s.coverageGap).toEqual([2027]);
  });
});

describe("a card at the deadline", () => {
  const deadline = at("2026-11-30T02:00:00Z"); // Monday 10:00
  it("shows 0 minutes left at the deadline itself, not -0", () => {
    const s: SlaSchedule = { dueAt: deadline, deadlineAt: deadline, warnings: [], escalations: [], coverageGap: [] };
    expect(Object.is(minutesLeft(cn, s, deadline), 0)).toBe(true);
  });
  it("counts working minutes when a platform window closes later than the policy's deadline", () => {
    // Friday 17:30 to Monday 10:00: 120 working minutes, though the window (Monday 18:00) is further away.
    const s: SlaSchedule = { dueAt: deadline, deadlineAt: deadline, windowEndsAt: at("2026-11-30T10:00:00Z"), warnings: [], escalations: [], coverageGap: [] };
    expect(minutesLeft(cn, s, at("2026-11-27T09:30:00Z"))).toBe(120);
  });
  it("is due soon from the last of three warnings on", () => {
    const s: SlaSchedule = { dueAt: deadline, deadlineAt: deadline, warnings: [at("2026-11-27T02:00:00Z"), at("2026-11-27T05:00:00Z"), at("2026-11-30T01:30:00Z")], escalations: [], coverageGap: [] };
    expect(urgencyOf(s, at("2026-11-27T06:00:00Z"))).toBe("ok");
    expect(urgencyOf(s, at("2026-11-30T01:30:00Z"))).toBe("due_soon");
  });
});
