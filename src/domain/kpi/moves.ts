// "What moved unusually": a robust test of yesterday's value against the weeks before it. Content accounts have a
// weekly rhythm (weekends are quieter) and public holidays of their own, so the test is weekday-aware and
// holiday-aware: a day's usual value is the median of the same weekday over the last 8 weeks, each day's
// deviation from its usual value is measured on a log scale, and yesterday's deviation is scored against the
// 8 weeks' deviations by their median and a robust scale (Qn), which one viral day or one outage cannot drag the
// way a mean and a standard deviation would. Public holidays and make-up workdays are left out of the history
// and not tested themselves (their traffic follows no weekly pattern). Gaps (no data) are left out, never zero.
// Calibrated on a synthetic year (test/unit/kpi/moves-year.test.ts): at most one false move per account a month,
// and a 40% one-day drop flagged.

/** Days of history the weekday test reads (8 of each weekday). */
export const FACTOR_WINDOW_DAYS = 56;
/** Days of history of the plain test, and of the digest's trends. */
export const MOVE_WINDOW_DAYS = 28;
/** Fewer known ordinary days than this in the 8 weeks and the weekday test says nothing. */
export const MIN_HISTORY = 14;
/** Fewer known days of the tested weekday than this in the 8 weeks and the test says nothing. */
export const MIN_SAME_WEEKDAY = 3;
/** |modified z| beyond this is unusual (Iglewicz & Hoaglin's customary 3.5). */
export const MOVE_THRESHOLD = 3.5;

/** A move must also be at least this far from the usual value (relative), so a statistically odd but small change is not news. */
export const MIN_CHANGE = 0.2;

/** How the team calendar treats a day: an ordinary day (worked or weekend), a public holiday, a make-up workday. */
export type DayClass = "regular" | "holiday" | "make_up";

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** An unusual move: its direction, the usual value it is compared with, and the robust score. */
export interface Move {
  direction: "up" | "down";
  /** The usual value for that day: for the weekday test, the weekday's usual level. */
  median: number;
  score: number;
}

/**
 * Rousseeuw and Croux's Qn: a robust estimate of the standard deviation, the first quartile of the distances
 * between pairs of values (scaled to agree with the standard deviation of normal data, with their small-sample
 * correction). Far less noisy than the MAD on a few dozen values, which matters when a few weeks of history
 * must tell noise from news; one wild day still cannot drag it. 0 when more than half the values are equal.
 */
export function qnScale(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  // A typed array sorts numerically without a comparator call per step: a digest scores ~100 series.
  const d = new Float64Array((n * (n - 1)) / 2);
  let k0 = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d[k0++] = Math.abs(xs[i]! - xs[j]!);
  d.sort();
  const h = (n >> 1) + 1;
  const k = (h * (h - 1)) >> 1;
  const small: Record<number, number> = { 2: 0.399, 3: 0.994, 4: 0.512, 5: 0.844, 6: 0.611, 7: 0.857, 8: 0.669, 9: 0.872 };
  const dn = n <= 9 ? small[n]! : n % 2 ? n / (n + 1.4) : n / (n + 3.8);
  return 2.2219 * dn * d[k - 1]!;
}

/**
 * The robust score of `value` against `known`: its distance from their median in units of their Qn scale.
 * When the scale is 0 (a flat history) it falls back to the mean absolute deviation scaled by 1.2533, and when
 * that is 0 too, any change of more than 50% of the median is unusual (±Infinity).
 */
export function robustScore(value: number, known: readonly number[]): { score: number; median: number } {
  const med = median(known);
  const scale = qnScale(known);
  if (scale > 0) return { score: (value - med) / scale, median: med };
  const meanAd = known.reduce((s, x) => s + Math.abs(x - med), 0) / known.length;
  if (meanAd > 0) return { score: (value - med) / (1.2533 * meanAd), median: med };
  if (value === med) return { score: 0, median: med };
  const small = med !== 0 && Math.abs(value - med) / Math.abs(med) <= 0.5;
  return { score: small ? 0 : Math.sign(value - med) * Infinity, median: med };
}

function asMove(score: number, usual: number): Move | undefined {
  if (!(Math.abs(score) > MOVE_THRESHOLD)) return undefined;
  return { direction: score > 0 ? "up" : "down", median: usual, score };
}

