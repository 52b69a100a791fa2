// When a digest subscription sends: at its local send time in its own zone, each day (or each working day of
// the team's business calendar, so not on 国庆 but yes on a make-up Saturday). The run key names the
// (subscription, local day) pair; stored under a unique index, it makes "sent once per day" a database fact
// that holds across replicas and restarts.

import type { BusinessCalendar } from "../calendar/business-calendar.js";
import { addDays, clockToMinutes, type LocalDay } from "../calendar/local-day.js";
import { isWorkingDay } from "../calendar/working-time.js";
import { instantAt, localDayOf } from "../calendar/zoned.js";

/** The schedule fields of a subscription. */
export interface DigestSchedule {
  id: string;
  /** Wall-clock send time "HH:mm" in `timezone`. */
  sendTime: string;
  timezone: string;
  workdaysOnly: boolean;
  /** A subscription never sends for a slot that passed before it existed. */
  createdAt: Date;
}

/** The run key of a subscription's digest for one local day. */
export function digestRunKey(subscriptionId: string, localDay: LocalDay): string {
  return `kpi.digest:${subscriptionId}:${localDay}`;
}

/** True when the subscription sends on `day` (its own local day). */
export function sendsOn(s: DigestSchedule, cal: BusinessCalendar, day: LocalDay): boolean {
  return !s.workdaysOnly || isWorkingDay(cal, day);
}

/** The instant of the send slot on `day`. */
export function sendInstant(s: DigestSchedule, day: LocalDay): Date {
  return instantAt(day, clockToMinutes(s.sendTime), s.timezone);
}

/**
 * The slot due at `now`, if any: today's (in the subscription's zone) when its time has passed, today is a
 * sending day, and the slot is not older than the subscription. Only today's slot is ever due, so after an
 * outage the missed digest of today goes out once and earlier days are not replayed.
 */
export function dueSlot(s: DigestSchedule, cal: BusinessCalendar, now: Date): { localDay: LocalDay; runKey: string; at: Date } | undefined {
  const today = localDayOf(now, s.timezone);
  if (!sendsOn(s, cal, today)) return undefined;
  const at = sendInstant(s, today);
  if (at.getTime() > now.getTime() || at.getTime() < s.createdAt.getTime()) return undefined;
  return { localDay: today, runKey: digestRunKey(s.id, today), at };
}

/** The next send instant strictly after `now` (for "next digest: Mon 09:00"); scans up to 60 days. */
export function nextSendInstant(s: DigestSchedule, cal: BusinessCalendar, now: Date): Date | undefined {
  let day = localDayOf(now, s.timezone);
  for (let i = 0; i < 60; i++, day = addDays(day, 1)) {
    if (!sendsOn(s, cal, day)) continue;
    const at = sendInstant(s, day);
    if (at.getTime() > now.getTime()) return at;
  }
  return undefined;
}
