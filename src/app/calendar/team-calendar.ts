// The business calendar every deadline, reminder and digest is counted on: office hours in the team's zone,
// China's official arrangement shipped in templates/calendars/cn-mainland.json, and the years an admin added
// or corrected with /mediaops calendar set (kept in the database, so no release is needed when the State
// Council publishes next year's arrangement). Calendars are plain data, built once per zone and kept.
import type { Db, Tx } from "../../db/client.js";
import {
  CN_MAINLAND_ARRANGEMENT,
  buildBusinessCalendar,
  mergeArrangements,
  parseOfficialArrangement,
  type BusinessCalendar,
  type OfficialArrangement,
  type YearArrangement,
} from "../../domain/calendar/index.js";
import { WEEKDAY_ORDER, type TypedHours } from "../../domain/calendar/hours-text.js";

const SETTING_KEY = "calendar.cn-mainland.additions";
/** The team's working hours as set with /mediaops hours set (one team per deployment); none: DEFAULT_HOURS. */
const HOURS_KEY = "calendar.hours";

let additions: OfficialArrangement = { years: {} };
let additionsJson = "";
let hours: TypedHours | undefined;
let hoursJson = "";
const calendars = new Map<string, BusinessCalendar>();

/** The working calendar for a team in `zone`. */
export function teamCalendar(zone: string): BusinessCalendar {
  let cal = calendars.get(zone);
  if (!cal) {
    // Make-up workdays borrow the hours of the first weekday that is worked (Monday unless the team skips it).
    const borrow = hours ? (WEEKDAY_ORDER.find((d) => (hours![d] ?? []).length > 0) ?? "mon") : "mon";
    cal = buildBusinessCalendar({ zone, ...(hours ? { hours, makeUpDayHoursFrom: borrow } : {}) }, { "cn-mainland": mergeArrangements(CN_MAINLAND_ARRANGEMENT, additions) });
    calendars.set(zone, cal);
  }
  return cal;
}

/** The shipped arrangement with the admins' years on top. */
export function currentArrangement(): OfficialArrangement {
  return mergeArrangements(CN_MAINLAND_ARRANGEMENT, additions);
}

/** Reads the admins' years and hours from the database (at start, and every minute so all replicas agree). */
export async function refreshCalendarAdditions(db: Db): Promise<void> {
  const rows = await db.setting.findMany({ where: { key: { in: [SETTING_KEY, HOURS_KEY] } } });
  const json = rows.find((r) => r.key === SETTING_KEY)?.value ?? "";
  const hoursValue = rows.find((r) => r.key === HOURS_KEY)?.value ?? "";
  if (json === additionsJson && hoursValue === hoursJson) return;
  additions = json ? parseOfficialArrangement(JSON.parse(json)) : { years: {} };
  additionsJson = json;
  hours = hoursValue ? (JSON.parse(hoursValue) as TypedHours) : undefined;
  hoursJson = hoursValue;
  calendars.clear();
}

/** The team's hours as set, or undefined for the default office hours. */
export function currentHours(): TypedHours | undefined {
  return hours;
}

/** Stores the team's working hours inside `tx`; refresh after the commit. */
export async function writeHours(tx: Db | Tx, value: TypedHours): Promise<void> {
  const json = JSON.stringify(value);
  await tx.setting.upsert({ where: { key: HOURS_KEY }, create: { key: HOURS_KEY, value: json }, update: { value: json } });
}

/** Stores one year's arrangement inside `tx` (replacing that year wholesale); refresh after the commit. */
export async function writeYear(tx: Db | Tx, year: number, arrangement: YearArrangement): Promise<void> {
  const row = await tx.setting.findUnique({ where: { key: SETTING_KEY } });
  const stored = row ? parseOfficialArrangement(JSON.parse(row.value)) : { years: {} };
  const value = JSON.stringify(parseOfficialArrangement({ years: { ...stored.years, [String(year)]: arrangement } }));
  await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
}
