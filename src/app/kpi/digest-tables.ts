// The digest's figure sections from one grid: a table per platform and one for the team (yesterday, the day
// before, the same weekday last week), the platforms with nothing for yesterday, and the 28-day trends of the
// key metrics. Every number is a dayFigure (src/domain/kpi/figures.ts): combined by the catalogue's rule, with
// late platforms named and partial totals marked.
import type { DigestLate, DigestPlatformTable, DigestRow, DigestTrend } from "../../../templates/kpi/digest-view.js";
import { KEY_METRICS } from "../../domain/kpi/catalogue.js";
import { dayFigure, figureSeries, type LateNote } from "../../domain/kpi/figures.js";
import type { MetricGrid } from "../../domain/kpi/grid.js";

function lateOf(notes: readonly LateNote[]): DigestLate[] {
  return notes.map((n) => (n.asOf ? { platform: n.platform, asOf: n.asOf } : { platform: n.platform }));
}

/** One row of `metric` over `platforms` for the day at index `last`; undefined when all three days are empty. */
function row(grid: MetricGrid, platforms: readonly string[], metric: string, last: number, team: boolean): DigestRow | undefined {
  // A platform's own row shows its own day's figures; only the team's total carries a late level forward.
  const fig = (i: number) => dayFigure(grid, platforms, metric, i, team);
  const y = fig(last);
  const r: DigestRow = { metric, yesterday: y.value, dayBefore: fig(last - 1).value, lastWeek: fig(last - 7).value };
  if (r.yesterday === null && r.dayBefore === null && r.lastWeek === null) return undefined;
  if (y.partial) r.partial = true;
  if (team && y.late.length > 0) r.late = lateOf(y.late);
  return r;
}

/** The tables of the digest: per platform, the team's (with two or more platforms), and who sent nothing. */
export function digestTables(grid: MetricGrid, platforms: readonly string[], shown: readonly string[]): { tables: DigestPlatformTable[]; team?: DigestRow[]; missing: string[] } {
  const last = grid.days.length - 1;
  const tables: DigestPlatformTable[] = [];
  const missing: string[] = [];
  for (const p of platforms) {
    const rows = shown.flatMap((m) => row(grid, [p], m, last, false) ?? []);
    if (!rows.some((r) => r.yesterday !== null)) missing.push(p);
    if (rows.length > 0) tables.push({ platform: p, rows });
  }
  if (platforms.length < 2) return { tables, missing };
  return { tables, team: shown.flatMap((m) => row(grid, platforms, m, last, true) ?? []), missing };
}

/** The 28-day daily trend of each key metric shown (except those a headline already charts over the same scope). */
export function keyTrends(grid: MetricGrid, platforms: readonly string[], shown: readonly string[], days: number, skip: ReadonlySet<string>): DigestTrend[] {
  const last = grid.days.length - 1;
  return KEY_METRICS.filter((m) => shown.includes(m) && !skip.has(m)).map((metric) => {
    // A partial day is a gap in the line, never a dip: the late platform is not a drop.
    const series = figureSeries(grid, platforms, metric, last, days);
    const t: DigestTrend = { metric, values: series.map((f) => (f.partial ? null : f.value)) };
    if (series.at(-1)!.partial) t.partial = true;
    return t;
  });
}
