// A person's quiet hours (/mediaops quiet): reminders and nudges to them wait until the quiet time ends, on their
// own clock (their zone). Unset means the default 22:00-08:00; "off" means none.
import type { Db, Tx } from "../db/client.js";
import { quietHoursOf } from "../domain/people/person-settings.js";
import { DEFAULT_QUIET_HOURS, quietUntil } from "../domain/sla/reminders.js";

/** When `now` falls in the person's quiet hours, the instant they end; otherwise undefined. */
export function quietEnd(person: { quietHours: string | null; timezone: string }, now: Date): Date | undefined {
  const q = quietHoursOf(person.quietHours, DEFAULT_QUIET_HOURS);
  return q ? quietUntil(now, person.timezone, q) : undefined;
}

/** The same for a person by id (undefined when there is no such person). */
export async function quietEndOf(db: Db | Tx, userId: string, now: Date): Promise<Date | undefined> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { quietHours: true, timezone: true } });
  return u ? quietEnd(u, now) : undefined;
}
