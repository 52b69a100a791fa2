// Figures that arrive by themselves: a content platform's daily figures (the WeChat OA datacube) fetched after
// 08:00 team time for the days of the last 30 not yet stored, one API call per allowed span, stored through the
// same storeMetricValues as every other intake. A day fetched and stored is never fetched again (MetricPullDay
// ok); a day whose call failed is marked failed, with the problem, and tried again on the next run.
import type { Db } from "../../db/client.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { spansOf, windowDays, type TSourceError } from "../../domain/kpi/sources.js";
import type { PlatformProblemInfo } from "../../domain/sla/platform-problems.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import { loadTeam } from "../team.js";
import { noteFailure, noteStored } from "./source-status.js";
import { storeMetricValues, type MetricInput } from "./store-metrics.js";

/** One API of a pulled source: which days one call may cover, and the figures of those days. */
export interface FigureFeed {
  /** The API's name, e.g. getusersummary (one MetricPullDay row per api and day). */
  api: string;
  /** The most days one call may span (getusersummary 7, getuserread 3...). */
  maxSpanDays: number;
  /**
   * Metric code → value for each day from `begin` to `end` (inclusive). A day the answer has no figures for
   * yet is left out of the map, and fetched again on the next run.
   */
  fetch(begin: string, end: string): Promise<Map<string, Record<string, number>>>;
}

/** A platform account whose figures the service fetches. */
export interface PulledSource {
  /** MetricValue.source and MetricSourceStatus.source, e.g. wechat_oa. */
  source: string;
  platform: string;
  account: string;
  feeds: FigureFeed[];
  /** What a thrown error means, in neutral words (undefined: a bug, rethrown). */
  problemOf(err: unknown): PlatformProblemInfo | undefined;
}

/** Pull settings: the local hour from which yesterday is asked for, and how many days are backfilled. */
export interface PullOptions {
  teamId?: string;
  /** Yesterday's figures are asked for from this local hour on (WeChat: 08:00); before it, the day before. */
  readyHour?: number;
  /** Days kept in step, ending with the newest ready day (30). */
  windowDays?: number;
}

/** What a run did. */
export interface PullOutcome {
  stored: string[];
  failed: string[];
  calls: number;
}

async function firstTeamId(db: Db): Promise<string | undefined> {
  return (await db.team.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }))?.id;
}

/** The newest day whose figures are ready at `now` in `zone`. */
export function newestReadyDay(now: Date, zone: string, readyHour: number): string {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(now));
  const today = localDayOf(now, zone);
  const back = hour >= readyHour ? 1 : 2;
  return new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
}

/** Fetches and stores every missing or failed day of the window, feed by feed. */
export async function pullFigures(deps: Pick<AppDeps, "db" | "clock" | "log">, src: PulledSource, opts: PullOptions = {}): Promise<PullOutcome> {
  const teamId = opts.teamId ?? (await firstTeamId(deps.db));
  const outcome: PullOutcome = { stored: [], failed: [], calls: 0 };
  if (!teamId) return outcome;
  const team = await loadTeam(deps.db, teamId);
  const days = windowDays(newestReadyDay(deps.clock.now(), team.timezone, opts.readyHour ?? 8), opts.windowDays ?? 30);
  const key = { teamId, source: src.source, account: src.account };
  for (const feed of src.feeds) {
    const done = await deps.db.metricPullDay.findMany({ where: { ...key, api: feed.api, status: "ok", day: { gte: days[0]!, lte: days.at(-1)! } }, select: { day: true } });
    const doneDays = new Set(done.map((d) => d.day));
    for (const span of spansOf(days.filter((d) => !doneDays.has(d)), feed.maxSpanDays)) {
      outcome.calls++;
      let figures: Map<string, Record<string, number>>;
      try {
        figures = await feed.fetch(span[0]!, span.at(-1)!);
      } catch (err) {
        const info = src.problemOf(err);
        if (!info) throw err;
        deps.log.warn({ source: src.source, api: feed.api, begin: span[0], end: span.at(-1), err }, "kpi pull: call failed; the days are tried again on the next run");
        await markFailed(deps, key, feed.api, span, { kind: "platform", problem: info.problem, ...(info.code !== undefined ? { code: info.code } : {}), ...(info.ip ? { ip: info.ip } : {}), day: span[0] });
        outcome.failed.push(...span.map((d) => `${feed.api}:${d}`));
        break; // the rest of this feed waits for the next run rather than hitting a refusing API again
      }
      await storeSpan(deps, src, key, feed.api, span, figures, outcome);
    }
  }
  return outcome;
}

async function storeSpan(deps: Pick<AppDeps, "db" | "clock">, src: PulledSource, key: { teamId: string; source: string; account: string }, api: string, span: string[], figures: Map<string, Record<string, number>>, outcome: PullOutcome): Promise<void> {
  const now = deps.clock.now();
  const got = span.filter((d) => figures.has(d));
  const missing = span.filter((d) => !figures.has(d));
  const rows: MetricInput[] = got.flatMap((day) => Object.entries(figures.get(day)!).map(([metric, value]) => ({ platform: src.platform, account: src.account, metric, day, value })));
  await deps.db.$transaction(async (tx) => {
    const stored = await storeMetricValues(tx, key.teamId, rows, key.source, src.source, now);
    for (const day of got) {
      await tx.metricPullDay.upsert({ where: { teamId_source_account_api_day: { ...key, api, day } }, create: { ...key, api, day, status: "ok", attempts: 1, updatedAt: now }, update: { status: "ok", error: null, attempts: { increment: 1 }, updatedAt: now } });
    }
    await noteStored(tx, key.teamId, key.source, key.account, got, now);
    if (rows.length > 0) await audit(tx, { teamId: key.teamId, actorId: null, action: "kpi.pull", subjectType: "metric_batch", subjectId: `${key.source}/${key.account}/${api}`, after: { from: span[0], to: span.at(-1), rows: rows.length, ...stored }, at: now });
  });
  outcome.stored.push(...got.map((d) => `${api}:${d}`));
  if (missing.length > 0) {
    await markFailed(deps, key, api, missing, { kind: "platform", problem: "no_data", day: missing[0] });
    outcome.failed.push(...missing.map((d) => `${api}:${d}`));
  }
}

async function markFailed(deps: Pick<AppDeps, "db" | "clock">, key: { teamId: string; source: string; account: string }, api: string, days: string[], error: TSourceError): Promise<void> {
  const now = deps.clock.now();
  const json = JSON.stringify(error);
  await deps.db.$transaction(async (tx) => {
    for (const day of days) {
      await tx.metricPullDay.upsert({ where: { teamId_source_account_api_day: { ...key, api, day } }, create: { ...key, api, day, status: "failed", error: json, attempts: 1, updatedAt: now }, update: { status: "failed", error: json, attempts: { increment: 1 }, updatedAt: now } });
    }
    await noteFailure(tx, key.teamId, key.source, key.account, error, now);
  });
}
