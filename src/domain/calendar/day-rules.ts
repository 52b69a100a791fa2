// The rule that gives one local day its working hours, in order of precedence: an admin's override for that
// date, then an official day off, then an official make-up workday (borrowing a weekday's hours, see
// business-calendar.ts), then the team's weekly hours.

import type { BusinessCalendar, TimeRange } from "./business-calendar.js";
import { weekdayOf, type LocalDay } from "./local-day.js";

/** Why a day has the hours it has; lets a digest say "Mon 02-23: 春节 Spring Festival" instead of just "off". */
export type DayKind = "override" | "holiday" | "make-up-workday" | "regular";

/** A day's working hours and the rule that produced them. */
export interface DayInfo {
  date: LocalDay;
  kind: DayKind;
  /** The official name, on "holiday" days only. */
  name?: string;
  hours: readonly TimeRange[];
}

/** The rule for one day: override, then official day off, then make-up workday, then the weekly hours. */
export function describeDay(cal: BusinessCalendar, day: LocalDay): DayInfo {
  const override = cal.overrides.get(day);
  if (override) return { date: day, kind: "override", hours: override };
  const holiday = cal.holidays.get(day);
  if (holiday !== undefined) return { date: day, kind: "holiday", name: holiday, hours: [] };
  if (cal.workdays.has(day)) {
    return { date: day, kind: "make-up-workday", hours: cal.hours[cal.makeUpDayHoursFrom] };
  }
  return { date: day, kind: "regular", hours: cal.hours[weekdayOf(day)] };
}

/** The working hours of a local day (empty when the day is not worked). */
export function hoursOn(cal: BusinessCalendar, day: LocalDay): readonly TimeRange[] {
  return describeDay(cal, day).hours;
}
