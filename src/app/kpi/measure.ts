// Reads metric figures aggregated in the database (SUM over accounts, grouped by platform, metric and day), so a
// digest never loads a year of rows: one grouped query over the covering index on (teamId, day, platform, metric,
// value). The groups are indexed once into a grid (platform → metric → one slot per day), so every later lookup
// is two Map reads and an array index: no per-lookup string keys, no date arithmetic in the loops.
import { Prisma } from "../../generated/prisma/client.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { metricDef, storedPartsOf } from "../../domain/kpi/catalogue.js";

/** Which rows to add up: the team, optionally some platforms, one account, some metrics. */
export interface SumFilter {
  teamId: string;
  platforms?: readonly string[];
  account?: string | null;
  metrics?: readonly string[];
  from: LocalDay;
  to: LocalDay;
}

/** Daily sums of a window [from, to], indexed by platform, metric and day position (0 = `from`). */
export class SumGrid {
  /** Every day of the window, oldest first. */
  readonly days: LocalDay[];
  private readonly position = new Map<LocalDay, number>();
  private readonly byPlatform = new Map<string, Map<string, Float64Array>>();

  constructor(from: LocalDay, to: LocalDay) {
    const days: LocalDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
    this.days = days;
    days.forEach((d, i) => this.position.set(d, i));
  }

  /** Adds one group (NaN in a slot means no data). */
  add(platform: string, metric: string, day: LocalDay, total: number): void {
    const i = this.indexOf(day);
    if (i < 0) return;
    let metrics = this.byPlatform.get(platform);
    if (!metrics) this.byPlatform.set(platform, (metrics = new Map()));
    let slots = metrics.get(metric);
    if (!slots) metrics.set(metric, (slots = new Float64Array(this.days.length).fill(Number.NaN)));
    slots[i] = Number.isNaN(slots[i]!) ? total : slots[i]! + total;
  }

  /** The position of `day` in the window, -1 outside it. */
  indexOf(day: LocalDay): number {
    return this.position.get(day) ?? -1;
  }

  /** Platforms with any data, sorted. */
  platforms(): string[] {
    return [...this.byPlatform.keys()].sort();
  }

  /** The stored slots of one platform's metric, if it has any data. */
  slots(platform: string, metric: string): Float64Array | undefined {
    return this.byPlatform.get(platform)?.get(metric);
  }
}

/**
 * SUM(value) grouped by platform, metric and day, computed by the database in one statement. A tagged query
 * (Prisma.sql) so the placeholders are right for SQLite (?) and PostgreSQL ($1); identifiers are double-quoted
 * (PostgreSQL folds unquoted "teamId" to teamid); nothing SQLite- or PostgreSQL-only.
 */
export async function sumsByDay(db: Db | Tx, f: SumFilter): Promise<SumGrid> {
  const where: Prisma.Sql[] = [Prisma.sql`"teamId" = ${f.teamId}`, Prisma.sql`"day" >= ${f.from}`, Prisma.sql`"day" <= ${f.to}`];
  if (f.platforms && f.platforms.length > 0) where.push(Prisma.sql`"platform" IN (${Prisma.join([...f.platforms])})`);
  if (f.metrics && f.metrics.length > 0) where.push(Prisma.sql`"metric" IN (${Prisma.join([...f.metrics])})`);
  if (f.account) where.push(Prisma.sql`"account" = ${f.account}`);
  const groups = await db.$queryRaw<{ platform: string; metric: string; day: string; total: number | bigint | null }[]>(
    Prisma.sql`SELECT "platform", "metric", "day", SUM("value") AS total FROM "MetricValue" WHERE ${Prisma.join(where, " AND ")} GROUP BY "platform", "metric", "day"`,
  );
  const grid = new SumGrid(f.from, f.to);
  for (const g of groups) grid.add(g.platform, g.metric, g.day, Number(g.total ?? 0));
  return grid;
}

