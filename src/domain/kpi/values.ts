// Reading metric values and days as people and exports write them: "12,345", "1.2万", "3.4%", "2026-11-25".

import { AppError } from "../errors.js";
import { addDays, isLocalDay, type LocalDay } from "../calendar/local-day.js";

const NUMBER_RE = /^([+-]?\d+(?:\.\d+)?)(万|w|k|亿|%)?$/i;

/**
 * A metric value from text: thousands separators and full-width digits allowed, "万"/"w" (×10,000), "k",
 * "亿", and "%" (3.4% → 0.034). Refuses anything else, and NaN/Infinity, with kpi.bad_value.
 */
export function parseMetricValue(raw: string): number {
  const s = raw.normalize("NFKC").trim().replace(/[,\s]/g, "");
  const m = NUMBER_RE.exec(s);
  if (!m) throw new AppError("kpi.bad_value", { value: raw });
  const n = Number(m[1]);
  const scale = { "万": 1e4, w: 1e4, k: 1e3, "亿": 1e8, "%": 0.01 }[(m[2] ?? "").toLowerCase()] ?? 1;
  const v = n * scale;
  if (!Number.isFinite(v)) throw new AppError("kpi.bad_value", { value: raw });
  // 1.2万 is 12000, not 12000.000000000002.
  return Number(v.toPrecision(12));
}

/**
 * The day a value is for: "yesterday"/"昨天" (the default), "today"/"今天", or YYYY-MM-DD (also 2026/11/25).
 * Refuses days after `today` (kpi.future_day): a platform cannot report tomorrow.
 */
export function parseMetricDay(raw: string | undefined, today: LocalDay): LocalDay {
  const s = (raw ?? "").trim().toLowerCase();
  let day: string;
  if (s === "" || s === "yesterday" || s === "昨天" || s === "昨日") day = addDays(today, -1);
  else if (s === "today" || s === "今天" || s === "今日") day = today;
  else day = s.replace(/[/.]/g, "-").replace(/^(\d{4})-(\d)-/, "$1-0$2-").replace(/-(\d)$/, "-0$1");
  if (!isLocalDay(day)) throw new AppError("kpi.bad_day", { value: raw ?? "" });
  if (day > today) throw new AppError("kpi.future_day", { value: day, today });
  return day;
}
