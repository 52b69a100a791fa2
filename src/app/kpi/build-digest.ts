// Builds a digest's view model from the database: one grouped query for 29 days of sums (table, trends and
// moves all come from it), one per target for its pace, and small counts for topics and reviews.
import { z } from "zod";
import type { DailyDigestView, DigestDriver, DigestHeadline, DigestMove, DigestPlatformTable, DigestTrend } from "../../../templates/kpi/digest-view.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { instantAt } from "../../domain/calendar/zoned.js";
import { KEY_METRICS, METRICS, storedPartsOf } from "../../domain/kpi/catalogue.js";
import { MOVE_WINDOW_DAYS, unusualMove } from "../../domain/kpi/moves.js";
import { paceOf } from "../../domain/kpi/pace.js";
import { readJson } from "../../lib/json.js";
import { measure, measureFromSums, sumsByDay, valueOn, type Sums } from "./measure.js";

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

/** A platform topic published on one day, as a possible driver of a move. */
async function publishedTopics(db: Db | Tx, teamId: string, from: LocalDay, to: LocalDay, zone: string): Promise<{ id: number; title: string; platforms: string[]; day: LocalDay }[]> {
  const rows = await db.topic.findMany({
    where: { teamId, status: "published", decidedAt: { gte: instantAt(from, 0, zone), lt: instantAt(addDays(to, 1), 0, zone) } },
    select: { id: true, title: true, platforms: true, decidedAt: true },
    orderBy: { decidedAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, platforms: readJson(ZStrings, r.platforms, `Topic(${r.id}).platforms`), day: dayIn(r.decidedAt!, zone) }));
}

function dayIn(at: Date, zone: string): LocalDay {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Builds the digest for `spec` as of `now` (needs counts are read at `now`). */
export async function buildDigest(db: Db | Tx, spec: DigestSpec, now: Date): Promise<DailyDigestView> {
  const day = addDays(spec.sentDay, -1);
  const from = addDays(day, -MOVE_WINDOW_DAYS);
  const shown = spec.metrics.length > 0 ? spec.metrics : METRICS.filter((m) => m.source === "platform").map((m) => m.code);
  const stored = [...new Set(shown.flatMap(storedPartsOf))];
  const sums = await sumsByDay(db, { teamId: spec.teamId, platforms: spec.platforms, metrics: stored, from, to: day });
  const withData = [...new Set([...sums.keys()].map((k) => k.split("|")[0]!))].sort();
  const platforms = spec.platforms.length > 0 ? spec.platforms : withData;

  const tables: DigestPlatformTable[] = [];
  const missing: string[] = [];
  for (const p of platforms) {
    const rows = shown
      .map((metric) => ({ metric, yesterday: valueOn(sums, [p], metric, day), dayBefore: valueOn(sums, [p], metric, addDays(day, -1)), lastWeek: valueOn(sums, [p], metric, addDays(day, -7)) }))
      .filter((r) => r.yesterday !== null || r.dayBefore !== null || r.lastWeek !== null);
    if (!rows.some((r) => r.yesterday !== null)) missing.push(p);
    if (rows.length > 0) tables.push({ platform: p, rows });
  }

  const topics = await publishedTopics(db, spec.teamId, addDays(day, -(MOVE_WINDOW_DAYS - 1)), day, spec.timezone);
  const trendDays = Array.from({ length: MOVE_WINDOW_DAYS }, (_, i) => addDays(day, i - (MOVE_WINDOW_DAYS - 1)));
  const trends: DigestTrend[] = KEY_METRICS.filter((m) => shown.includes(m)).map((metric) => ({ metric, values: trendDays.map((d) => valueOn(sums, platforms, metric, d)) }));
  const perDay = new Map<string, number>();
  for (const t of topics) perDay.set(t.day, (perDay.get(t.day) ?? 0) + 1);
  // Topics published is the bot's own figure: counted from its Topic table, every day known (0 is a real 0).
  trends.push({ metric: "topics_published", values: trendDays.map((d) => perDay.get(d) ?? 0) });

  const moves: DigestMove[] = [];
  for (const p of platforms) {
    for (const metric of shown) {
      if (spec.muted.includes(metric)) continue;
      const value = valueOn(sums, [p], metric, day);
      if (value === null) continue;
      const history = Array.from({ length: MOVE_WINDOW_DAYS }, (_, i) => valueOn(sums, [p], metric, addDays(day, -(i + 1))));
      const move = unusualMove(value, history);
      if (!move) continue;
      const t = [...topics].reverse().find((x) => x.platforms.includes(p) && (x.day === day || x.day === addDays(day, -1)));
      const driver: DigestDriver | null = t && move.direction === "up" ? { kind: "topic", id: t.id, title: t.title, day: t.day } : null;
      moves.push({ platform: p, metric, value, median: move.median, direction: move.direction, driver });
    }
  }

  const headline = await headlines(db, spec, day, sums, stored);
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
    needs: await needs(db, spec.teamId, now),
    preview: spec.preview,
  };
}

async function headlines(db: Db | Tx, spec: DigestSpec, day: LocalDay, sums: Sums, stored: string[]): Promise<DigestHeadline[]> {
  const targets = await db.kpiTarget.findMany({ where: { teamId: spec.teamId, active: true, endDay: { gte: day } }, orderBy: { id: "asc" } });
  const out: DigestHeadline[] = [];
  for (const t of targets) {
    if (spec.platforms.length > 0 && t.platform && !spec.platforms.includes(t.platform)) continue;
    // A team-wide target over the same platforms as the digest can reuse its sums; others ask the database.
    const parts = storedPartsOf(t.metric);
    const reuse = !t.platform && !t.account && spec.platforms.length === 0 && parts.every((m) => stored.includes(m));
    const actual = reuse ? measureFromSums(onlyMetrics(sums, parts), t.metric, day) : await measure(db, { teamId: spec.teamId, metric: t.metric, platform: t.platform, account: t.account, day });
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

function onlyMetrics(sums: Sums, metrics: string[]): Sums {
  const out: Sums = new Map();
  for (const [k, v] of sums) if (metrics.includes(k.split("|")[1]!)) out.set(k, v);
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
