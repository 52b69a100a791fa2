// The only bridge between instants (Date) and a team's wall clock. Everything else in the calendar works on
// local days and minutes since local midnight, and asks this file for the instant of "2026-03-29 09:00 in
// Europe/London". The zone is always explicit; the host's TZ never matters.
//
// Why not simply `dayjs.tz("2026-03-29 09:00", zone)`: its first guess at the offset is the offset *now*
// (it calls dayjs() inside), so for a wall time that falls in a DST gap or overlap the answer changes with
// the date the code runs on. That is a hidden clock read in a module that must be pure. We use dayjs only
// for "what is the offset of this instant in that zone", which is exact, and resolve wall times ourselves.

import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

import { addDays, isLocalDay, MINUTES_PER_DAY, type LocalDay } from "./local-day.js";

dayjs.extend(utc);
dayjs.extend(timezone);

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** True when `zone` is an IANA time zone the runtime knows (e.g. "Asia/Shanghai", "Europe/London"). */
export function isValidZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The offset from UTC, in minutes, that `zone` uses at the instant `ms` (Shanghai → 480). */
function offsetAt(ms: number, zone: string): number {
  return dayjs(ms).tz(zone).utcOffset();
}

/** The calendar day an instant falls on in `zone`. */
export function localDayOf(at: Date, zone: string): LocalDay {
  return dayjs(at).tz(zone).format("YYYY-MM-DD");
}

/**
 * The instant at which the wall clock in `zone` shows `minuteOfDay` minutes past midnight on `day`
 * (1440 = the next midnight). Follows the rule Temporal calls "compatible": a wall time skipped by a
 * spring-forward gap moves later by the gap's length (01:30 → 02:30 BST); a wall time that happens twice in
 * a fall-back overlap resolves to its first occurrence.
 */
export function instantAt(day: LocalDay, minuteOfDay: number, zone: string): Date {
  if (!isLocalDay(day)) throw new Error(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  if (minuteOfDay === MINUTES_PER_DAY) return instantAt(addDays(day, 1), 0, zone);
  // The wall time read as if it were UTC; the true instant is this minus the zone's offset at that instant.
  const wall = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * MS_PER_MINUTE;
  // Offsets a day either side bracket any transition near this wall time (zones change at most once a day).
  const candidates = [offsetAt(wall - MS_PER_DAY, zone), offsetAt(wall + MS_PER_DAY, zone)];
  if (candidates[0] === candidates[1]) return new Date(wall - (candidates[0] ?? 0) * MS_PER_MINUTE);
  const valid = candidates
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter((ms, i) => offsetAt(ms, zone) === candidates[i]);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In a gap: read the wall time with the offset in force before the jump, which lands after the jump.
  return new Date(wall - (candidates[0] ?? 0) * MS_PER_MINUTE);
}

/**
 * instantAt for many wall times of one day, reading the zone's offsets once for the day instead of four
 * times per wall time (each read costs ~0.1 ms). When the offset is the same a day before and two days
 * after, nothing changes in between (transitions are months apart) and every wall time is plain arithmetic;
 * on the few transition days each wall time goes through instantAt.
 */
export function wallClockOf(day: LocalDay, zone: string): (minuteOfDay: number) => Date {
  if (!isLocalDay(day)) throw new Error(`Not a calendar day (YYYY-MM-DD): "${day}"`);
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const offset = steadyOffset(day, midnight, zone);
  if (offset === undefined) return (minuteOfDay) => instantAt(day, minuteOfDay, zone);
  return (minuteOfDay) => new Date(midnight + (minuteOfDay - offset) * MS_PER_MINUTE);
}

// Memo of steadyOffset. The answer is a fixed fact about (zone, day), so the cache cannot change a result;
// it only saves the offset reads when the same days are walked again (a digest scanning every open item).
const steadyOffsets = new Map<string, number | null>();
const STEADY_OFFSETS_MAX = 20_000;

/** The zone's offset on `day` when it holds from the day before to the day after, else undefined. */
function steadyOffset(day: LocalDay, midnight: number, zone: string): number | undefined {
  const key = `${zone} ${day}`;
  let known = steadyOffsets.get(key);
  if (known === undefined) {
    const before = offsetAt(midnight - MS_PER_DAY, zone);
    known = before === offsetAt(midnight + 2 * MS_PER_DAY, zone) ? before : null;
    if (steadyOffsets.size >= STEADY_OFFSETS_MAX) steadyOffsets.clear();
    steadyOffsets.set(key, known);
  }
  return known ?? undefined;
}
