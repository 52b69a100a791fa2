// An item's timetable, computed once when it arrives: the policy's deadline in working time, capped by the
// platform's reply window in wall-clock time, the warn-before points, and the escalation steps after a
// breach. Pure: the calendar and every instant come in as arguments.
import { addWorkingMinutes, coverageGap, type BusinessCalendar } from "../calendar/index.js";
import type { TSlaPolicy } from "./policy.js";
import { replyWindowMs, WINDOW_URGENT_MS, type SlaKind, type SlaPlatform } from "./vocabulary.js";

/** When everything about one item is due. */
export interface SlaSchedule {
  /** createdAt + the policy's target in working minutes. */
  dueAt: Date;
  /** The platform's hard reply limit (wall clock), when it has one. */
  windowEndsAt?: Date;
  /** The earlier of dueAt and windowEndsAt: the one a breach is measured against. */
  deadlineAt: Date;
  /** Warn-before points (and the "window closing" point), ascending, all before deadlineAt. */
  warnings: Date[];
  /** One instant per escalation step of the policy, in chain order, none before deadlineAt. */
  escalations: Date[];
  /** Years the deadline arithmetic crossed with no official holiday arrangement loaded (say so). */
  coverageGap: number[];
}

/** What computeSchedule needs to know about an item. */
export interface ScheduleInput {
  platform: SlaPlatform;
  kind: SlaKind;
  /** When the user wrote (the platform's time, not when we heard of it). */
  createdAt: Date;
}

/** Computes an item's timetable under `policy` on the team's business calendar. */
export function computeSchedule(cal: BusinessCalendar, policy: TSlaPolicy, item: ScheduleInput): SlaSchedule {
  const created = item.createdAt;
  const dueAt = addWorkingMinutes(cal, created, policy.targetMinutes);
  const window = replyWindowMs(item.platform, item.kind);
  const windowEndsAt = window === undefined ? undefined : new Date(created.getTime() + window);
  const deadlineAt = windowEndsAt && windowEndsAt < dueAt ? windowEndsAt : dueAt;

  const points = policy.warnAt.map((f) => addWorkingMinutes(cal, created, policy.targetMinutes * f).getTime());
  if (windowEndsAt) points.push(windowEndsAt.getTime() - WINDOW_URGENT_MS);
  const warnings = [...new Set(points)]
    .filter((t) => t > created.getTime() && t < deadlineAt.getTime())
    .sort((a, b) => a - b)
    .map((t) => new Date(t));

  // A step at 0 minutes fires at the breach itself, even outside working hours (a closing window does not wait).
  const escalations = policy.escalation.map((s) => (s.afterMinutes === 0 ? deadlineAt : addWorkingMinutes(cal, deadlineAt, s.afterMinutes)));
  const last = escalations.at(-1) ?? deadlineAt;
  return { dueAt, windowEndsAt, deadlineAt, warnings, escalations, coverageGap: coverageGap(cal, created, last) };
}
