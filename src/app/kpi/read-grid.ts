// Reads stored metric values into a MetricGrid (src/domain/kpi/grid.ts) with two grouped statements: the daily
// sums and account counts per platform and metric (over the covering index on (teamId, day, platform, metric,
// value), so a digest never loads a year of rows), and each account's own values of the level metrics among
// them (followers), which add each account's latest figure. Tagged queries (Prisma.sql) so the placeholders fit
// SQLite (?) and PostgreSQL ($1); identifiers double-quoted (PostgreSQL folds unquoted "teamId"); portable SQL.
import { Prisma, type Sql } from "../../db/sql.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { metricDef, storedPartsOf } from "../../domain/kpi/catalogue.js";
import { EXPECTED_DAYS, LEVEL_LOOKBACK_DAYS, TRACKED_DAYS, trackedFigure } from "../../domain/kpi/figures.js";
import { MetricGrid } from "../../domain/kpi/grid.js";

/** Which rows to read: the team, optionally some platforms and one account, some stored metrics, a window. */
export interface GridFilter {
  teamId: string;
  platforms?: readonly string[];
  account?: string | null;
  metrics: readonly string[];
  from: LocalDay;
  to: LocalDay;
}

/** The grid of `f`, read in two statements run together. */
export async function readGrid(db: Db | Tx, f: GridFilter): Promise<MetricGrid> {
  const where = (metrics: readonly string[]) => {
    const w: Sql[] = [Prisma.sql`"teamId" = ${f.teamId}`, Prisma.sql`"day" >= ${f.from}`, Prisma.sql`"day" <= ${f.to}`];
    if (f.platforms && f.platforms.length > 0) w.push(Prisma.sql`"platform" IN (${Prisma.join([...f.platforms])})`);
    w.push(Prisma.sql`"metric" IN (${Prisma.join([...metrics])})`);
    if (f.account) w.push(Prisma.sql`"account" = ${f.account}`);
    return Prisma.join(w, " AND ");
  };
  const grid = new MetricGrid(f.from, f.to);
  if (f.metrics.length === 0) return grid;
  const levels = f.metrics.filter((m) => metricDef(m).combine === "latest");
  const [groups, accounts] = await Promise.all([
    db.$queryRaw<{ platform: string; metric: string; day: string; total: number | bigint | null; accounts: number | bigint }[]>(
      Prisma.sql`SELECT "platform", "metric", "day", SUM("value") AS total, COUNT(*) AS accounts FROM "MetricValue" WHERE ${where(f.metrics)} GROUP BY "platform", "metric", "day"`,
    ),
    levels.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ platform: string; account: string; metric: string; day: string; value: number }[]>(
          Prisma.sql`SELECT "platform", "account", "metric", "day", "value" FROM "MetricValue" WHERE ${where(levels)}`,
        ),
  ]);
  for (const g of groups) grid.add(g.platform, g.metric, g.day, Number(g.total ?? 0), Number(g.accounts));
  for (const a of accounts) grid.addAccount(a.platform, a.account, a.metric, a.day, Number(a.value));
  return grid;
}

/** Days before a figure's day that it may read: a week of data, the week before it (who is expected), levels' lookback. */
export const FIGURE_LOOKBACK_DAYS = Math.max(TRACKED_DAYS + EXPECTED_DAYS, LEVEL_LOOKBACK_DAYS);

/** The scope of a target: the team (every platform), one platform, or one account on one platform. */
export interface TargetScope {
  platform: string | null;
  account: string | null;
}

/** The figure a target tracks on `day` over its scope (see trackedFigure); null when there is no data. */
export async function measure(db: Db | Tx, f: { teamId: string; metric: string; day: LocalDay } & TargetScope): Promise<number | null> {
  const grid = await readGrid(db, { teamId: f.teamId, platforms: f.platform ? [f.platform] : undefined, account: f.account, metrics: storedPartsOf(f.metric), from: addDays(f.day, -FIGURE_LOOKBACK_DAYS), to: f.day });
  return trackedFigure(grid, grid.platforms(), f.metric, grid.indexOf(f.day)).value;
}
