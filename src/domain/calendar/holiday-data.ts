// An official holiday arrangement as plain data: per year, the days off and the make-up workdays (调休上班).
// China's arrangement ships as templates/calendars/cn-mainland.json (see cn-mainland.ts). A year absent from
// the data is a year we know nothing about: the calendar reports it through coverageGap instead of guessing.

import { z } from "zod";

import { isLocalDay, yearOf, type LocalDay } from "./local-day.js";

/** One official day off, e.g. `{ date: "2026-02-15", name: "春节 Spring Festival" }`. */
export interface HolidayEntry {
  date: LocalDay;
  name: string;
}

/** A year's arrangement: days off (weekends inside a break included) and weekend days worked instead. */
export interface YearArrangement {
  holidays: HolidayEntry[];
  workdays: LocalDay[];
}

/** The published arrangements, keyed by year ("2026"); only the years listed are "covered". */
export interface OfficialArrangement {
  years: Record<string, YearArrangement>;
}

/** Zod schema for a `YYYY-MM-DD` string that is a real calendar day. */
export const ZLocalDay = z.string().refine(isLocalDay, { message: "expected a calendar day YYYY-MM-DD" });

/** Zod schema for one year's arrangement (that each date lies in that year is checked by ZArrangementYears). */
export const ZYearArrangement = z.object({
  holidays: z.array(z.object({ date: ZLocalDay, name: z.string().trim().min(1) })),
  workdays: z.array(ZLocalDay),
});

/**
 * Zod schema for years of arrangements keyed "2026". Rejects a date filed under the wrong year, a day listed
 * twice, and a day that is both off and worked, because each of those is a typo that would move deadlines.
 */
export const ZArrangementYears = z
  .record(z.string().regex(/^\d{4}$/, "year keys are four digits"), ZYearArrangement)
  .superRefine((years, ctx) => {
    for (const [year, arrangement] of Object.entries(years)) {
      const off = new Set<string>();
      const worked = new Set<string>();
      const issue = (message: string) => ctx.addIssue({ code: "custom", path: [year], message });
      for (const { date } of arrangement.holidays) {
        if (!isLocalDay(date)) continue; // already reported by ZLocalDay
        if (yearOf(date) !== Number(year)) issue(`holiday ${date} is filed under ${year}`);
        if (off.has(date)) issue(`holiday ${date} is listed twice`);
        off.add(date);
      }
      for (const date of arrangement.workdays) {
        if (!isLocalDay(date)) continue;
        if (yearOf(date) !== Number(year)) issue(`make-up workday ${date} is filed under ${year}`);
        if (worked.has(date)) issue(`make-up workday ${date} is listed twice`);
        if (off.has(date)) issue(`${date} is both a holiday and a make-up workday`);
        worked.add(date);
      }
    }
  });

/** Zod schema for an admin-editable arrangement file: `{ "years": { "2026": { holidays, workdays } } }`. */
export const ZOfficialArrangement = z.object({ years: ZArrangementYears });

/** Validates untrusted JSON (a file an admin edited, a settings row) into an arrangement, or throws a ZodError. */
export function parseOfficialArrangement(json: unknown): OfficialArrangement {
  return ZOfficialArrangement.parse(json);
}

/** The years an arrangement covers, ascending. */
export function arrangementYears(arrangement: OfficialArrangement): number[] {
  return Object.keys(arrangement.years)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Layers arrangements: a year present in a later one replaces that year wholesale (an admin's correction of
 * 2026 or addition of 2027 wins over the shipped file); years are never merged day by day, since a partial
 * year would look covered while missing half its make-up days.
 */
export function mergeArrangements(...layers: OfficialArrangement[]): OfficialArrangement {
  const years: Record<string, YearArrangement> = {};
  for (const layer of layers) Object.assign(years, layer.years);
  return { years };
}
