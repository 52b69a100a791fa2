// A team's business calendar as a plain value: its zone, its weekly hours, the official days off and make-up
// workdays it follows, the years that data covers, and per-day overrides. Built from an admin-editable JSON
// form (ZBusinessCalendar) so a team can change its hours or enter next year's arrangement without a release.
//
// Make-up workdays (调休上班) are weekend days, which have no hours of their own; they borrow the hours of one
// normal weekday, Monday by default (`makeUpDayHoursFrom`). The State Council only says "上班" without
// naming a schedule, and for office teams every weekday has the same hours, so any weekday gives the same
// answer; Monday is the conventional choice and an admin can pick another.

import { z } from "zod";
import { statutoryHolidays } from "./statutory-holidays.js";

import { CN_MAINLAND_ARRANGEMENT } from "./cn-mainland.js";
import {
  arrangementYears,
  mergeArrangements,
  ZArrangementYears,
  ZLocalDay,
  type OfficialArrangement,
} from "./holiday-data.js";
import { clockToMinutes, isClock, WEEKDAYS, type LocalDay, type Weekday } from "./local-day.js";
import { isValidZone } from "./zoned.js";

/** A stretch of working time on the wall clock, `start` inclusive and `end` exclusive, e.g. 09:00-12:00. */
export interface TimeRange {
  start: string;
  end: string;
}

/** Working hours per weekday (0 = Sunday); an empty list means no work that weekday. */
export type WeeklyHours = Readonly<Record<Weekday, readonly TimeRange[]>>;

/** The calendar the working-time functions read. Plain data; build it with buildBusinessCalendar. */
export interface BusinessCalendar {
  /** IANA zone every wall time is read in, e.g. "Asia/Shanghai". */
  readonly zone: string;
  readonly hours: WeeklyHours;
  /** The weekday whose hours a make-up workday uses (1 = Monday by default). */
  readonly makeUpDayHoursFrom: Weekday;
  /** Official days off, local day → name ("春节 Spring Festival"). */
  readonly holidays: ReadonlyMap<LocalDay, string>;
  /** Official make-up workdays (调休上班): weekend days that are worked. */
  readonly workdays: ReadonlySet<LocalDay>;
  /** Years for which an official arrangement is loaded (holidays and make-up workdays). */
  readonly coveredYears: ReadonlySet<number>;
  /**
   * Years without a published arrangement whose statutory days off are computed by law (statutory-holidays.ts):
   * those days are off, but the make-up workdays are unknown, so they stay outside coveredYears.
   */
  readonly statutoryYears: ReadonlySet<number>;
  /** Exact hours for particular days (a half day, a team outing: []), winning over every other rule. */
  readonly overrides: ReadonlyMap<LocalDay, readonly TimeRange[]>;
}

const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Lower-case English weekday key used in the JSON form, in JavaScript order (index 0 = "sun"). */
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const OFFICE_DAY: readonly TimeRange[] = [
  { start: "09:00", end: "12:00" },
  { start: "13:30", end: "18:30" },
];

/** Default hours: Monday to Friday 09:00-12:00 and 13:30-18:30 (lunch break), weekends off. */
export const DEFAULT_HOURS: WeeklyHours = {
  0: [],
  1: OFFICE_DAY,
  2: OFFICE_DAY,
  3: OFFICE_DAY,
  4: OFFICE_DAY,
  5: OFFICE_DAY,
  6: [],
};

/** Default zone of a new team. */
export const DEFAULT_ZONE = "Asia/Shanghai";

const ZTimeRange = z
  .object({
    start: z.string().refine(isClock, { message: "expected HH:mm" }),
    end: z.string().refine(isClock, { message: "expected HH:mm (24:00 allowed)" }),
  })
  // Zod still runs this when a field failed above; only compare clocks that parsed.
  .refine((r) => !isClock(r.start) || !isClock(r.end) || clockToMinutes(r.start) < clockToMinutes(r.end), {
    message: "start must be before end",
  });

/** A day's ranges must not overlap, or a minute would be counted twice. */
const ZDayHours = z.array(ZTimeRange).superRefine((ranges, ctx) => {
  if (!ranges.every((r) => isClock(r.start) && isClock(r.end))) return; // already reported per range
  const sorted = sortRanges(ranges);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1], sorted[i]];
    if (prev && cur && clockToMinutes(cur.start) < clockToMinutes(prev.end)) {
      ctx.addIssue({ code: "custom", message: `${prev.start}-${prev.end} overlaps ${cur.start}-${cur.end}` });
    }
  }
});

