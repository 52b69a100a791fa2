// Where an item stands in its timetable and what is due next. The row stores two counters (warnings sent,
// escalation stage) and the next due instant; these functions advance them. Pure.
import { instantAt, localDayOf, workingMinutesBetween, type BusinessCalendar } from "../calendar/index.js";
import { addDays, clockToMinutes } from "../calendar/local-day.js";
import type { SlaSchedule } from "./schedule.js";
import { WINDOW_URGENT_MS, type SlaKind } from "./vocabulary.js";

/** Progress stored on the row. `stage` 0 = not breached, 1 = breach told, 1 + k = k escalation steps done. */
export interface ReminderState {
  warningsSent: number;
  stage: number;
}

/** Something that happened to an item in one sweep. */
export type ReminderEvent =
  | { type: "warn"; index: number; at: Date }
  | { type: "breach"; at: Date }
  | { type: "escalate"; step: number; at: Date };

/** The next instant something is due, or null when the timetable is used up. */
export function nextReminderAt(s: SlaSchedule, st: ReminderState): Date | null {
  if (st.stage === 0) return st.warningsSent < s.warnings.length ? s.warnings[st.warningsSent]! : s.deadlineAt;
  const step = st.stage - 1;
  return step < s.escalations.length ? s.escalations[step]! : null;
}

/**
 * Everything due at `now` from state `st`, in order, and the state after it. Missed warnings collapse into
 * the latest one (nobody needs "50% gone" and "80% gone" at once); the breach and every escalation step
 * each happen exactly once, even when a sweep was down for a while.
 */
export function dueEvents(s: SlaSchedule, st: ReminderState, now: Date): { events: ReminderEvent[]; state: ReminderState } {
  const t = now.getTime();
  const events: ReminderEvent[] = [];
  let { warningsSent, stage } = st;
  if (stage === 0) {
    let lastWarn = -1;
    while (warningsSent < s.warnings.length && s.warnings[warningsSent]!.getTime() <= t) lastWarn = warningsSent++;
    if (s.deadlineAt.getTime() <= t) {
      warningsSent = s.warnings.length;
      stage = 1;
      events.push({ type: "breach", at: s.deadlineAt });
    } else if (lastWarn >= 0) {
      events.push({ type: "warn", index: lastWarn, at: s.warnings[lastWarn]! });
    }
  }
  while (stage >= 1 && stage - 1 < s.escalations.length && s.escalations[stage - 1]!.getTime() <= t) {
    events.push({ type: "escalate", step: stage - 1, at: s.escalations[stage - 1]! });
    stage++;
  }
  return { events, state: { warningsSent, stage } };
}

/** How an item looks right now, for cards and the board. */
export type Urgency = "ok" | "due_soon" | "urgent" | "breached" | "window_closed";

/** The item's urgency at `now`: a closing platform window is urgent whatever the policy's target says. */
export function urgencyOf(s: SlaSchedule, now: Date): Urgency {
  const t = now.getTime();
  if (s.windowEndsAt && t >= s.windowEndsAt.getTime()) return "window_closed";
  if (t >= s.deadlineAt.getTime()) return "breached";
  if (s.windowEndsAt && s.windowEndsAt.getTime() - t <= WINDOW_URGENT_MS) return "urgent";
  const lastWarn = s.warnings.at(-1);
  if (lastWarn && t >= lastWarn.getTime()) return "due_soon";
  return "ok";
}

/**
 * Minutes left until the deadline at `now` (negative once past it), counted the way the deadline was: in
 * working minutes on the team's calendar when the policy's target set it, in wall-clock minutes when the
 * platform's reply window did. So a card never says "3 days left" beside "due soon" over a weekend.
 */
export function minutesLeft(cal: BusinessCalendar, s: SlaSchedule, now: Date): number {
  const wallClock = s.windowEndsAt !== undefined && s.windowEndsAt.getTime() === s.deadlineAt.getTime();
  if (wallClock) return Math.round((s.deadlineAt.getTime() - now.getTime()) / 60_000);
  return now <= s.deadlineAt ? Math.round(workingMinutesBetween(cal, now, s.deadlineAt)) : -Math.round(workingMinutesBetween(cal, s.deadlineAt, now));
}

/** A person's quiet hours on their own wall clock, e.g. 22:00 to 08:00 (may wrap midnight). */
export interface QuietHours {
  start: string;
  end: string;
}

/** Default quiet hours for everyone until a person sets their own. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: "22:00", end: "08:00" };

/** When `now` falls in the quiet hours in `zone`, the instant they end; otherwise undefined. */
export function quietUntil(now: Date, zone: string, q: QuietHours = DEFAULT_QUIET_HOURS): Date | undefined {
  const day = localDayOf(now, zone);
  const [s, e] = [clockToMinutes(q.start), clockToMinutes(q.end)];
  if (s === e) return undefined;
  const startToday = instantAt(day, s, zone).getTime();
  const endToday = instantAt(day, e, zone).getTime();
  const t = now.getTime();
  if (s < e) return t >= startToday && t < endToday ? new Date(endToday) : undefined;
  // Wraps midnight: quiet from 00:00 to end, and from start to the next day's end.
  if (t < endToday) return new Date(endToday);
  if (t >= startToday) return instantAt(addDays(day, 1), e, zone);
  return undefined;
}

/** Complaint breaches and escalations reach people even in quiet hours; everything else waits. */
export function overridesQuietHours(kind: SlaKind, events: readonly ReminderEvent[]): boolean {
  return kind === "complaint" && events.some((e) => e.type !== "warn");
}
