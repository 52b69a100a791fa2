// The business calendar review deadlines are counted on. Teams have no stored calendar yet, so this builds the
// default one for the team's zone (office hours, China's official holidays and make-up days) and keeps it:
// a calendar is plain data and building one reads the whole holiday table.
import { buildBusinessCalendar, type BusinessCalendar } from "../../domain/calendar/index.js";

const calendars = new Map<string, BusinessCalendar>();

/** The working calendar for a team in `zone`. */
export function teamCalendar(zone: string): BusinessCalendar {
  let cal = calendars.get(zone);
  if (!cal) {
    cal = buildBusinessCalendar({ zone });
    calendars.set(zone, cal);
  }
  return cal;
}
