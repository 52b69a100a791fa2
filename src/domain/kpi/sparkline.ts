// Text trends every platform can show: arrows with a percentage, and a sparkline of ▁▂▃▄▅▆▇█ where a day
// without data is a space (a gap, never drawn as a zero).

const BARS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;

/** One bar per value, scaled between the series' min and max; null → " ". A flat series is a row of ▄. */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return " ".repeat(values.length);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return " ";
      if (hi === lo) return BARS[3];
      return BARS[Math.min(7, Math.floor(((v - lo) / (hi - lo)) * 8))];
    })
    .join("");
}

/** A change from `before` to `now`: its arrow and relative size; undefined when either side has no data. */
export interface Change {
  arrow: "▲" | "▼" | "→";
  /** Relative change (0.12 = +12%); undefined when `before` is 0. */
  ratio: number | undefined;
}

/** Within ±0.5% is shown as steady (→). */
export const STEADY = 0.005;

/** The arrow and relative change from `before` to `now`; undefined when either is missing. */
export function changeOf(now: number | null, before: number | null): Change | undefined {
  if (now === null || before === null) return undefined;
  if (before === 0) return { arrow: now > 0 ? "▲" : now < 0 ? "▼" : "→", ratio: undefined };
  const ratio = (now - before) / Math.abs(before);
  return { arrow: Math.abs(ratio) <= STEADY ? "→" : ratio > 0 ? "▲" : "▼", ratio };
}
