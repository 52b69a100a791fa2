// Deadlines and alert times in working time on China's calendar (Asia/Shanghai is UTC+8; office hours
// 09:00-12:00 and 13:30-18:30), across a weekend, National Day 2026 with its make-up Saturday, and New Year.
import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "../../../src/domain/calendar/index.js";
import { alertDue, isOverdue, nextAlertAfter, planLevel } from "../../../src/domain/reviews/deadlines.js";

const cn = buildBusinessCalendar({ zone: "Asia/Shanghai" });
const at = (iso: string) => new Date(iso);

describe("level deadlines", () => {
  it("skips the weekend: Friday 17:00 + 4 working hours is Monday 11:30, reminder an hour before", () => {
    const plan = planLevel(cn, at("2026-11-27T09:00:00Z"), { hours: 4 });
    expect(plan.deadlineAt.toISOString()).toBe("2026-11-30T03:30:00.000Z");
    expect(plan.nextReminderAt.toISOString()).toBe("2026-11-30T02:30:00.000Z");
  });

  it("skips National Day: Sep 30 17:00 + 8 working hours is Oct 8 17:00", () => {
    const plan = planLevel(cn, at("2026-09-30T09:00:00Z"), { hours: 8 });
    expect(plan.deadlineAt.toISOString()).toBe("2026-10-08T09:00:00.000Z");
    expect(plan.nextReminderAt.toISOString()).toBe("2026-10-08T08:00:00.000Z");
  });

  it("works the New Year make-up Sunday: Dec 31 16:00 + 8 working hours is Sun Jan 4 16:00", () => {
    expect(planLevel(cn, at("2025-12-31T08:00:00Z"), { hours: 8 }).deadlineAt.toISOString()).toBe("2026-01-04T08:00:00.000Z");
  });

  it("reminds at half of a short deadline, or as the level says", () => {
    const short = planLevel(cn, at("2026-11-26T02:00:00Z"), { hours: 1 });
    expect(short.nextReminderAt.toISOString()).toBe("2026-11-26T02:30:00.000Z");
    const custom = planLevel(cn, at("2026-11-26T02:00:00Z"), { hours: 2, remindBeforeMinutes: 15 });
    expect(custom.nextReminderAt.toISOString()).toBe("2026-11-26T03:45:00.000Z");
  });

  it("starts counting at the next working moment when asked at night", () => {
    expect(planLevel(cn, at("2026-11-26T14:00:00Z"), { hours: 2 }).deadlineAt.toISOString()).toBe("2026-11-27T03:00:00.000Z");
  });
});

describe("alerts", () => {
  const row = { deadlineAt: at("2026-11-30T03:30:00Z"), nextReminderAt: at("2026-11-30T02:30:00Z") };

  it("is quiet before the reminder time, reminds before the deadline, escalates after it", () => {
    expect(alertDue(row, at("2026-11-28T02:30:00Z"))).toBeNull();
    expect(alertDue(row, at("2026-11-30T02:30:00Z"))).toBe("reminder");
    expect(alertDue(row, at("2026-11-30T03:30:00Z"))).toBe("escalation");
    expect(alertDue({ ...row, nextReminderAt: null }, at("2026-12-30T00:00:00Z"))).toBeNull();
  });

  it("after a reminder looks again at the deadline; after an escalation one working period later", () => {
    expect(nextAlertAfter(cn, "reminder", at("2026-11-30T02:31:00Z"), row.deadlineAt, 4).toISOString()).toBe("2026-11-30T03:30:00.000Z");
    // Mon 11:31 + 4 working hours: 29 min before lunch, then 13:30 + 3h31 = 17:01.
    expect(nextAlertAfter(cn, "escalation", at("2026-11-30T03:31:00Z"), row.deadlineAt, 4).toISOString()).toBe("2026-11-30T09:01:00.000Z");
  });

  it("repeats an escalation onto the make-up Saturday after National Day", () => {
    // Fri Oct 9 17:00 + 4 working hours: 1.5 h on Friday, then Sat Oct 10 (调休上班) 09:00 + 2.5 h.
    expect(nextAlertAfter(cn, "escalation", at("2026-10-09T09:00:00Z"), at("2026-10-08T09:00:00Z"), 4).toISOString()).toBe("2026-10-10T03:30:00.000Z");
  });

  it("knows when a level is overdue", () => {
    expect(isOverdue(row.deadlineAt, at("2026-11-30T03:30:00Z"))).toBe(false);
    expect(isOverdue(row.deadlineAt, at("2026-11-30T03:30:01Z"))).toBe(true);
  });
});
