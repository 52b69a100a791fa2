// Reads the planned publish date (and optional time) people type in chat: "2026-12-03 20:30", "12/3",
// "明天", "周五 20:00". "Today" is the calendar day in the team's zone, not in UTC and not on the server,
// because a message sent at 01:00 in Shanghai is still the previous day in UTC.

import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { AppError } from "../errors.js";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

/** A planned publish moment: a calendar day in the team's zone and, when given, a wall-clock time. */
export interface PlannedWhen {
  day: string;
  time?: string;
}

/** What the team is told it can type, shown in the "date.unparseable" message. */
export const PLANNED_WHEN_EXAMPLES = "2026-12-03, 2026-12-03 20:30, tomorrow, 周五";

// Plans further out than this are almost always a typo in the year (2062 for 2026).
const MAX_YEARS_AHEAD = 2;

const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ["today", 0], ["今天", 0], ["今日", 0],
  ["tomorrow", 1], ["tmr", 1], ["tmrw", 1], ["明天", 1], ["明日", 1],
  ["day after tomorrow", 2], ["the day after tomorrow", 2], ["后天", 2],
]);

/** Weekday names → 0 (Sunday) … 6, in English (full and short) and Chinese (周五, 星期五, 礼拜五). */
const WEEKDAYS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const english = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  english.forEach((name, i) => {
    map.set(name, i);
    map.set(name.slice(0, 3), i);
  });
  for (const [short, i] of [["tues", 2], ["thur", 4], ["thurs", 4]] as const) map.set(short, i);
  const chinese = ["日", "一", "二", "三", "四", "五", "六"];
  for (const prefix of ["周", "星期", "礼拜"]) {
    chinese.forEach((digit, i) => map.set(prefix + digit, i));
    map.set(`${prefix}天`, 0);
  }
  return map;
})();

/**
 * Parses a planned publish day and optional time, relative to `now` in `zone`.
 * Throws AppError "date.unparseable" { value, examples }, "date.past" { value, today }, "date.too_far" { value }.
 */
export function parsePlannedWhen(input: string, opts: { now: Date; zone: string }): PlannedWhen {
  const value = input.trim();
  const text = value.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ");
  const local = dayjs(opts.now).tz(opts.zone);
  const today = local.format("YYYY-MM-DD");
  const unparseable = new AppError("date.unparseable", { value, examples: PLANNED_WHEN_EXAMPLES });

  const split = splitTime(text);
  if (!split) throw unparseable;
  const day = resolveDay(split.dayText, today, local.day());
  if (!day) throw unparseable;

  // Minute precision on purpose: "18:00" typed at 18:00:30 means "now", not "a moment ago".
  const nowMinute = local.format("YYYY-MM-DD HH:mm");
  if (day < today || (split.time !== undefined && `${day} ${split.time}` < nowMinute)) {
    throw new AppError("date.past", { value, today });
  }
  if (day > addYears(today, MAX_YEARS_AHEAD)) throw new AppError("date.too_far", { value });
  return split.time === undefined ? { day } : { day, time: split.time };
}

/**
 * Separates a trailing time ("… 20:30", "…T20:30", "明天20:30") from the day part. Undefined when the time
 * is not a real time of day.
 */
function splitTime(text: string): { dayText: string; time?: string } | undefined {
  const m =
    /^(.+?) (\d{1,2}):(\d{2})$/u.exec(text) ??
    // "T" only after a digit, as in ISO "2026-12-03T20:30"; otherwise "sat20:30" would lose its "t".
    /^(.*\d)t(\d{1,2}):(\d{2})$/u.exec(text) ??
    // No separator after a word: "明天20:30". A digit right before the time would be ambiguous, so not here.
    /^(.*[^\d\s:])(\d{1,2}):(\d{2})$/u.exec(text);
  if (!m) return { dayText: text };
  const [, dayText = "", hh = "", mm = ""] = m;
  const hour = Number(hh);
  const minute = Number(mm);
  if (hour > 23 || minute > 59) return undefined;
  return { dayText: dayText.trim(), time: `${pad(hour)}:${pad(minute)}` };
}

/** The calendar day ("YYYY-MM-DD") a day phrase names, or undefined when it names none. */
function resolveDay(text: string, today: string, todayWeekday: number): string | undefined {
  const relative = RELATIVE_DAYS.get(text);
  if (relative !== undefined) return addDays(today, relative);

  const weekday = WEEKDAYS.get(text);
  if (weekday !== undefined) {
    // "Friday" said on a Friday means next week's: nobody plans a topic for later today by weekday name.
    return addDays(today, (weekday - todayWeekday + 7) % 7 || 7);
  }

  const full =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/u.exec(text);
  if (full) return calendarDay(Number(full[1]), Number(full[2]), Number(full[3]));

  const monthDay = /^(\d{1,2})[-/.](\d{1,2})$/u.exec(text) ?? /^(\d{1,2})月(\d{1,2})[日号]?$/u.exec(text);
  if (monthDay) return nearestMonthDay(Number(monthDay[1]), Number(monthDay[2]), today);
  return undefined;
}

/**
 * A date typed without a year is this year's, or next year's when this year's is already past. When neither
 * is upcoming, this year's is returned so the caller reports it as past rather than as unreadable.
 */
function nearestMonthDay(month: number, date: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const candidates = [calendarDay(year, month, date), calendarDay(year + 1, month, date)].filter(
    (d): d is string => d !== undefined,
  );
  return candidates.find((d) => d >= today) ?? candidates[0];
}

/** "YYYY-MM-DD" for a real calendar date; undefined for 2026-02-30 and the like (strict, no rollover). */
function calendarDay(year: number, month: number, date: number): string | undefined {
  const text = `${year}-${pad(month)}-${pad(date)}`;
  return dayjs.utc(text, "YYYY-MM-DD", true).isValid() ? text : undefined;
}

// Calendar arithmetic on "YYYY-MM-DD" days is done in UTC so that no zone or DST shift can move the date.

/** The day `days` after `day`. */
function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, "day").format("YYYY-MM-DD");
}

/** The same calendar day `years` later (29 Feb → 28 Feb). */
function addYears(day: string, years: number): string {
  return dayjs.utc(day).add(years, "year").format("YYYY-MM-DD");
}

/** Two-digit zero padding. */
function pad(n: number): string {
  return String(n).padStart(2, "0");
}
