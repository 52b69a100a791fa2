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

const SETTING_KEY = "calendar.cn-mainland.additions";

let additions: OfficialArrangement = { years: {} };
let additionsJson = "";
const calendars = new Map<string, BusinessCalendar>();

/** The working calendar for a team in `zone`. */
export function teamCalendar(zone: string): BusinessCalendar {
  let cal = calendars.get(zone);
  if (!cal) {
    cal = buildBusinessCalendar({ zone }, { "cn-mainland": mergeArrangements(CN_MAINLAND_ARRANGEMENT, additions) });
    calendars.set(zone, cal);
  }
  return cal;
}

/** The shipped arrangement with the admins' years on top. */
export function currentArrangement(): OfficialArrangement {
  return mergeArrangements(CN_MAINLAND_ARRANGEMENT, additions);
}

/** Reads the admins' years from the database (at start, and every minute so all replicas agree). */
export async function refreshCalendarAdditions(db: Db): Promise<void> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  const json = row?.value ?? "";
  if (json === additionsJson) return;
  additions = json ? parseOfficialArrangement(JSON.parse(json)) : { years: {} };
  additionsJson = json;
  calendars.clear();
}

/** Stores one year's arrangement inside `tx` (replacing that year wholesale); refresh after the commit. */
export async function writeYear(tx: Db | Tx, year: number, arrangement: YearArrangement): Promise<void> {
  const row = await tx.setting.findUnique({ where: { key: SETTING_KEY } });
  const stored = row ? parseOfficialArrangement(JSON.parse(row.value)) : { years: {} };
  const value = JSON.stringify(parseOfficialArrangement({ years: { ...stored.years, [String(year)]: arrangement } }));
  await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
}
