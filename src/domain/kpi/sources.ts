// Where metric values come from (/kpi sources): the WeChat OA pull, the signed intake, CSV imports, typed values;
// and what went wrong last, kept in a neutral form (a platform problem, or a refusal's code and params) so each
// reader sees it in their own language.
import { z } from "zod";
import { PLATFORM_PROBLEMS } from "../sla/platform-problems.js";

/** The sources, in the order /kpi sources lists them. MetricValue.source holds the same codes. */
export const METRIC_SOURCES = ["wechat_oa", "api", "csv", "command"] as const;
/** A source code. */
export type MetricSource = (typeof METRIC_SOURCES)[number];

/** The last failure of a source, as stored in MetricSourceStatus.lastError (JSON). */
export const ZSourceError = z.discriminatedUnion("kind", [
  /** A platform API refused or failed (the day it was fetching for, when one). */
  z.object({ kind: z.literal("platform"), problem: z.enum([...PLATFORM_PROBLEMS, "no_data"]), code: z.number().optional(), ip: z.string().optional(), day: z.string().optional() }),
  /** A batch or a typed value was refused: the AppError's code and params, and the row (CSV line) when one. */
  z.object({ kind: z.literal("refused"), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), row: z.number().optional() }),
]);
/** A source's last failure. */
export type TSourceError = z.infer<typeof ZSourceError>;

/** The days of the window that ends on `lastDay` and is `count` days long, oldest first. */
export function windowDays(lastDay: string, count: number): string[] {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** `days` (sorted) cut into runs of consecutive days, each at most `maxSpan` long: one API call each. */
export function spansOf(days: readonly string[], maxSpan: number): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const d of days) {
    const prev = cur.at(-1);
    const next = prev === undefined ? undefined : new Date(Date.parse(`${prev}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (cur.length > 0 && (d !== next || cur.length >= maxSpan)) (out.push(cur), (cur = []));
    cur.push(d);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
