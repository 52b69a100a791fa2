// Each target's figure, pace and trend: the tracked figure of its metric over its scope (the team, a platform or
// an account), computed once per day by trackedFigure, so the headline, the pace, the projection, the trend row
// and the chart of one target can never disagree. Shared by the digest and its "details" button.
import type { DigestHeadline } from "../../../templates/kpi/digest-view.js";
import type { Db, Tx } from "../../db/client.js";
import type { LocalDay } from "../../domain/calendar/local-day.js";
import { storedPartsOf } from "../../domain/kpi/catalogue.js";
import { figureSeries, trackedFigure } from "../../domain/kpi/figures.js";
import type { MetricGrid } from "../../domain/kpi/grid.js";
import { expectedOn, paceOf } from "../../domain/kpi/pace.js";
import { readGrid } from "./read-grid.js";

/** Days of trend (and chart) per target. */
export const TREND_DAYS = 28;

/** A target row as stored. */
export type TargetRow = Awaited<ReturnType<Db["kpiTarget"]["findMany"]>>[number];

/** What a target covers. */
export type TargetScopeKind = "team" | "platform" | "account";

/** The scope of a stored target (rows written before scopes were stored have none: read from their columns). */
export function scopeOf(t: { scope?: string | null; platform: string | null; account: string | null }): TargetScopeKind {
  if (t.scope === "team" || t.scope === "platform" || t.scope === "account") return t.scope;
  return t.account ? "account" : t.platform ? "platform" : "team";
}

/**
 * The headline of each target on `day`. `grid` holds every platform of the team over a window ending on `day`
 * (long enough for TREND_DAYS of tracked figures); an account's target reads that account's own grid.
 */
export async function targetHeadlines(db: Db | Tx, teamId: string, targets: readonly TargetRow[], grid: MetricGrid, day: LocalDay): Promise<DigestHeadline[]> {
  const out: DigestHeadline[] = [];
  for (const t of targets) {
    const scope = scopeOf(t);
    const own = scope === "account"
      ? await readGrid(db, { teamId, platforms: t.platform ? [t.platform] : undefined, account: t.account, metrics: storedPartsOf(t.metric), from: grid.days[0]!, to: day })
      : grid;
    const platforms = scope === "team" ? own.platforms() : own.platforms().filter((p) => p === t.platform);
    const last = own.indexOf(day);
    const series = figureSeries(own, platforms, t.metric, last, TREND_DAYS, trackedFigure);
    const today = series.at(-1)!;
    const line = { baseline: t.baseline, goal: t.goal, startDay: t.startDay, endDay: t.endDay, shape: "linear" as const };
    const days = own.days.slice(last - (TREND_DAYS - 1), last + 1);
    const base = {
      metric: t.metric, platform: t.platform, account: t.account, scope, goalText: t.goalText, endDay: t.endDay, goal: t.goal,
      late: today.late, trend: series.map((f) => f.value), line: days.map((d) => (d < t.startDay ? null : expectedOn(line, d))),
    };
    if (today.value === null) {
      out.push({ ...base, actual: null, expected: expectedOn(line, day), projected: null, gap: 0, status: "no_data" });
      continue;
    }
    const pace = paceOf(line, today.value, day);
    out.push({ ...base, actual: today.value, expected: pace.expected, projected: pace.projected ?? null, gap: pace.gap, status: pace.status });
  }
  return out;
}