/**
 * The plain test, for figures without a weekly rhythm (the bot's own counts, e.g. SLA breaches per day):
 * `value` against `history` (nulls are gaps). Undefined when not unusual or when history is too short.
 */
export function unusualMove(value: number, history: readonly (number | null)[]): Move | undefined {
  const known = history.filter((x): x is number => x !== null && Number.isFinite(x));
  if (known.length < 7) return undefined;
  const { score, median: med } = robustScore(value, known);
  return asMove(score, med);
}

/** A daily series for the weekday test: values oldest first (null: no data), the last one is the day tested. */
export interface DailySeries {
  values: readonly (number | null)[];
  /** 0 = Sunday … 6 = Saturday, of each value's day. */
  weekdays: readonly number[];
  /** The team calendar's class of each value's day. */
  classes: readonly DayClass[];
}

/**
 * The weekday-aware test of the last value of `s` against the days before it. A day's usual value is the median
 * of the same weekday's ordinary days in the FACTOR_WINDOW_DAYS before the tested day (for a day of the history,
 * leaving that day itself out, so the spread is measured honestly); each day's residual is log(value / usual),
 * and the tested day's residual is scored against the residuals of those ordinary days (robustScore). A series
 * whose typical level is 0 (a rare count) uses plain differences. The move must also be MIN_CHANGE off. A day at 0
 * on a series that had no 0 in the 8 weeks is a down move (score -Infinity): no log scale measures it.
 * Undefined when not unusual, when the day is a holiday or a make-up workday, or when history is too short.
 */
export function weekdayMove(s: DailySeries): Move | undefined {
  const t = s.values.length - 1;
  const value = s.values[t];
  if (t < 0 || value === null || value === undefined || !Number.isFinite(value) || s.classes[t] !== "regular") return undefined;
  const from = Math.max(0, t - FACTOR_WINDOW_DAYS);
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  const all: number[] = [];
  for (let j = from; j < t; j++) {
    const x = s.values[j];
    if (s.classes[j] !== "regular" || x === null || x === undefined || !Number.isFinite(x)) continue;
    byWeekday[s.weekdays[j]!]!.push(x);
    all.push(x);
  }
  if (all.length < MIN_HISTORY) return undefined;
  const relative = median(all) > 0;
  const residual = (x: number, usual: number): number | undefined => (relative ? (usual > 0 && x > 0 ? Math.log(x / usual) : undefined) : x - usual);
  const sorted = byWeekday.map((xs) => Float64Array.from(xs).sort());
  /** The weekday's usual value, leaving one occurrence of `without` out. */
  const usualOf = (w: number, without?: number): number | undefined => {
    const xs = sorted[w]!;
    const skip = without === undefined ? -1 : xs.indexOf(without);
    const m = xs.length - (skip >= 0 ? 1 : 0);
    if (m < MIN_SAME_WEEKDAY) return undefined;
    const at = (k: number) => xs[skip >= 0 && k >= skip ? k + 1 : k]!;
    return m % 2 ? at((m - 1) >> 1) : (at(m / 2 - 1) + at(m / 2)) / 2;
  };
  const usual = usualOf(s.weekdays[t]!);
  if (usual === undefined) return undefined;
  // The cheap test first: most values are within 20% of their usual value, and need no score.
  if (Math.abs(value - usual) < MIN_CHANGE * Math.max(Math.abs(usual), 1)) return undefined;
  const own = residual(value, usual);
  // A day at 0 has no log residual (only the log scale leaves one undefined); on a series that was never 0 in the
  // 8 weeks it is the largest drop there is.
  const dropToZero = own === undefined && value === 0 && all.every((x) => x > 0);
  if (own === undefined && !dropToZero) return undefined;
  const history: number[] = [];
  for (let j = from; j < t; j++) {
    const x = s.values[j];
    if (s.classes[j] !== "regular" || x === null || x === undefined || !Number.isFinite(x)) continue;
    const u = usualOf(s.weekdays[j]!, x);
    const r = u === undefined ? undefined : residual(x, u);
    if (r !== undefined) history.push(r);
  }
  if (history.length < MIN_HISTORY) return undefined;
  if (own === undefined) return { direction: "down", median: usual, score: -Infinity };
  const { score } = robustScore(own, history);
  return asMove(score, usual);
}
