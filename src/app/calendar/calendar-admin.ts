// /mediaops calendar show|set: the holiday data deadlines are counted on, shown plainly and kept current.
import { AppError } from "../../domain/errors.js";
import { calendarCopy, type CalendarDayLine } from "../../../templates/admin/calendar-copy.js";
import { arrangementYears, describeDay, addDays, localDayOf, weekdayOf, yearOf } from "../../domain/calendar/index.js";
import { parseYearLines } from "../../domain/calendar/year-lines.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { currentArrangement, refreshCalendarAdditions, teamCalendar, writeYear } from "./team-calendar.js";

/** Replies with the published years, the years ahead without one (their statutory days counted), and the next days off. */
export async function showCalendar(scope: RequestScope): Promise<void> {
  const c = calendarCopy[scope.actor.locale];
  const years = arrangementYears(currentArrangement());
  const cal = teamCalendar(scope.team.timezone);
  const today = localDayOf(scope.now, scope.team.timezone);
  const upcoming: CalendarDayLine[] = [];
  for (let d = today, i = 0; i < 120 && upcoming.length < 10; d = addDays(d, 1), i++) {
    const info = describeDay(cal, d);
    if (info.kind !== "holiday" && info.kind !== "make-up-workday") continue;
    upcoming.push({ date: d, weekday: weekdayOf(d), kind: info.kind, name: info.name, statutory: cal.statutoryYears.has(yearOf(d)) });
  }
  const thisYear = yearOf(today);
  const unpublished = [thisYear, thisYear + 1].filter((y) => !years.includes(y));
  await replyNotice(scope.deps.db, scope, c.title(scope.team.timezone), [
    c.published(years.join(scope.actor.locale === "en" ? ", " : "、")),
    ...unpublished.map((y) => c.unpublished(y)),
    ...(upcoming.length > 0 ? upcoming.map((d) => c.day(d)) : [c.none]),
  ], "info");
}

/** Stores `year`'s arrangement from the typed lines; every later deadline uses it. */
export async function setCalendarYear(scope: RequestScope, year: number, body: string): Promise<void> {
  const arrangement = parseYearLines(year, body);
  const thisYear = Number(localDayOf(scope.now, scope.team.timezone).slice(0, 4));
  if (year < thisYear - 1 || year > thisYear + 2) throw new AppError("calendar.bad_year", { year });
  await scope.deps.db.$transaction(async (tx) => {
    await writeYear(tx, year, arrangement);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "calendar.set_year", subjectType: "calendar", subjectId: year, after: { holidays: arrangement.holidays.length, workdays: arrangement.workdays }, at: scope.now });
    await replyNotice(tx, scope, calendarCopy[scope.actor.locale].saved(year, arrangement.holidays.length, arrangement.workdays.length));
  });
  await refreshCalendarAdditions(scope.deps.db);
}
