// The words of incident handling (应急预案): risk types, the likelihood × impact axes, severities, statuses
// and the roles every incident has. Codes are English; people may type them in Chinese too.

/** The five risk types of the operating plan. */
export const RISK_TYPES = ["content", "platform", "user_data", "public_opinion", "compliance"] as const;
/** One risk type. */
export type RiskType = (typeof RISK_TYPES)[number];

/** How often such a thing happens (发生频率). */
export const LIKELIHOODS = ["high", "medium", "low"] as const;
/** One likelihood level. */
export type Likelihood = (typeof LIKELIHOODS)[number];

/** How bad it is when it happens (影响程度). */
export const IMPACTS = ["minor", "moderate", "severe"] as const;
/** One impact level. */
export type Impact = (typeof IMPACTS)[number];

/** Severities, most urgent first. */
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
/** One severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Roles every incident has, whatever its playbook. */
export const CORE_ROLES = ["commander", "communications", "scribe"] as const;
/** One core role. */
export type CoreRole = (typeof CORE_ROLES)[number];

const RISK_ALIASES: Record<string, RiskType> = {
  content: "content", 内容: "content", 内容风险: "content",
  platform: "platform", 平台: "platform", 平台风险: "platform",
  user_data: "user_data", "user-data": "user_data", userdata: "user_data", user: "user_data", 用户: "user_data", 用户数据: "user_data", 用户风险: "user_data",
  public_opinion: "public_opinion", "public-opinion": "public_opinion", opinion: "public_opinion", pr: "public_opinion", 舆情: "public_opinion", 舆情风险: "public_opinion",
  compliance: "compliance", 合规: "compliance", 合规风险: "compliance",
};

const LIKELIHOOD_ALIASES: Record<string, Likelihood> = { high: "high", 高: "high", medium: "medium", med: "medium", 中: "medium", low: "low", 低: "low" };
const IMPACT_ALIASES: Record<string, Impact> = {
  minor: "minor", 轻微: "minor", 小: "minor", moderate: "moderate", 中等: "moderate", 中: "moderate", 一般: "moderate", severe: "severe", 严重: "severe", 重大: "severe",
};

function norm(raw: string): string {
  return raw.trim().toLowerCase();
}

/** A risk type by any of its names, or undefined. */
export function parseRiskType(raw: string): RiskType | undefined {
  return RISK_ALIASES[norm(raw)];
}

/** A likelihood by any of its names, or undefined. */
export function parseLikelihood(raw: string): Likelihood | undefined {
  return LIKELIHOOD_ALIASES[norm(raw)];
}

/** An impact by any of its names, or undefined. */
export function parseImpact(raw: string): Impact | undefined {
  return IMPACT_ALIASES[norm(raw)];
}

/** "sev1", "SEV-1", "1", "P1" → "SEV1"; undefined outside SEV1..SEV4. */
export function parseSeverity(raw: string): Severity | undefined {
  const m = /^(?:sev|p)?[-\s]?([1-4])$/i.exec(raw.trim());
  return m ? (`SEV${m[1]}` as Severity) : undefined;
}

/** True when `s` is a severity code. */
export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}
