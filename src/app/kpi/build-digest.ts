// Builds a digest's view model from the database: ONE grouped query for 29 days of daily sums (table, trends,
// moves and the targets' pace all come from it, indexed once into a grid), and small reads of the bot's own
// tables (targets, topics, reviews, incidents, SLA items) for the operations figures, "needs you today" and the
// likely drivers of unusual moves. Only a target on a single account asks the metric table again.
import { z } from "zod";
import type { DailyDigestView, DigestDriver, DigestHeadline, DigestMove, DigestOperation, DigestPlatformTable, DigestRow, DigestTrend } from "../../../templates/kpi/digest-view.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { wallClockOf } from "../../domain/calendar/zoned.js";
import { KEY_METRICS, METRICS, storedPartsOf } from "../../domain/kpi/catalogue.js";
import { MOVE_WINDOW_DAYS, median, unusualMove } from "../../domain/kpi/moves.js";
import { paceOf } from "../../domain/kpi/pace.js";
import { workingMinutesBetween } from "../../domain/calendar/working-time.js";
import { figuresOf, type ResponseSample } from "../../domain/sla/stats.js";
import { readJson } from "../../lib/json.js";
import { encodeKpiButton } from "./digest-buttons.js";
import { measure, measureFromGrid, seriesOf, sumsByDay, type SumGrid } from "./measure.js";
import { teamCalendar } from "../calendar/team-calendar.js";

/** What a digest covers. Empty lists mean everything. */
export interface DigestSpec {
  teamId: string;
  teamName: string;
  /** The local day it is sent on (the report is for the day before) and the zone that day is read in. */
  sentDay: LocalDay;
  timezone: string;
  /** The team's own zone: SLA response times are working minutes on the team's business calendar. */
  teamTimezone: string;
  platforms: string[];
  metrics: string[];
  muted: string[];
  preview: boolean;
  /** The subscription it is sent for (its "mute" button mutes there); null for a preview without one. */
  subscriptionId: string | null;
  /** The service's button key; without it the card has no buttons. */
  buttonKey?: string;
}

