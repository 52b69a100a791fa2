// Builds a digest's view model from the database: ONE grouped query for 29 days of daily sums (table, trends,
// moves and the targets' pace all come from it, indexed once into a grid), and small reads for targets, topics
// and what needs a manager. Only a target on a single account asks the database again.
import { z } from "zod";
import type { DailyDigestView, DigestDriver, DigestHeadline, DigestMove, DigestPlatformTable, DigestRow, DigestTrend } from "../../../templates/kpi/digest-view.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { wallClockOf } from "../../domain/calendar/zoned.js";
import { KEY_METRICS, METRICS, storedPartsOf } from "../../domain/kpi/catalogue.js";
import { MOVE_WINDOW_DAYS, unusualMove } from "../../domain/kpi/moves.js";
import { paceOf } from "../../domain/kpi/pace.js";
import { readJson } from "../../lib/json.js";
import { measure, measureFromGrid, seriesOf, sumsByDay, type SumGrid } from "./measure.js";

/** What a digest covers. Empty lists mean everything. */
export interface DigestSpec {
  teamId: string;
  teamName: string;
  /** The local day it is sent on (the report is for the day before) and the zone that day is read in. */
  sentDay: LocalDay;
  timezone: string;
  platforms: string[];
  metrics: string[];
  muted: string[];
  preview: boolean;
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
  const [targets, topics, needed] = await Promise.all([
    db.kpiTarget.findMany({ where: { teamId: spec.teamId, active: true, endDay: { gte: day } }, orderBy: { id: "asc" } }),
    publishedTopics(db, spec.teamId, addDays(day, -(MOVE_WINDOW_DAYS - 1)), day, spec.timezone),
    needs(db, spec.teamId, now),
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
      const driver: DigestDriver | null = t && move.direction === "up" ? { kind: "topic", id: t.id, title: t.title, day: t.day } : null;
      moves.push({ platform: p, metric, value, median: move.median, direction: move.direction, driver });
    }
  }

  const headline = await headlines(db, spec, day, grid, targets);
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
    needs: needed,
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

/** Reviews waiting now. SLA breaches and incidents have no tables in this checkout yet: null = "not tracked". */
async function needs(db: Db | Tx, teamId: string, now: Date): Promise<DailyDigestView["needs"]> {
  const [reviewsPending, reviewsOverdue] = await Promise.all([
    db.review.count({ where: { teamId, status: "open" } }),
    db.reviewLevelState.count({ where: { status: "pending", deadlineAt: { lt: now }, review: { teamId } } }),
  ]);
  // TODO(kpi): SLA breaches (first-response median, breach rate) and open incidents once the SLA and incident
  // features add their tables; until then the digest says "not tracked yet" rather than 0.
  return { reviewsOverdue, reviewsPending, slaBreaches: null, openIncidents: null };
}
