// Reads China's official arrangement for given years out of the `chinese-days` package (accurate for 2025 and
// 2026, see /work/shared/reference/cn-calendar.md). Used by scripts/export-cn-calendar.ts to write
// templates/calendars/cn-mainland.json and by the test that checks the JSON still agrees with the package.
// The service itself reads the JSON, so an admin's correction is never overwritten by a package upgrade.

import chineseDays from "chinese-days";

import type { HolidayEntry, OfficialArrangement, YearArrangement } from "./holiday-data.js";
import { addDays, weekdayOf, type LocalDay } from "./local-day.js";

/**
 * Turns a chinese-days name ("Spring Festival,春节,4") into our display name ("春节 Spring Festival").
 * Plain days come back as an English weekday ("Friday"), which has no comma.
 */
export function holidayDisplayName(raw: string): string | undefined {
  const [en, zh] = raw.split(",");
  if (zh === undefined || en === undefined) return undefined;
  return `${zh.trim()} ${en.trim()}`;
}

/** Every calendar day of `year`, in order. */
function daysOfYear(year: number): LocalDay[] {
  const days: LocalDay[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * One year's arrangement according to chinese-days. Throws for a year the package does not know: it answers
 * "plain Monday to Friday" for those (2027-01-01 comes back as a working day), which must never be mistaken
 * for an official arrangement.
 *
 * Only days carrying a festival name are read: off → holiday, worked → make-up workday. The package's answer
 * for ordinary days is not used, because version 1.5.7 computes weekdays with the host's local getters on a
 * UTC-parsed date, so on a host west of UTC it shifts ordinary weekends by a day; its festival tables are
 * looked up consistently and give the same result on every host.
 */
export function yearFromChineseDays(year: number): YearArrangement {
  const holidays: HolidayEntry[] = [];
  const workdays: LocalDay[] = [];
  for (const date of daysOfYear(year)) {
    const detail = chineseDays.getDayDetail(date);
    const festival = holidayDisplayName(detail.name);
    if (festival === undefined) continue;
    if (!detail.work) holidays.push({ date, name: festival });
    else if (weekdayOf(date) === 0 || weekdayOf(date) === 6) workdays.push(date);
    else throw new Error(`chinese-days names the weekday ${date} after ${festival} yet reports it worked`);
  }
  if (holidays.length === 0) throw new Error(`chinese-days has no holiday arrangement for ${year}`);
  return { holidays, workdays };
}

/** The arrangement for several years according to chinese-days (see yearFromChineseDays). */
export function arrangementFromChineseDays(years: readonly number[]): OfficialArrangement {
  const out: OfficialArrangement = { years: {} };
  for (const year of [...years].sort((a, b) => a - b)) out.years[String(year)] = yearFromChineseDays(year);
  return out;
}
