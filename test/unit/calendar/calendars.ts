// Calendars shared by the calendar tests. Instants in the tests are written as literal UTC ISO strings,
// computed by hand: Asia/Shanghai is UTC+8 all year; London is UTC+0 (GMT) until 2026-03-29 01:00Z and
// again from 2026-10-25 01:00Z, UTC+1 (BST) between; New York is UTC-5 (EST) until 2026-03-08 07:00Z and from
// 2026-11-01 06:00Z, UTC-4 (EDT) between.

import { buildBusinessCalendar, type BusinessCalendar } from "../../../src/domain/calendar/index.js";

/** Default team: Asia/Shanghai, Mon-Fri 09:00-12:00 + 13:30-18:30, China's official arrangement. */
export const cn: BusinessCalendar = buildBusinessCalendar({ zone: "Asia/Shanghai" });

const nineToFive = [{ start: "09:00", end: "17:00" }];

/** A London team, Mon-Fri 09:00-17:00, no official holidays loaded. */
export const london: BusinessCalendar = buildBusinessCalendar({
  zone: "Europe/London",
  holidaySource: "none",
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
});

/** A London team that works weekends only, 10:00-14:00, so the DST Sundays themselves are worked. */
export const londonWeekends: BusinessCalendar = buildBusinessCalendar({
  zone: "Europe/London",
  holidaySource: "none",
  hours: { sat: [{ start: "10:00", end: "14:00" }], sun: [{ start: "10:00", end: "14:00" }] },
});

/** A New York team, Mon-Fri 09:00-17:00, no official holidays loaded. */
export const newYork: BusinessCalendar = buildBusinessCalendar({
  zone: "America/New_York",
  holidaySource: "none",
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
});

const allDay = [{ start: "00:00", end: "24:00" }];
const everyDay = { sun: allDay, mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay };

/** A round-the-clock rota in `zone` (every minute of every day is working time). */
export function roundTheClock(zone: string): BusinessCalendar {
  return buildBusinessCalendar({ zone, holidaySource: "none", hours: everyDay });
}

/** Shorthand for a literal instant. */
export function at(iso: string): Date {
  return new Date(iso);
}
