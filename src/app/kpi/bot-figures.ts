// The bot's own figures a digest shows, read from its own tables: reviews waiting and overdue, open incidents,
// unanswered SLA items past their deadline (all read at `now`); the report day's SLA first-response figures and
// published topics; and the likely drivers of moves (incidents declared on the day, SLA breach spikes).
// Five reads in all: each Prisma query costs its plan compile, and a digest job builds many digests at once.
import { z } from "zod";
import type { DailyDigestView } from "../../../templates/kpi/digest-view.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { workingMinutesBetween } from "../../domain/calendar/working-time.js";
import { wallClockOf } from "../../domain/calendar/zoned.js";
import { MOVE_WINDOW_DAYS, median, unusualMove } from "../../domain/kpi/moves.js";
import { figuresOf, type ResponseSample } from "../../domain/sla/stats.js";
import { readJson } from "../../lib/json.js";
import { teamCalendar } from "../calendar/team-calendar.js";

const ZStrings = z.array(z.string());

/** What the digest shows from the bot's own records. */
export interface BotFigures {
  needs: DailyDigestView["needs"];
  /** First-response median (working minutes) and breach rate of the SLA items that arrived on the day; null: none. */
  slaMedian: number | null;
  slaBreachRate: number | null;
  /** Real incidents (not drills) declared on the day, first first. */
  incidentsDeclared: { id: number; title: string; severity: string }[];
  /** Platforms whose SLA breaches on the day were unusually many against the 28 days before. */
  breachSpikes: Map<string, { count: number; median: number }>;
  /** Topics published in the 28 days to the day (by the local day of publication), as drivers and the trend. */
  published: { id: number; title: string; platforms: string[]; day: LocalDay }[];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The local day of an instant in `zone`. */
export function dayIn(at: Date, zone: string): LocalDay {
  let f = dayFormats.get(zone);
  if (!f) dayFormats.set(zone, (f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(at);
}

/** Reads the bot's figures for the report `day` (a local day in `zone`) as of `now`. */
export async function botFigures(db: Db | Tx, teamId: string, day: LocalDay, zone: string, teamZone: string, now: Date): Promise<BotFigures> {
  const dayStart = wallClockOf(day, zone)(0);
  const dayEnd = wallClockOf(addDays(day, 1), zone)(0);
  const windowStart = wallClockOf(addDays(day, -MOVE_WINDOW_DAYS), zone)(0);
  const [reviewsPending, reviewsOverdue, incidents, slaItems, topics] = await Promise.all([
    db.review.count({ where: { teamId, status: "open" } }),
    // A review is overdue when the level it waits on is past its deadline now; one per review, however many levels.
    db.review.count({ where: { teamId, status: "open", levels: { some: { status: "pending", deadlineAt: { lt: now } } } } }),
    db.incident.findMany({
      where: { teamId, isDrill: false, OR: [{ status: { not: "resolved" } }, { declaredAt: { gte: dayStart, lt: dayEnd } }] },
      select: { id: true, title: true, severity: true, status: true, declaredAt: true },
      orderBy: { declaredAt: "asc" },
    }),
    db.slaItem.findMany({
      where: {
        teamId,
        status: { not: "dismissed" },
        OR: [{ status: { in: ["open", "claimed"] }, deadlineAt: { lt: now } }, { deadlineAt: { gte: windowStart, lt: dayEnd } }, { createdAt: { gte: dayStart, lt: dayEnd } }],
      },
      select: { platform: true, status: true, createdAt: true, deadlineAt: true, answeredAt: true, breachedAt: true },
    }),
    db.topic.findMany({
      where: { teamId, status: "published", decidedAt: { gte: wallClockOf(addDays(day, -(MOVE_WINDOW_DAYS - 1)), zone)(0), lt: dayEnd } },
      select: { id: true, title: true, platforms: true, decidedAt: true },
      orderBy: { decidedAt: "asc" },
    }),
  ]);
  // The day's first-response figures exactly as /sla stats computes them for that span (slaFigures in
  // src/app/sla/sla-stats.ts): the items that arrived on the day, answer times in working minutes on the team's
  // calendar, breached when told so, answered late, or still unanswered past the deadline at the day's end.
  const cal = teamCalendar(teamZone);
  const samples: ResponseSample[] = slaItems
    .filter((r) => r.createdAt >= dayStart && r.createdAt < dayEnd)
    .map((r) => ({
      platform: r.platform,
      account: "",
      responseMinutes: r.status === "answered" && r.answeredAt ? Math.round(workingMinutesBetween(cal, r.createdAt, r.answeredAt)) : undefined,
      breached: r.breachedAt !== null || (r.answeredAt ? r.answeredAt > r.deadlineAt : dayEnd > r.deadlineAt),
    }));
  const sla = figuresOf("all", samples);
  const openIncidents = incidents.filter((i) => i.status !== "resolved").length;
  const declared = incidents.filter((i) => i.declaredAt >= dayStart && i.declaredAt < dayEnd);
  const slaBreaches = slaItems.filter((r) => (r.status === "open" || r.status === "claimed") && r.deadlineAt < now).length;
  return {
    needs: { reviewsOverdue, reviewsPending, slaBreaches, openIncidents },
    slaMedian: sla.medianMinutes,
    slaBreachRate: sla.count === 0 ? null : sla.breachRate,
    incidentsDeclared: declared.map(({ id, title, severity }) => ({ id, title, severity })),
    breachSpikes: breachSpikes(slaItems, day, zone, windowStart, dayEnd, now),
    published: topics.map((r) => ({ id: r.id, title: r.title, platforms: readJson(ZStrings, r.platforms, `Topic(${r.id}).platforms`), day: dayIn(r.decidedAt!, zone) })),
  };
}

/** Breaches by platform and the local day their deadline fell on: the day's count against the 28 days before. */
function breachSpikes(
  items: { platform: string; status: string; deadlineAt: Date; answeredAt: Date | null; breachedAt: Date | null }[],
  day: LocalDay, zone: string, windowStart: Date, dayEnd: Date, now: Date,
): Map<string, { count: number; median: number }> {
  const perDay = new Map<string, Map<LocalDay, number>>();
  for (const r of items) {
    if (r.deadlineAt < windowStart || r.deadlineAt >= dayEnd) continue;
    const breached = r.breachedAt !== null || (r.answeredAt ? r.answeredAt > r.deadlineAt : now > r.deadlineAt);
    if (!breached) continue;
    const d = dayIn(r.deadlineAt, zone);
    let m = perDay.get(r.platform);
    if (!m) perDay.set(r.platform, (m = new Map()));
    m.set(d, (m.get(d) ?? 0) + 1);
  }
  const spikes = new Map<string, { count: number; median: number }>();
  for (const [platform, m] of perDay) {
    const count = m.get(day) ?? 0;
    // Every day is known (the bot's own table): a day without breaches is a real 0.
    const history = Array.from({ length: MOVE_WINDOW_DAYS }, (_, i) => m.get(addDays(day, -(i + 1))) ?? 0);
    const move = unusualMove(count, history);
    if (move?.direction === "up") spikes.set(platform, { count, median: median(history) });
  }
  return spikes;
}
