// The KPI metric catalogue: every metric the digest knows, its family, unit, and how values of several accounts
// and platforms combine into one figure. Codes only; the zh-CN and en names live in templates/kpi/kpi-copy.ts.
// Ratios are never stored: they are recomputed from their stored parts over whatever scope is asked for, so a
// team's interaction rate is all interactions over all reads, never a sum or an average of platforms' rates.

import { AppError } from "../errors.js";

/** Metric families of the plan (增长, 触达, 互动, 转化) plus the bot's own operations figures. */
export const METRIC_FAMILIES = ["growth", "reach", "engagement", "conversion", "operations"] as const;
/** A metric family. */
export type MetricFamily = (typeof METRIC_FAMILIES)[number];

/** How a value reads: a count, a ratio (0.034 = 3.4%), money (CNY), or minutes. */
export type MetricUnit = "count" | "ratio" | "currency" | "minutes";

/**
 * How values of several accounts (and platforms, and days) combine. `sum`: a count of the day (reads, new
 * followers, spend): accounts add up. `latest`: a level (total followers): each account's latest value, added up.
 * `ratio`: a rate (interaction rate): recomputed from the sums of its parts over the same scope and days.
 */
export type MetricCombine = "sum" | "latest" | "ratio";

/** One catalogue entry. */
export interface MetricDef {
  code: string;
  family: MetricFamily;
  unit: MetricUnit;
  combine: MetricCombine;
  /** Where the value comes from: the platforms (intake) or the bot's own tables (never recorded by hand). */
  source: "platform" | "bot";
  /** For ratios: numerator and denominator metric codes (each a sum). */
  ratio?: { num: readonly string[]; den: readonly string[] };
  /** Spellings people type, besides the code. */
  aliases: readonly string[];
  /** Shown in the sparkline section of the digest. */
  key?: boolean;
}

const ENGAGEMENT_PARTS = ["likes", "comments", "favourites", "forwards"] as const;

/** Every metric, in display order. */
export const METRICS: readonly MetricDef[] = [
  { code: "new_followers", family: "growth", unit: "count", combine: "sum", source: "platform", aliases: ["new followers", "follows", "涨粉", "新增粉丝", "新增关注"], key: true },
  { code: "unfollows", family: "growth", unit: "count", combine: "sum", source: "platform", aliases: ["unfollow", "取关", "取消关注", "掉粉"] },
  { code: "followers", family: "growth", unit: "count", combine: "latest", source: "platform", aliases: ["followers total", "total followers", "fans", "粉丝", "粉丝数", "总粉丝", "粉丝总数"], key: true },
  { code: "reads", family: "reach", unit: "count", combine: "sum", source: "platform", aliases: ["read", "views", "阅读", "阅读量"], key: true },
  { code: "plays", family: "reach", unit: "count", combine: "sum", source: "platform", aliases: ["play", "播放", "播放量"] },
  { code: "shares", family: "reach", unit: "count", combine: "sum", source: "platform", aliases: ["share", "分享", "分享数"] },
  { code: "likes", family: "engagement", unit: "count", combine: "sum", source: "platform", aliases: ["like", "点赞", "赞"] },
  { code: "comments", family: "engagement", unit: "count", combine: "sum", source: "platform", aliases: ["comment", "评论", "评论数"] },
  { code: "favourites", family: "engagement", unit: "count", combine: "sum", source: "platform", aliases: ["favorites", "favourite", "favorite", "saves", "收藏", "收藏数"] },
  { code: "forwards", family: "engagement", unit: "count", combine: "sum", source: "platform", aliases: ["forward", "reposts", "转发", "转发数"] },
  { code: "dms", family: "engagement", unit: "count", combine: "sum", source: "platform", aliases: ["dm", "direct messages", "私信", "私信数"] },
  { code: "interaction_rate", family: "engagement", unit: "ratio", combine: "ratio", source: "platform", ratio: { num: ENGAGEMENT_PARTS, den: ["reads"] }, aliases: ["engagement rate", "互动率"], key: true },
  { code: "clicks", family: "conversion", unit: "count", combine: "sum", source: "platform", aliases: ["click", "点击", "点击量"] },
  { code: "ctr", family: "conversion", unit: "ratio", combine: "ratio", source: "platform", ratio: { num: ["clicks"], den: ["reads"] }, aliases: ["click through rate", "点击率"] },
  { code: "conversions", family: "conversion", unit: "count", combine: "sum", source: "platform", aliases: ["conversion", "转化", "转化数"] },
  { code: "conversion_rate", family: "conversion", unit: "ratio", combine: "ratio", source: "platform", ratio: { num: ["conversions"], den: ["clicks"] }, aliases: ["cvr", "转化率"], key: true },
  { code: "revenue", family: "conversion", unit: "currency", combine: "sum", source: "platform", aliases: ["gmv", "sales", "收入", "销售额", "成交额"] },
  { code: "spend", family: "conversion", unit: "currency", combine: "sum", source: "platform", aliases: ["cost", "ad spend", "投放", "花费", "成本", "支出"] },
  { code: "roi", family: "conversion", unit: "ratio", combine: "ratio", source: "platform", ratio: { num: ["revenue"], den: ["spend"] }, aliases: ["投资回报率"] },
  { code: "sla_first_response_median", family: "operations", unit: "minutes", combine: "latest", source: "bot", aliases: ["首次响应中位数"] },
  { code: "sla_breach_rate", family: "operations", unit: "ratio", combine: "ratio", source: "bot", aliases: ["超时率"] },
  { code: "reviews_pending", family: "operations", unit: "count", combine: "latest", source: "bot", aliases: ["待审核"] },
  { code: "reviews_overdue", family: "operations", unit: "count", combine: "latest", source: "bot", aliases: ["审核超时"] },
  { code: "topics_published", family: "operations", unit: "count", combine: "sum", source: "bot", aliases: ["已发布选题", "发布数"] },
  { code: "open_incidents", family: "operations", unit: "count", combine: "latest", source: "bot", aliases: ["未结事件"] },
];

