// First-response figures: median and p90 of the time to answer, and the breach rate, grouped. Pure.

/** One item as the figures need it. */
export interface ResponseSample {
  platform: string;
  account: string;
  /** Who answered (display name), or undefined while unanswered. */
  person?: string;
  /** Minutes from the user's message to the answer; undefined while unanswered. */
  responseMinutes?: number;
  breached: boolean;
}

/** Figures of one group. */
export interface ResponseFigures {
  key: string;
  count: number;
  answered: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  breachRate: number;
}

/** The q-quantile by nearest rank (q in (0, 1]); null for no values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Figures for the samples grouped by `keyOf` (undefined keys are left out), largest group first. */
export function figuresBy(samples: readonly ResponseSample[], keyOf: (s: ResponseSample) => string | undefined): ResponseFigures[] {
  const groups = new Map<string, ResponseSample[]>();
  for (const s of samples) {
    const k = keyOf(s);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups].map(([key, g]) => figuresOf(key, g)).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Figures for one set of samples. */
export function figuresOf(key: string, g: readonly ResponseSample[]): ResponseFigures {
  const times = g.flatMap((s) => (s.responseMinutes === undefined ? [] : [s.responseMinutes]));
  return {
    key,
    count: g.length,
    answered: times.length,
    medianMinutes: quantile(times, 0.5),
    p90Minutes: quantile(times, 0.9),
    breachRate: g.length === 0 ? 0 : g.filter((s) => s.breached).length / g.length,
  };
}
