// /mediaops hours show|set: the team's working hours, which every deadline (review levels, SLA items, reminders)
// is counted on through the working calendar (src/app/calendar/team-calendar.ts).
import { hoursCopy } from "../../../templates/admin/hours-copy.js";
import { DEFAULT_HOURS, WEEKDAYS, type TimeRange } from "../../domain/calendar/index.js";
import { parseHoursText, WEEKDAY_ORDER, type TypedHours } from "../../domain/calendar/hours-text.js";
import { audit } from "../audit.js";
import { currentHours, refreshCalendarAdditions, writeHours } from "../calendar/team-calendar.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";

const KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The hours in effect, per weekday key. */
function hoursInEffect(): TypedHours {
  const set = currentHours();
  if (set) return set;
  return Object.fromEntries(WEEKDAYS.filter((d) => DEFAULT_HOURS[d].length > 0).map((d) => [KEYS[d], [...DEFAULT_HOURS[d]] as TimeRange[]]));
}

/** One line per weekday, Monday first: "周一 09:00-12:00、13:30-18:30" or "周日 不上班". */
function lines(scope: RequestScope, hours: TypedHours): string[] {
  const c = hoursCopy[scope.actor.locale];
  return WEEKDAY_ORDER.map((d) => c.day(d, (hours[d] ?? []).map((r) => `${r.start}-${r.end}`)));
}

/** Replies with the team's working hours. */
export async function showHours(scope: RequestScope): Promise<void> {
  const c = hoursCopy[scope.actor.locale];
  await replyNotice(scope.deps.db, scope, c.title(scope.team.timezone, currentHours() === undefined), lines(scope, hoursInEffect()), "info");
}

/** Stores new hours; deadlines set from now on follow them. */
export async function setHours(scope: RequestScope, text: string): Promise<void> {
  const hours = parseHoursText(text);
  const before = hoursInEffect();
  await scope.deps.db.$transaction(async (tx) => {
    await writeHours(tx, hours);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "calendar.set_hours", subjectType: "team", subjectId: scope.team.id, before: { hours: before }, after: { hours }, at: scope.now });
    await replyNotice(tx, scope, hoursCopy[scope.actor.locale].saved, lines(scope, hours));
  });
  await refreshCalendarAdditions(scope.deps.db);
}
