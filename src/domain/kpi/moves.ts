// "What moved unusually": a robust test of yesterday's value against the 28 days before it, using the median
// and the median absolute deviation (MAD), which one viral day or one outage cannot drag the way a mean and a
// standard deviation would. Gaps (no data) are left out, never read as zero.

/** Days of history the test looks at. */
export const MOVE_WINDOW_DAYS = 28;
/** Fewer known days than this and the test says nothing. */
export const MIN_HISTORY = 7;
/** |modified z| beyond this is unusual (Iglewicz & Hoaglin's customary 3.5). */
export const MOVE_THRESHOLD = 3.5;

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** An unusual move: its direction, the typical value, and the robust score. */
export interface Move {
  direction: "up" | "down";
  median: number;
  score: number;
}

/**
 * Tests `value` against `history` (nulls are gaps). Modified z = 0.6745·(x − median)/MAD. When MAD is 0 (a flat
 * history), falls back to the mean absolute deviation scaled by 1.2533, and when that is 0 too, any change of
 * more than 50% of the median is unusual. Returns undefined when not unusual or when history is too short.
 */
export function unusualMove(value: number, history: readonly (number | null)[]): Move | undefined {
  const known = history.filter((x): x is number => x !== null && Number.isFinite(x));
  if (known.length < MIN_HISTORY) return undefined;
  const med = median(known);
  const mad = median(known.map((x) => Math.abs(x - med)));
  let score: number;
  if (mad > 0) score = (0.6745 * (value - med)) / mad;
  else {
    const meanAd = known.reduce((s, x) => s + Math.abs(x - med), 0) / known.length;
    if (meanAd > 0) score = (value - med) / (1.2533 * meanAd);
    else if (value === med) return undefined;
    else score = med !== 0 && Math.abs(value - med) / Math.abs(med) <= 0.5 ? 0 : Math.sign(value - med) * Infinity;
  }
  if (!(Math.abs(score) > MOVE_THRESHOLD)) return undefined;
  return { direction: score > 0 ? "up" : "down", median: med, score };
}
