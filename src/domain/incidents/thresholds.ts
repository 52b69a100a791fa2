// Warnings from thresholds (风险预警): admins set a limit on a signal the bot already has; a warning fires when
// the signal goes from below the limit to at/above it, and the threshold re-arms only once it drops below
// again. Pure: the app counts the signal over the window and stores the state; this decides.
import type { RiskType, Severity } from "./vocabulary.js";

/**
 * The signals a threshold can watch, all counted over the threshold's window:
 * - complaint_breaches: SLA items of kind "complaint" whose SLA was breached in the window;
 * - negative_items: negative items received through POST /ingest/comments. SLA items carry no sentiment yet,
 *   so "negative" means kind = complaint, counted by when it was received;
 * - compliance_rejections: review decisions that reject or send back with a reason, at a level named
 *   compliance/合规 (every level of a review whose chain has no such level).
 */
export const SIGNALS = ["complaint_breaches", "negative_items", "compliance_rejections"] as const;
/** One signal. */
export type Signal = (typeof SIGNALS)[number];

/** The window each signal is counted over unless the admin says otherwise. */
export const DEFAULT_WINDOW_MINUTES: Readonly<Record<Signal, number>> = { complaint_breaches: 60, negative_items: 60, compliance_rejections: 24 * 60 };
/** The risk type and playbook a threshold suggests unless the admin says otherwise. */
export const DEFAULT_RISK: Readonly<Record<Signal, RiskType>> = { complaint_breaches: "public_opinion", negative_items: "public_opinion", compliance_rejections: "compliance" };
/** Default level of a threshold. */
export const DEFAULT_SEVERITY: Severity = "SEV2";

const SIGNAL_ALIASES: Record<string, Signal> = {
  complaint_breaches: "complaint_breaches", "complaint-breaches": "complaint_breaches", breaches: "complaint_breaches", sla: "complaint_breaches", 投诉超时: "complaint_breaches",
  negative_items: "negative_items", "negative-items": "negative_items", negative: "negative_items", complaints: "negative_items", 负面: "negative_items", 负面声量: "negative_items", 投诉量: "negative_items",
  compliance_rejections: "compliance_rejections", "compliance-rejections": "compliance_rejections", rejections: "compliance_rejections", compliance: "compliance_rejections", 合规驳回: "compliance_rejections",
};

/** A signal by any of its names, or undefined. */
export function parseSignal(raw: string): Signal | undefined {
  return SIGNAL_ALIASES[raw.trim().toLowerCase()];
}

/** True when `s` is a signal code. */
export function isSignal(s: string): s is Signal {
  return (SIGNALS as readonly string[]).includes(s);
}

/** "1h", "90m", "24h", "1d", "小时" forms → minutes (1 minute .. 7 days); undefined when unreadable. */
export function parseWindow(raw: string): number | undefined {
  const m = /^(\d{1,4})\s*(m|min|分钟|h|小时|d|天)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? "h").toLowerCase();
  const minutes = unit === "m" || unit === "min" || unit === "分钟" ? n : unit === "d" || unit === "天" ? n * 1440 : n * 60;
  return minutes >= 1 && minutes <= 7 * 1440 ? minutes : undefined;
}

/** "60" → "1h", "90" → "90m", "1440" → "24h". */
export function formatWindow(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

/** Where a threshold's signal stood at the last evaluation. */
export type ThresholdState = "below" | "above";

/** What an evaluation does: warn (crossed upwards), clear (dropped below: re-armed), or nothing. */
export type Crossing = "warn" | "clear" | "none";

/** The decision for a signal `value` against `limit` given the stored state. At/above the limit counts as above. */
export function evaluateCrossing(state: ThresholdState, value: number, limit: number): Crossing {
  const above = value >= limit;
  if (above && state === "below") return "warn";
  if (!above && state === "above") return "clear";
  return "none";
}

/** The start of the window ending at `now`. */
export function windowStart(now: Date, windowMinutes: number): Date {
  return new Date(now.getTime() - windowMinutes * 60_000);
}

/** True when a review level's name marks it as the compliance level (合规). */
export function isComplianceLevelName(name: string | { "zh-CN": string; en: string }): boolean {
  const texts = typeof name === "string" ? [name] : [name["zh-CN"], name.en];
  return texts.some((t) => /compliance|合规/i.test(t));
}
