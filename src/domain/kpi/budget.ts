// Budgets (预算): the period a budget covers on a day, how much of it is used, the pace of spending, and which of
// its warning lines are crossed. Pure: days are local days of the team's zone, nothing reads a clock.
import { AppError } from "../errors.js";
import { addDays, isLocalDay, type LocalDay } from "../calendar/local-day.js";

/** How a budget's period is set: renewing each calendar month or quarter, or one fixed span. */
export type BudgetPeriodKind = "month" | "quarter" | "custom";

/** A budget as the maths needs it. */
export interface BudgetLine {
  amount: number;
  period: BudgetPeriodKind;
  startDay: LocalDay | null;
  endDay: LocalDay | null;
}

/** The days of one period, both ends included. */
export interface BudgetSpan {
  start: LocalDay;
  end: LocalDay;
}

/** The warning lines: 80 % used, 100 % used, and the pace projecting an overspend before the period ends. */
export const BUDGET_ALERTS = ["used_80", "used_100", "pace"] as const;
/** One warning line. */
export type BudgetAlertKind = (typeof BUDGET_ALERTS)[number];

/** Share of the amount at which the first warning goes out. */
export const WARN_SHARE = 0.8;
/**
 * A crossed line is re-armed only once the figure falls this far back below it (5 %), so a projection hovering
 * around the amount from one day to the next does not warn every morning.
 */
export const REARM_MARGIN = 0.05;
/** Days of spending before the pace is projected: one day's spend says little about a month. */
export const MIN_PACE_DAYS = 3;

/** The last day of `month` (1-12) of `year`: the day before the next month's first. */
function lastDayOfMonth(year: number, month: number): LocalDay {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/** The period of `b` that contains `day` (a custom budget's one span, whatever the day). */
export function periodOf(b: BudgetLine, day: LocalDay): BudgetSpan {
  if (b.period === "custom") return { start: b.startDay!, end: b.endDay! };
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = b.period === "month" ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const last = b.period === "month" ? month : first + 2;
  return { start: `${year}-${String(first).padStart(2, "0")}-01`, end: lastDayOfMonth(year, last) };
}

/** Days from `a` to `b`, both included (0 when b is before a). */
export function daysIn(a: LocalDay, b: LocalDay): number {
  return Math.max(0, Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1);
}

/** Where a budget stands in its period. */
export interface BudgetStatus {
  span: BudgetSpan;
  used: number;
  /** used / amount. */
  share: number;
  /** Days of the period gone by (to `through`) and in all. */
  elapsed: number;
  total: number;
  /** Spend at the period's end if the pace so far holds; undefined before MIN_PACE_DAYS days. */
  projected: number | undefined;
  /** The warning lines crossed now. */
  crossed: BudgetAlertKind[];
}

/**
 * The status of a budget in `span` with `used` spent through the day `through` (the latest day spend is known
 * for: yesterday, or a later day someone recorded). The pace line is crossed when the projection exceeds the
 * amount while the amount itself is not yet used up (then the 100 % line speaks).
 */
export function budgetStatus(b: BudgetLine, span: BudgetSpan, used: number, through: LocalDay): BudgetStatus {
  const total = daysIn(span.start, span.end);
  const elapsed = Math.min(total, daysIn(span.start, through < span.end ? through : span.end));
  const projected = elapsed >= MIN_PACE_DAYS ? (used * total) / elapsed : undefined;
  const share = b.amount > 0 ? used / b.amount : 0;
  const crossed: BudgetAlertKind[] = [];
  if (used >= WARN_SHARE * b.amount) crossed.push("used_80");
  if (used >= b.amount) crossed.push("used_100");
  if (projected !== undefined && projected > b.amount && used < b.amount && elapsed < total) crossed.push("pace");
  return { span, used, share, elapsed, total, projected, crossed };
}

/** True when a crossed line has fallen back far enough to warn again at the next crossing. */
export function rearmed(kind: BudgetAlertKind, s: BudgetStatus, amount: number): boolean {
  const below = 1 - REARM_MARGIN;
  if (kind === "used_80") return s.used < WARN_SHARE * amount * below;
  if (kind === "used_100") return s.used < amount * below;
  return s.projected === undefined || s.projected < amount * below || s.used >= amount;
}

/** Reads "--period month|quarter" or "--from D --to D" into a period; refuses mixes, half spans and reversed days. */
export function parseBudgetPeriod(opts: { period?: string; from?: string; to?: string }): Pick<BudgetLine, "period" | "startDay" | "endDay"> {
  const { period, from, to } = opts;
  if (period !== undefined && (from !== undefined || to !== undefined)) throw new AppError("kpi.budget_period_mixed");
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new AppError("kpi.budget_half_span");
    const a = from.trim().replace(/\//g, "-");
    const b = to.trim().replace(/\//g, "-");
    if (!isLocalDay(a)) throw new AppError("kpi.bad_day", { value: from });
    if (!isLocalDay(b)) throw new AppError("kpi.bad_day", { value: to });
    if (b < a) throw new AppError("kpi.budget_reversed", { from: a, to: b });
    return { period: "custom", startDay: a, endDay: b };
  }
  const word = (period ?? "month").trim().toLowerCase();
  if (["month", "monthly", "月", "每月", "月度"].includes(word)) return { period: "month", startDay: null, endDay: null };
  if (["quarter", "quarterly", "季", "季度", "每季度"].includes(word)) return { period: "quarter", startDay: null, endDay: null };
  throw new AppError("kpi.budget_bad_period", { value: period ?? "" });
}
