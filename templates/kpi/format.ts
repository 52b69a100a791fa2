// Number formatting for KPI cards: counts with separators, ratios as percentages, money in yuan.
import type { Locale } from "../../src/domain/locale.js";
import { metricDef } from "../../src/domain/kpi/catalogue.js";
import { changeOf } from "../../src/domain/kpi/sparkline.js";

// One formatter per precision: toLocaleString builds a new Intl.NumberFormat on every call (the card renders hundreds).
const formats = new Map<number, Intl.NumberFormat>();
function num(v: number, digits: number): string {
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits })));
  return f.format(v);
}

/** A metric value in its unit: 12,345 · 3.4% · ¥1,234.5 · 12 min. */
export function formatValue(metric: string, v: number, locale: Locale): string {
  const unit = metricDef(metric).unit;
  if (unit === "ratio") return `${num(v * 100, v * 100 < 10 ? 2 : 1)}%`;
  if (unit === "currency") return `¥${num(v, 2)}`;
  if (unit === "minutes") return locale === "en" ? `${num(v, 1)} min` : `${num(v, 1)} 分钟`;
  return num(v, Math.abs(v) < 100 ? 2 : 0);
}

/** "▲ 5.2%" / "▼ 3%" / "→" for a change; "" when either side is missing. */
export function formatChange(now: number | null, before: number | null): string {
  const c = changeOf(now, before);
  if (!c) return "";
  if (c.ratio === undefined || c.arrow === "→") return c.arrow;
  return `${c.arrow} ${num(Math.abs(c.ratio) * 100, 1)}%`;
}

/** A signed percentage: "+4.1%", "−2%". */
export function formatGap(gap: number): string {
  const pct = num(Math.abs(gap) * 100, 1);
  return gap >= 0 ? `+${pct}%` : `−${pct}%`;
}
