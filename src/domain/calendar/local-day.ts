// Calendar days and wall-clock times as plain strings ("2026-02-14", "09:00"). A local day has no zone and no
// instant: it is the name of a square on a wall calendar. Arithmetic on it goes through Date.UTC, which has no
// daylight saving, so "the next day" is always the next square, whatever the team's zone does that night.

/** A calendar day in the team's zone, formatted `YYYY-MM-DD`. */
export type LocalDay = string;

/** Day of the week as JavaScript numbers it: 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** All weekdays in JavaScript order, Sunday first; handy for building per-weekday tables. */
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^(\d{2}):(\d{2})$/;

/** Minutes in a full calendar day on the wall clock (the end "24:00"). */
export const MINUTES_PER_DAY = 24 * 60;

/** True when `s` is a real calendar day in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isLocalDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 02-30 over into March; a round trip catches it.
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Parses a local day or throws; the single entry point so a typo never becomes NaN arithmetic. */
function toUtcMidnight(day: LocalDay): Date {
  if (!isLocalDay(day)) throw new Error(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  return new Date(`${day}T00:00:00Z`);
}

/** Formats the UTC date part of `d` as a local day; only meaningful for dates built by this module. */
function fromUtcMidnight(d: Date): LocalDay {
  return d.toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (negative `n` goes back). */
export function addDays(day: LocalDay, n: number): LocalDay {
  const d = toUtcMidnight(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtcMidnight(d);
}

/** The weekday of a calendar day (0 = Sunday). */
export function weekdayOf(day: LocalDay): Weekday {
  return toUtcMidnight(day).getUTCDay() as Weekday;
}

/** The year of a calendar day. */
export function yearOf(day: LocalDay): number {
  toUtcMidnight(day);
  return Number(day.slice(0, 4));
}

/** True when `s` is a wall-clock time `HH:mm` from 00:00 to 24:00 (24:00 means the end of the day). */
export function isClock(s: string): boolean {
  const m = CLOCK_RE.exec(s);
  if (!m) return false;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return (h < 24 && min < 60) || (h === 24 && min === 0);
}

/** Minutes since local midnight for an `HH:mm` wall-clock time ("13:30" → 810, "24:00" → 1440). */
export function clockToMinutes(s: string): number {
  if (!isClock(s)) throw new Error(`Not a wall-clock time (HH:mm, 00:00-24:00): "${s}"`);
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}
