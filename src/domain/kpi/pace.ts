// Pace against a target: a straight line (the default shape) from the baseline on the day the target was set to
// the goal on its end day. "Expected today" is that line's value; the projection extends the line through the
// baseline and today's actual to the end day. Pure: days are local days, nothing reads a clock.

import { AppError } from "../errors.js";
import { addDays, isLocalDay, type LocalDay } from "../calendar/local-day.js";
import { parseMetricValue } from "./values.js";

/** Target shapes; only linear for now (a stored column, so others can be added without a migration). */
export type TargetShape = "linear";

/** A target as the pace maths needs it. */
export interface TargetLine {
  baseline: number;
  goal: number;
  startDay: LocalDay;
  endDay: LocalDay;
  shape: TargetShape;
}

/** Where a metric stands against its target line. */
export interface Pace {
  /** "reached": at or past the goal; "ahead"/"on_pace"/"behind" against the line today. */
  status: "reached" | "ahead" | "on_pace" | "behind";
  expected: number;
  actual: number;
  /** (actual - expected) / |expected|, signed so that positive is good; 0 when expected is 0. */
  gap: number;
  /** The value at the end day if the trend since the baseline holds; undefined on the first day. */
  projected: number | undefined;
  /** 0..1: share of the target period gone by. */
  elapsed: number;
}

/** Within this share of the expected value counts as on pace rather than ahead or behind. */
export const ON_PACE_TOLERANCE = 0.02;

function daysBetween(a: LocalDay, b: LocalDay): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The line's value on `day` (clamped to the period). */
export function expectedOn(t: TargetLine, day: LocalDay): number {
  const total = daysBetween(t.startDay, t.endDay);
  const frac = Math.min(1, Math.max(0, daysBetween(t.startDay, day) / total));
  return t.baseline + (t.goal - t.baseline) * frac;
}

/** Pace of `actual` on `day` against the target line. */
export function paceOf(t: TargetLine, actual: number, day: LocalDay): Pace {
  const total = daysBetween(t.startDay, t.endDay);
  const gone = Math.min(total, Math.max(0, daysBetween(t.startDay, day)));
  const expected = expectedOn(t, day);
  const up = t.goal >= t.baseline ? 1 : -1;
  const gap = expected === 0 ? 0 : (up * (actual - expected)) / Math.abs(expected);
  const projected = gone > 0 ? t.baseline + ((actual - t.baseline) * total) / gone : undefined;
  let status: Pace["status"];
  if (up * (actual - t.goal) >= 0 && actual !== t.baseline) status = "reached";
  else if (Math.abs(gap) <= ON_PACE_TOLERANCE) status = "on_pace";
  else status = gap > 0 ? "ahead" : "behind";
  return { status, expected, actual, gap, projected, elapsed: gone / total };
}

/** How a goal was written: relative ("+30%", "-10%") or an absolute value ("50000", "3.5%" for a rate). */
export type GoalSpec = { kind: "relative"; ratio: number } | { kind: "absolute"; value: number };

/** Parses "+30%", "-5%" (relative to the baseline) or a plain value "12万" (absolute). */
export function parseGoal(raw: string): GoalSpec {
  const s = raw.normalize("NFKC").trim();
  const rel = /^([+-])(\d+(?:\.\d+)?)%$/.exec(s);
  if (rel) {
    const pct = Number(rel[2]) * (rel[1] === "-" ? -1 : 1);
    if (pct === 0 || pct <= -100) throw new AppError("kpi.bad_goal", { value: raw });
    return { kind: "relative", ratio: 1 + pct / 100 };
  }
  try {
    return { kind: "absolute", value: parseMetricValue(s) };
  } catch {
    throw new AppError("kpi.bad_goal", { value: raw });
  }
}

/** The goal value for a baseline. */
export function goalValue(spec: GoalSpec, baseline: number): number {
  return spec.kind === "relative" ? baseline * spec.ratio : spec.value;
}

/** Longest target period accepted: the plan's horizon is six months; two years leaves room. */
export const MAX_TARGET_DAYS = 731;

/** Validates a target's end day: a real day, after today, within MAX_TARGET_DAYS (kpi.bad_end_day otherwise). */
export function checkEndDay(raw: string, today: LocalDay): LocalDay {
  const day = raw.trim().replace(/\//g, "-");
  if (!isLocalDay(day)) throw new AppError("kpi.bad_end_day", { value: raw, today });
  if (day <= today || day > addDays(today, MAX_TARGET_DAYS)) throw new AppError("kpi.bad_end_day", { value: raw, today });
  return day;
}