/**
 * Zod schema of the admin-editable JSON form. `hours` lists each weekday that is worked ("mon": [...]);
 * a weekday left out is not worked, and leaving `hours` out means DEFAULT_HOURS. `holidaySource` picks the
 * shipped arrangement ("cn-mainland") or none (teams abroad); `years` adds or replaces whole years of it.
 */
export const ZBusinessCalendar = z.object({
  zone: z.string().refine(isValidZone, { message: "expected an IANA time zone such as Asia/Shanghai" }),
  hours: z.partialRecord(z.enum(WEEKDAY_KEYS), ZDayHours).optional(),
  makeUpDayHoursFrom: z.enum(WEEKDAY_KEYS).default("mon"),
  holidaySource: z.enum(["cn-mainland", "none"]).default("cn-mainland"),
  years: ZArrangementYears.optional(),
  overrides: z.array(z.object({ date: ZLocalDay, hours: ZDayHours, note: z.string().optional() })).default([]),
});

/** The JSON form as written by an admin or by code (defaults may be left out). */
export type BusinessCalendarInput = z.input<typeof ZBusinessCalendar>;

/** Arrangements a calendar may name in `holidaySource`; injectable so tests and tools can pass their own. */
export type HolidaySources = Readonly<Record<"cn-mainland", OfficialArrangement>>;

/** The arrangements shipped with the service. */
export const DEFAULT_HOLIDAY_SOURCES: HolidaySources = { "cn-mainland": CN_MAINLAND_ARRANGEMENT };

/** How many years past the last published one get their statutory days off computed. */
const STATUTORY_YEARS_AHEAD = 3;

/** Ranges in start order; the schema guarantees they do not overlap. */
function sortRanges(ranges: readonly TimeRange[]): TimeRange[] {
  return [...ranges].sort((a, b) => clockToMinutes(a.start) - clockToMinutes(b.start));
}

/** Builds a calendar from a typed form (code, tests); validates it exactly like parseBusinessCalendar. */
export function buildBusinessCalendar(
  input: BusinessCalendarInput,
  sources: HolidaySources = DEFAULT_HOLIDAY_SOURCES,
): BusinessCalendar {
  return parseBusinessCalendar(input, sources);
}

/**
 * Validates untrusted JSON (an admin's edit) and builds the calendar. Throws a ZodError for a malformed form,
 * and an Error when make-up workdays exist but the weekday they borrow hours from has none (they would
 * silently not count).
 */
export function parseBusinessCalendar(
  json: unknown,
  sources: HolidaySources = DEFAULT_HOLIDAY_SOURCES,
): BusinessCalendar {
  const form = ZBusinessCalendar.parse(json);
  const hours: Record<Weekday, readonly TimeRange[]> = { ...DEFAULT_HOURS };
  if (form.hours) for (const d of WEEKDAYS) hours[d] = sortRanges(form.hours[WEEKDAY_KEYS[d]] ?? []);

  const base: OfficialArrangement = form.holidaySource === "none" ? { years: {} } : sources[form.holidaySource];
  const arrangement = mergeArrangements(base, { years: form.years ?? {} });
  const holidays = new Map<LocalDay, string>();
  const workdays = new Set<LocalDay>();
  for (const year of Object.values(arrangement.years)) {
    for (const h of year.holidays) holidays.set(h.date, h.name);
    for (const w of year.workdays) workdays.add(w);
  }

  const covered = arrangementYears(arrangement);
  const statutoryYears = new Set<number>();
  if (form.holidaySource === "cn-mainland" && covered.length > 0) {
    for (let y = covered[0]!; y <= covered.at(-1)! + STATUTORY_YEARS_AHEAD; y++) {
      if (covered.includes(y)) continue;
      for (const h of statutoryHolidays(y)) holidays.set(h.date, h.name);
      statutoryYears.add(y);
    }
  }

  const makeUpDayHoursFrom = WEEKDAY_KEYS.indexOf(form.makeUpDayHoursFrom) as Weekday;
  if (workdays.size > 0 && hours[makeUpDayHoursFrom].length === 0) {
    throw new Error(
      `makeUpDayHoursFrom is "${form.makeUpDayHoursFrom}", which has no working hours, ` +
        "so make-up workdays would not be worked",
    );
  }
  return {
    zone: form.zone,
    hours,
    makeUpDayHoursFrom,
    holidays,
    workdays,
    coveredYears: new Set(covered),
    statutoryYears,
    overrides: new Map(form.overrides.map((o) => [o.date, sortRanges(o.hours)])),
  };
}
