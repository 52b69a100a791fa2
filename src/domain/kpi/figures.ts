// One figure of a metric over a scope (some platforms, or one account) on a day, combined as the catalogue says:
// counts add, levels add each account's latest value, ratios are recomputed from their parts. A platform that
// reported in the week before but not on the day is late: it is named, and a count or a ratio without it is
// marked partial, never passed off as the whole. Two figures exist per metric: the day's own figure (tables,
// daily trends) and the tracked figure targets use (a count's 7-day daily average, a ratio over 7 days, a level's
// latest), and each is computed here only, so every part of the digest shows the same number for the same thing.
import type { LocalDay } from "../calendar/local-day.js";
import { metricDef, storedPartsOf } from "./catalogue.js";
import type { DaySlots, MetricGrid } from "./grid.js";

/** Days a platform is expected to keep reporting after it last did (a platform that stopped is late this long). */
export const EXPECTED_DAYS = 7;
/** Days of data behind a tracked figure (a week smooths the weekly rhythm). */
export const TRACKED_DAYS = 7;
/** How far back a level looks for an account's latest value. */
export const LEVEL_LOOKBACK_DAYS = 28;

/** A platform missing from a figure; for a level, the day of the older figure used instead. */
export interface LateNote {
  platform: string;
  asOf?: LocalDay;
}

/** A figure with what it lacks. */
export interface Figure {
  /** Null: no data at all. */
  value: number | null;
  /** Platforms whose figure for the day has not arrived (in full). */
  late: LateNote[];
  /** True when late platforms are left out of the value (counts and ratios); a level uses their older figure. */
  partial: boolean;
}

const NO_DATA: Figure = { value: null, late: [], partial: false };

/** How many accounts usually report: the most on any of the EXPECTED_DAYS days before day `i`. */
function expected(s: DaySlots, i: number): number {
  let most = 0;
  for (let j = Math.max(0, i - EXPECTED_DAYS); j < i; j++) most = Math.max(most, s.count[j]!);
  return most;
}

/** One platform's stored metric on day `i`: its sum, and whether every expected account is in it. */
function platformDay(grid: MetricGrid, platform: string, code: string, i: number): { value: number | null; complete: boolean; late: boolean } {
  const s = grid.slots(platform, code);
  if (!s) return { value: null, complete: false, late: false };
  const n = s.count[i]!;
  const want = expected(s, i);
  return { value: n > 0 ? s.sum[i]! : null, complete: n > 0 && n >= want, late: n < want };
}

/**
 * A ratio's parts for one platform on day `i`. Every denominator part must be there; a numerator part the
 * platform does not report at all counts as 0 (a platform without "forwards" still has an interaction rate),
 * but one it usually reports and has not yet is late, and so is any part reported by fewer accounts than usual.
 */
function ratioParts(grid: MetricGrid, platform: string, num: readonly string[], den: readonly string[], i: number): { num: number; den: number } | "late" | "none" {
  let n = 0, d = 0, anyNum = false;
  for (const c of [...den, ...num]) {
    const day = platformDay(grid, platform, c, i);
    if (day.late) return "late";
    if (day.value === null) {
      if (den.includes(c)) return "none";
      continue;
    }
    if (den.includes(c)) d += day.value;
    else {
      n += day.value;
      anyNum = true;
    }
  }
  return anyNum ? { num: n, den: d } : "none";
}

/** The latest value of each account of a level on or before day `i`, added up, with the oldest day used. */
function levelOf(grid: MetricGrid, platform: string, code: string, i: number): { value: number; oldest: number } | undefined {
  const accounts = grid.accounts(platform, code);
  if (!accounts) {
    // No per-account values read: the platform's own sum of the day (complete days only).
    const day = platformDay(grid, platform, code, i);
    return day.value !== null && day.complete ? { value: day.value, oldest: i } : undefined;
  }
  let value = 0, oldest = i, seen = false;
  for (const slots of accounts.values()) {
    for (let j = i; j >= Math.max(0, i - LEVEL_LOOKBACK_DAYS); j--) {
      if (Number.isNaN(slots[j]!)) continue;
      value += slots[j]!;
      oldest = Math.min(oldest, j);
      seen = true;
      break;
    }
  }
  return seen ? { value, oldest } : undefined;
}