const ZStrings = z.array(z.string());

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayIn(at: Date, zone: string): LocalDay {
  let f = dayFormats.get(zone);
  if (!f) dayFormats.set(zone, (f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(at);
}

/** A platform topic published on one day, as a possible driver of a move. */
async function publishedTopics(db: Db | Tx, teamId: string, from: LocalDay, to: LocalDay, zone: string): Promise<{ id: number; title: string; platforms: string[]; day: LocalDay }[]> {
  const rows = await db.topic.findMany({
    where: { teamId, status: "published", decidedAt: { gte: wallClockOf(from, zone)(0), lt: wallClockOf(addDays(to, 1), zone)(0) } },
    select: { id: true, title: true, platforms: true, decidedAt: true },
    orderBy: { decidedAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, platforms: readJson(ZStrings, r.platforms, `Topic(${r.id}).platforms`), day: dayIn(r.decidedAt!, zone) }));
}

/** Builds the digest for `spec` as of `now` (needs counts are read at `now`). */
export async function buildDigest(db: Db | Tx, spec: DigestSpec, now: Date): Promise<DailyDigestView> {
  const day = addDays(spec.sentDay, -1);
  const from = addDays(day, -MOVE_WINDOW_DAYS);
  const shown = spec.metrics.length > 0 ? spec.metrics : METRICS.filter((m) => m.source === "platform").map((m) => m.code);
  const [targets, topics, ops] = await Promise.all([
    db.kpiTarget.findMany({ where: { teamId: spec.teamId, active: true, endDay: { gte: day } }, orderBy: { id: "asc" } }),
    publishedTopics(db, spec.teamId, addDays(day, -(MOVE_WINDOW_DAYS - 1)), day, spec.timezone),
    botFigures(db, spec.teamId, day, spec.timezone, spec.teamTimezone, now),
  ]);
  // Every platform is read (team-wide targets add them all up); the digest's own sections keep to its platforms.
  const stored = [...new Set([...shown, ...targets.map((t) => t.metric)].flatMap(storedPartsOf))];
  const grid = await sumsByDay(db, { teamId: spec.teamId, metrics: stored, from, to: day });
  const withData = grid.platforms();
  const platforms = spec.platforms.length > 0 ? spec.platforms : withData;

  const last = grid.days.length - 1; // `day`
  const at = (s: (number | null)[], back: number) => s[last - back] ?? null;
  // One series per (platform, metric), computed once and shared by the table and the moves.
  const series = new Map<string, Map<string, (number | null)[]>>();
  for (const p of platforms) series.set(p, new Map(shown.map((m) => [m, seriesOf(grid, [p], m)])));

  const tables: DigestPlatformTable[] = [];
  const missing: string[] = [];
  for (const p of platforms) {
    const rows: DigestRow[] = [];
    for (const metric of shown) {
      const s = series.get(p)!.get(metric)!;
      const row = { metric, yesterday: at(s, 0), dayBefore: at(s, 1), lastWeek: at(s, 7) };
      if (row.yesterday !== null || row.dayBefore !== null || row.lastWeek !== null) rows.push(row);
    }
    if (!rows.some((r) => r.yesterday !== null)) missing.push(p);
    if (rows.length > 0) tables.push({ platform: p, rows });
  }

  const trendDays = grid.days.slice(-MOVE_WINDOW_DAYS);
  const trends: DigestTrend[] = KEY_METRICS.filter((m) => shown.includes(m)).map((metric) => ({ metric, values: seriesOf(grid, platforms, metric).slice(-MOVE_WINDOW_DAYS) }));
  const perDay = new Map<string, number>();
  for (const t of topics) perDay.set(t.day, (perDay.get(t.day) ?? 0) + 1);
  // Topics published is the bot's own figure: counted from its Topic table, every day known (0 is a real 0).
  trends.push({ metric: "topics_published", values: trendDays.map((d) => perDay.get(d) ?? 0) });

  const dayBefore = addDays(day, -1);
  const button = (action: "detail" | "mute" | "assign", platform: string | null, metric: string) =>
    spec.buttonKey ? encodeKpiButton(action, { subscriptionId: spec.subscriptionId, platform, metric, day }, spec.buttonKey) : undefined;
  const moves: DigestMove[] = [];
  for (const p of platforms) {
    for (const metric of shown) {
      if (spec.muted.includes(metric)) continue;
      const s = series.get(p)!.get(metric)!;
      const value = s[last];
      if (value === null || value === undefined) continue;
      // The 28 days before `day`, most recent first.
      const move = unusualMove(value, s.slice(0, last).reverse());
      if (!move) continue;
      const t = topics.findLast((x) => x.platforms.includes(p) && (x.day === day || x.day === dayBefore));
      const incident = ops.incidentsDeclared[0];
      const spike = ops.breachSpikes.get(p);
      let driver: DigestDriver | null = null;
      if (t && move.direction === "up") driver = { kind: "topic", id: t.id, title: t.title, day: t.day };
      else if (incident) driver = { kind: "incident", id: incident.id, title: incident.title, severity: incident.severity, day };
      else if (spike) driver = { kind: "sla_breaches", count: spike.count, median: spike.median, day };
      const detail = button("detail", p, metric);
      const assign = button("assign", p, metric);
      const mute = spec.subscriptionId ? button("mute", p, metric) : undefined;
      moves.push({ platform: p, metric, value, median: move.median, direction: move.direction, driver, ...(detail && assign ? { buttons: { detail, assign, ...(mute ? { mute } : {}) } } : {}) });
    }
  }

  const headline = (await headlines(db, spec, day, grid, targets)).map((h) => {
    const detail = button("detail", h.platform, h.metric);
    return detail ? { ...h, detail } : h;
  });
  const operations: DigestOperation[] = [
    { metric: "sla_first_response_median", value: ops.slaMedian },
    { metric: "sla_breach_rate", value: ops.slaBreachRate },
    { metric: "reviews_pending", value: ops.needs.reviewsPending },
    { metric: "reviews_overdue", value: ops.needs.reviewsOverdue },
    { metric: "open_incidents", value: ops.needs.openIncidents },
    { metric: "topics_published", value: perDay.get(day) ?? 0 },
  ];
  return {
    teamName: spec.teamName,
    day,
    sentDay: spec.sentDay,
    timezone: spec.timezone,
    platforms,
    headline,
    tables,
    missing,
    trends,
    moves,
    needs: ops.needs,
    operations,
    preview: spec.preview,
  };
}

type TargetRow = Awaited<ReturnType<Db["kpiTarget"]["findMany"]>>[number];

async function headlines(db: Db | Tx, spec: DigestSpec, day: LocalDay, grid: SumGrid, targets: TargetRow[]): Promise<DigestHeadline[]> {
  const out: DigestHeadline[] = [];
  for (const t of targets) {
    if (spec.platforms.length > 0 && t.platform && !spec.platforms.includes(t.platform)) continue;
    // The grid holds every platform and every target's parts; only a single account needs its own query.
    const actual = t.account
      ? await measure(db, { teamId: spec.teamId, metric: t.metric, platform: t.platform, account: t.account, day })
      : measureFromGrid(grid, t.platform ? [t.platform] : grid.platforms(), t.metric, day);
    const line = { baseline: t.baseline, goal: t.goal, startDay: t.startDay, endDay: t.endDay, shape: "linear" as const };
    const base = { metric: t.metric, platform: t.platform, account: t.account, goalText: t.goalText, endDay: t.endDay, goal: t.goal };
    if (actual === null) {
      out.push({ ...base, actual: null, expected: line.baseline, projected: null, gap: 0, status: "no_data" });
      continue;
    }
    const pace = paceOf(line, actual, day);
    out.push({ ...base, actual, expected: pace.expected, projected: pace.projected ?? null, gap: pace.gap, status: pace.status });
  }
  return out;
}

/** The bot's own figures a digest shows: needs (read at `now`), the report day's SLA figures, drivers. */
interface BotFigures {
  needs: DailyDigestView["needs"];
  /** First-response median (working minutes) and breach rate of the SLA items that arrived on the day; null: none. */
  slaMedian: number | null;
  slaBreachRate: number | null;
  /** Real incidents (not drills) declared on the day, first first. */
  incidentsDeclared: { id: number; title: string; severity: string }[];
  /** Platforms whose SLA breaches on the day were unusually many against the 28 days before. */
  breachSpikes: Map<string, { count: number; median: number }>;
}

/**
 * Reviews waiting and overdue now; open incidents now (drills left out, as incidentMetrics does); SLA items past
 * their deadline and still unanswered now; the day's SLA figures; incidents declared on the day; SLA breaches per
 * platform and day for spikes. Five reads in all: each Prisma query costs its plan compile, and a digest job
 * builds many digests at once.
 */
async function botFigures(db: Db | Tx, teamId: string, day: LocalDay, zone: string, teamZone: string, now: Date): Promise<BotFigures> {
  const dayStart = wallClockOf(day, zone)(0);
  const dayEnd = wallClockOf(addDays(day, 1), zone)(0);
  const windowStart = wallClockOf(addDays(day, -MOVE_WINDOW_DAYS), zone)(0);
  // One read per table: open or declared-that-day incidents; SLA items unanswered past their deadline now, whose
  // deadline fell in the 29 days, or that arrived on the day.
  const [reviewsPending, reviewsOverdue, incidents, slaItems] = await Promise.all([
    db.review.count({ where: { teamId, status: "open" } }),
    db.reviewLevelState.count({ where: { status: "pending", deadlineAt: { lt: now }, review: { teamId } } }),
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
  const sla = { total: figuresOf("all", samples) };
  const openIncidents = incidents.filter((i) => i.status !== "resolved").length;
  const declared = incidents.filter((i) => i.declaredAt >= dayStart && i.declaredAt < dayEnd);
  const slaBreaches = slaItems.filter((r) => (r.status === "open" || r.status === "claimed") && r.deadlineAt < now).length;
  // Breaches by platform and the local day their deadline fell on: the day's count against the 28 days before.
  const perDay = new Map<string, Map<LocalDay, number>>();
  for (const r of slaItems) {
    if (r.deadlineAt < windowStart || r.deadlineAt >= dayEnd) continue;
    const breached = r.breachedAt !== null || (r.answeredAt ? r.answeredAt > r.deadlineAt : now > r.deadlineAt);
    if (!breached) continue;
    const d = dayIn(r.deadlineAt, zone);
    let m = perDay.get(r.platform);
    if (!m) perDay.set(r.platform, (m = new Map()));
    m.set(d, (m.get(d) ?? 0) + 1);
  }
  const breachSpikes = new Map<string, { count: number; median: number }>();
  for (const [platform, m] of perDay) {
    const count = m.get(day) ?? 0;
    // Every day is known (the bot's own table): a day without breaches is a real 0.
    const history = Array.from({ length: MOVE_WINDOW_DAYS }, (_, i) => m.get(addDays(day, -(i + 1))) ?? 0);
    const move = unusualMove(count, history);
    if (move?.direction === "up") breachSpikes.set(platform, { count, median: median(history) });
  }
  return {
    needs: { reviewsOverdue, reviewsPending, slaBreaches, openIncidents },
    slaMedian: sla.total.medianMinutes,
    slaBreachRate: sla.total.count === 0 ? null : sla.total.breachRate,
    incidentsDeclared: declared.map(({ id, title, severity }) => ({ id, title, severity })),
    breachSpikes,
  };
}
