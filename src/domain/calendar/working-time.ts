// Working-time arithmetic on a BusinessCalendar: SLA deadlines ("answer within 8 working hours"), elapsed
// working time, and the honest caveat when a span reaches a year with no official arrangement loaded.
//
// Every function walks local days (never "+24h", which is wrong on the 23- and 25-hour days of DST zones)
// and turns each working range of a day into a pair of instants with the calendar's zone. The cost is one
// step per working range, not per minute, so two working days are four steps in the default calendar.

import type { BusinessCalendar } from "./business-calendar.js";
import { hoursOn } from "./day-rules.js";
import { addDays, clockToMinutes, yearOf, type LocalDay } from "./local-day.js";
import { localDayOf, wallClockOf } from "./zoned.js";

/** How many consecutive days without any working time we scan before declaring the calendar unworkable. */
export const MAX_IDLE_DAYS = 3 * 366;

const MS_PER_MINUTE = 60_000;

/** A stretch of working time as epoch milliseconds, `start` inclusive, `end` exclusive. */
interface Span {
  start: number;
  end: number;
}

/** Rejects an Invalid Date early; otherwise NaN would make every comparison false and loops run forever. */
function msOf(d: Date, what: string): number {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what} is an invalid Date`);
  return ms;
}

/** The working spans of one local day as instants, in order (a DST gap can empty a span; it is dropped). */
function spansOn(cal: BusinessCalendar, day: LocalDay): Span[] {
  const ranges = hoursOn(cal, day);
  if (ranges.length === 0) return [];
  const instant = wallClockOf(day, cal.zone);
  const spans: Span[] = [];
  for (const r of ranges) {
    const start = instant(clockToMinutes(r.start)).getTime();
    const end = instant(clockToMinutes(r.end)).getTime();
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * Working spans from the instant `at` onwards, the first one clipped to start at `at`. Endless for a
 * workable calendar; throws once MAX_IDLE_DAYS days in a row had no working time, so a calendar with no
 * hours (or overrides closing every day) fails loudly instead of hanging the caller.
 */
function* spansFrom(cal: BusinessCalendar, at: number): Generator<Span> {
  // Spans of earlier days end at or before this day's midnight, which is not after `at`.
  let day = localDayOf(new Date(at), cal.zone);
  let cursor = at;
  let idle = 0;
  for (;;) {
    let worked = false;
    for (const span of spansOn(cal, day)) {
      const start = Math.max(span.start, cursor);
      if (span.end <= start) continue;
      worked = true;
      cursor = span.end;
      yield { start, end: span.end };
    }
    idle = worked ? 0 : idle + 1;
    if (idle >= MAX_IDLE_DAYS) {
      throw new Error(
        `Business calendar (${cal.zone}) has no working time in the ${MAX_IDLE_DAYS} days up to ${day}; ` +
          "check its hours, holidays and overrides",
      );
    }
    day = addDays(day, 1);
  }
}

/** True when a local day has working hours (holiday → false, make-up workday → true, else its weekday's hours). */
export function isWorkingDay(cal: BusinessCalendar, localDay: LocalDay): boolean {
  return hoursOn(cal, localDay).length > 0;
}

/** True when the instant `at` lies inside a working range (start inclusive, end exclusive). */
export function isWorkingTime(cal: BusinessCalendar, at: Date): boolean {
  const ms = msOf(at, "at");
  return spansOn(cal, localDayOf(at, cal.zone)).some((s) => s.start <= ms && ms < s.end);
}

/** The first working instant at or after `at` (`at` itself when it is working time). */
export function nextWorkingMoment(cal: BusinessCalendar, at: Date): Date {
  for (const span of spansFrom(cal, msOf(at, "at"))) return new Date(span.start);
  throw new Error("unreachable: spansFrom never ends without throwing");
}

/**
 * The instant `minutes` working minutes after `start`. Counting begins at nextWorkingMoment(start); a result
 * that exactly uses up a range is that range's end (3 hours from 09:00 is 12:00, not 13:30 after lunch), so
 * 0 minutes gives nextWorkingMoment(start). Fractions of a minute are kept to the millisecond.
 */
export function addWorkingMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  for (const span of spansFrom(cal, msOf(start, "start"))) {
    const length = span.end - span.start;
    if (remaining <= length) return new Date(span.start + remaining);
    remaining -= length;
  }
  throw new Error("unreachable: spansFrom never ends without throwing");
}

/**
 * Working minutes in [from, to); 0 when `to` is not after `from`. The inverse of addWorkingMinutes:
 * workingMinutesBetween(cal, s, addWorkingMinutes(cal, s, m)) === m. Never throws for a calendar without
 * hours (the answer is simply 0), since the span to scan is bounded by `to`.
 */
export function workingMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const [a, b] = [msOf(from, "from"), msOf(to, "to")];
  if (b <= a) return 0;
  const lastDay = localDayOf(to, cal.zone);
  let total = 0;
  for (let day = localDayOf(from, cal.zone); day <= lastDay; day = addDays(day, 1)) {
    for (const span of spansOn(cal, day)) total += Math.max(0, Math.min(span.end, b) - Math.max(span.start, a));
  }
  return total / MS_PER_MINUTE;
}

/**
 * Years touched by the span between `from` and `to` (either order; local years in the calendar's zone, the
 * later end exclusive) for which no official arrangement is loaded, ascending. Non-empty means the result
 * counts no make-up workdays there (China's statutory days off are still counted, see statutory-holidays.ts),
 * and the product should say so ("2027's arrangement is not published yet").
 */
export function coverageGap(cal: BusinessCalendar, from: Date, to: Date): number[] {
  const [a, b] = [msOf(from, "from"), msOf(to, "to")].sort((x, y) => x - y) as [number, number];
  const last = b > a ? b - 1 : b;
  const firstYear = yearOf(localDayOf(new Date(a), cal.zone));
  const lastYear = yearOf(localDayOf(new Date(last), cal.zone));
  const gap: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) if (!cal.coveredYears.has(y)) gap.push(y);
  return gap;
}