/**
 * The day's own figure of `metric` over `platforms` on day `i` of the grid. A level adds each account's latest
 * figure (`carry`, for totals); without `carry` it is the day's own values only (a platform's own table row).
 */
export function dayFigure(grid: MetricGrid, platforms: readonly string[], metric: string, i: number, carry = true): Figure {
  if (i < 0) return NO_DATA;
  const def = metricDef(metric);
  const late: LateNote[] = [];
  if (def.ratio) {
    let num = 0, den = 0, seen = false;
    for (const p of platforms) {
      const parts = ratioParts(grid, p, def.ratio.num, def.ratio.den, i);
      if (parts === "late") late.push({ platform: p });
      if (typeof parts !== "object") continue;
      num += parts.num;
      den += parts.den;
      seen = true;
    }
    return { value: seen && den !== 0 ? num / den : null, late, partial: seen && late.length > 0 };
  }
  if (def.combine === "latest" && carry) {
    let total = 0, seen = false;
    for (const p of platforms) {
      const level = levelOf(grid, p, metric, i);
      if (!level) {
        if (platformDay(grid, p, metric, i).late) late.push({ platform: p });
        continue;
      }
      total += level.value;
      seen = true;
      if (level.oldest < i) late.push({ platform: p, asOf: grid.days[level.oldest]! });
    }
    // A level that used a late platform's older figure is complete; one without any figure of it is partial.
    return { value: seen ? total : null, late, partial: seen && late.some((l) => !l.asOf) };
  }
  let total = 0, seen = false;
  for (const p of platforms) {
    const day = platformDay(grid, p, metric, i);
    if (day.late) late.push({ platform: p });
    if (day.value === null) continue;
    total += day.value;
    seen = true;
  }
  return { value: seen ? total : null, late, partial: seen && late.length > 0 };
}

/**
 * The figure a target tracks on day `i`: a count's daily average over the TRACKED_DAYS days to `i`, each platform
 * averaged over its own complete days (so a late day lowers nothing); a ratio from the parts of those days; a
 * level's latest (as dayFigure). Late platforms on day `i` are named; the value is never partial for being late.
 */
export function trackedFigure(grid: MetricGrid, platforms: readonly string[], metric: string, i: number): Figure {
  if (i < 0) return NO_DATA;
  const def = metricDef(metric);
  if (def.combine === "latest") return dayFigure(grid, platforms, metric, i);
  const from = Math.max(0, i - (TRACKED_DAYS - 1));
  const late: LateNote[] = [];
  let total = 0, num = 0, den = 0, seen = false;
  for (const p of platforms) {
    if (storedPartsOf(metric).some((c) => platformDay(grid, p, c, i).late)) late.push({ platform: p });
    if (def.ratio) {
      for (let j = from; j <= i; j++) {
        const parts = ratioParts(grid, p, def.ratio.num, def.ratio.den, j);
        if (typeof parts !== "object") continue;
        num += parts.num;
        den += parts.den;
        seen = true;
      }
      continue;
    }
    let sum = 0, days = 0;
    for (let j = from; j <= i; j++) {
      const day = platformDay(grid, p, metric, j);
      if (day.value === null || !day.complete) continue;
      sum += day.value;
      days++;
    }
    if (days === 0) continue;
    total += sum / days;
    seen = true;
  }
  const value = !seen ? null : def.ratio ? (den !== 0 ? num / den : null) : total;
  return { value, late, partial: false };
}

/** A figure on each of the `n` days up to day `i` (oldest first). */
export function figureSeries(grid: MetricGrid, platforms: readonly string[], metric: string, i: number, n: number, figure: typeof dayFigure = dayFigure): Figure[] {
  return Array.from({ length: n }, (_, k) => figure(grid, platforms, metric, i - (n - 1) + k));
}

/**
 * One platform's daily values of `metric` over the whole grid, for tests of unusual moves: a day where the
 * platform reported in part (one account of two) or not at all is a gap (null), never a low value.
 */
export function completeSeries(grid: MetricGrid, platform: string, metric: string): (number | null)[] {
  const def = metricDef(metric);
  return grid.days.map((_, i) => {
    if (def.ratio) {
      const parts = ratioParts(grid, platform, def.ratio.num, def.ratio.den, i);
      return typeof parts === "object" && parts.den !== 0 ? parts.num / parts.den : null;
    }
    const day = platformDay(grid, platform, metric, i);
    return day.complete ? day.value : null;
  });
}
