// Level deadlines and the reminder/escalation schedule, in working time on the team's business calendar, so a
// level asked on Friday evening or before National Day is not "overdue" over the weekend or the holiday.
// The next alert time is stored on the level row (nextReminderAt); the sweep asks alertDue and nextAlertAfter.
import { addWorkingMinutes, type BusinessCalendar } from "../calendar/index.js";
import type { TLevel } from "./chain.js";

/** Reminder lead time when a level does not set one: an hour, or half of a shorter deadline. */
export const DEFAULT_REMIND_BEFORE_MINUTES = 60;

/** When a level is due and when the sweep should first look at it. */
export interface LevelPlan {
  deadlineAt: Date;
  /** The reminder time: some working time before the deadline. */
  nextReminderAt: Date;
}

/** The deadline and reminder of a level asked at `start`. */
export function planLevel(cal: BusinessCalendar, start: Date, level: Pick<TLevel, "hours" | "remindBeforeMinutes">): LevelPlan {
  const total = level.hours * 60;
  const before = Math.min(level.remindBeforeMinutes ?? DEFAULT_REMIND_BEFORE_MINUTES, total / 2);
  return {
    deadlineAt: addWorkingMinutes(cal, start, total),
    nextReminderAt: addWorkingMinutes(cal, start, total - before),
  };
}

/** What the sweep should send for a pending level now. */
export type AlertKind = "reminder" | "escalation";

/**
 * The alert due at `now`, if any. Once the deadline has passed an escalation is due even when the reminder
 * was never sent (the service was down, or the clock jumped): a late reminder would only be noise.
 */
export function alertDue(row: { deadlineAt: Date; nextReminderAt: Date | null }, now: Date): AlertKind | null {
  if (!row.nextReminderAt || now.getTime() < row.nextReminderAt.getTime()) return null;
  return now.getTime() >= row.deadlineAt.getTime() ? "escalation" : "reminder";
}

/**
 * When to look again after sending `sent` at `now`: after the reminder, the deadline; after an escalation, one
 * period of working time later. Counted from `now`, not from the planned time, so catching up after downtime
 * sends one alert, never a burst: at most one of each per period.
 */
export function nextAlertAfter(cal: BusinessCalendar, sent: AlertKind, now: Date, deadlineAt: Date, repeatHours: number): Date {
  if (sent === "reminder" && deadlineAt.getTime() > now.getTime()) return deadlineAt;
  return addWorkingMinutes(cal, now, repeatHours * 60);
}

/** True when a pending level is past its deadline at `now`. */
export function isOverdue(deadlineAt: Date, now: Date): boolean {
  return now.getTime() > deadlineAt.getTime();
}