/** A stored metric's daily totals over `platforms` (NaN: no platform has data that day). */
function storedSeries(grid: SumGrid, platforms: readonly string[], code: string): Float64Array {
  const out = new Float64Array(grid.days.length).fill(Number.NaN);
  for (const p of platforms) {
    const s = grid.slots(p, code);
    if (!s) continue;
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      if (!Number.isNaN(v)) out[i] = Number.isNaN(out[i]!) ? v : out[i]! + v;
    }
  }
  return out;
}

/**
 * A metric's value on every day of the grid, over `platforms` (added up): a stored metric is its sum, a rate is
 * Σnumerator / Σdenominator. Null where any part has no data (a gap, never a zero) or the denominator is 0.
 */
export function seriesOf(grid: SumGrid, platforms: readonly string[], metric: string): (number | null)[] {
  const def = metricDef(metric);
  const n = grid.days.length;
  if (!def.ratio) return Array.from(storedSeries(grid, platforms, metric), (v) => (Number.isNaN(v) ? null : v));
  const total = (codes: readonly string[]) => {
    const acc = new Float64Array(n);
    for (const c of codes) {
      const s = storedSeries(grid, platforms, c);
      for (let i = 0; i < n; i++) acc[i] = acc[i]! + s[i]!; // NaN (a missing part) stays NaN
    }
    return acc;
  };
  const num = total(def.ratio.num);
  const den = total(def.ratio.den);
  const out: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = Number.isNaN(num[i]!) || Number.isNaN(den[i]!) || den[i] === 0 ? null : num[i]! / den[i]!;
  return out;
}

/** Days of data a flow or a rate is measured over for targets (a week smooths the weekday pattern). */
export const MEASURE_DAYS = 7;

/**
 * The figure a target tracks on `day`: a stock's latest value in the week up to `day`; a flow's daily average
 * over the days with data in that week; a rate over the week's summed parts. Null when there is no data.
 */
export async function measure(db: Db | Tx, f: { teamId: string; metric: string; platform: string | null; account: string | null; day: LocalDay }): Promise<number | null> {
  const from = addDays(f.day, -(MEASURE_DAYS - 1));
  const grid = await sumsByDay(db, { teamId: f.teamId, platforms: f.platform ? [f.platform] : undefined, account: f.account, metrics: storedPartsOf(f.metric), from, to: f.day });
  return measureFromGrid(grid, grid.platforms(), f.metric, f.day);
}

/** measure() on a grid already read, over `platforms` (added up); the grid must cover the week up to `day`. */
export function measureFromGrid(grid: SumGrid, platforms: readonly string[], metric: string, day: LocalDay): number | null {
  const def = metricDef(metric);
  const end = grid.indexOf(day);
  if (end < 0) return null;
  const start = Math.max(0, end - (MEASURE_DAYS - 1));
  if (def.kind === "stock") {
    const s = seriesOf(grid, platforms, metric);
    for (let i = end; i >= start; i--) if (s[i] !== null) return s[i]!;
    return null;
  }
  if (def.ratio) {
    const sum = (codes: readonly string[]) => codes.map((c) => storedSeries(grid, platforms, c));
    const nums = sum(def.ratio.num);
    const dens = sum(def.ratio.den);
    let num = 0, den = 0, seen = false;
    for (let i = end; i >= start; i--) {
      if (nums.some((s) => Number.isNaN(s[i]!)) || dens.some((s) => Number.isNaN(s[i]!))) continue;
      seen = true;
      for (const s of nums) num += s[i]!;
      for (const s of dens) den += s[i]!;
    }
    return seen && den !== 0 ? num / den : null;
  }
  const s = storedSeries(grid, platforms, metric);
  let total = 0, count = 0;
  for (let i = end; i >= start; i--) {
    if (Number.isNaN(s[i]!)) continue;
    total += s[i]!;
    count++;
  }
  return count === 0 ? null : total / count;
}