const BY_CODE = new Map(METRICS.map((m) => [m.code, m]));

function aliasKey(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s_\-.·]+/gu, "");
}

const LOOKUP = new Map<string, string>();
for (const m of METRICS) for (const a of [m.code, ...m.aliases]) LOOKUP.set(aliasKey(a), m.code);

/** The catalogue entry of a code; throws for an unknown code (a bug: codes come from parseMetric). */
export function metricDef(code: string): MetricDef {
  const def = BY_CODE.get(code);
  if (!def) throw new Error(`unknown metric code ${code}`);
  return def;
}

/** The metric code for any of its spellings ("阅读量" → "reads"); undefined when unknown. */
export function findMetric(input: string): string | undefined {
  return LOOKUP.get(aliasKey(input));
}

/** Codes of the metrics people may record or import (stored platform metrics, not rates, not the bot's own). */
export const STORED_METRICS: readonly string[] = METRICS.filter((m) => m.combine !== "ratio" && m.source === "platform").map((m) => m.code);

/** Codes the digest's trend section shows. */
export const KEY_METRICS: readonly string[] = METRICS.filter((m) => m.key).map((m) => m.code);

/**
 * The code of a metric that may be stored; refuses unknown names (listing the known ones), derived rates
 * ("computed from reads and likes, record those") and the bot's own figures.
 */
export function parseStoredMetric(input: string): string {
  const code = findMetric(input);
  if (!code) throw new AppError("kpi.unknown_metric", { value: input, known: STORED_METRICS.join(", ") });
  const def = metricDef(code);
  if (def.source === "bot") throw new AppError("kpi.bot_metric", { metric: code });
  if (def.ratio) throw new AppError("kpi.derived_metric", { metric: code, parts: [...def.ratio.num, ...def.ratio.den].join(", ") });
  return code;
}

/** The code of any metric a target or a subscription may name (rates included); refuses unknown names. */
export function parseAnyMetric(input: string): string {
  const code = findMetric(input);
  if (!code) throw new AppError("kpi.unknown_metric", { value: input, known: METRICS.map((m) => m.code).join(", ") });
  return code;
}

/** Every stored metric a value of `code` needs: itself, or a rate's parts. */
export function storedPartsOf(code: string): string[] {
  const def = metricDef(code);
  return def.ratio ? [...def.ratio.num, ...def.ratio.den] : [code];
}
