// The incident cards' words in both languages: names of risk types, severities, statuses, roles and axes.
import type { Locale, Localized } from "../../src/domain/locale.js";
import type { IncidentStatus } from "../../src/domain/incidents/lifecycle.js";
import type { CoreRole, Impact, Likelihood, RiskType } from "../../src/domain/incidents/vocabulary.js";

type Names<K extends string> = Record<Locale, Record<K, string>>;

/** Risk types (风险类型). */
export const RISK_NAMES: Names<RiskType> = {
  en: { content: "content", platform: "platform", user_data: "user data", public_opinion: "public opinion (舆情)", compliance: "compliance" },
  "zh-CN": { content: "内容风险", platform: "平台风险", user_data: "用户风险", public_opinion: "舆情风险", compliance: "合规风险" },
};

/** Incident statuses. */
export const INCIDENT_STATUS_NAMES: Names<IncidentStatus> = {
  en: { active: "active", stable: "stable", resolved: "resolved" },
  "zh-CN": { active: "处置中", stable: "已稳定", resolved: "已解决" },
};

/** The core roles. */
export const CORE_ROLE_NAMES: Names<CoreRole> = {
  en: { commander: "commander", communications: "communications", scribe: "scribe" },
  "zh-CN": { commander: "指挥", communications: "对外沟通", scribe: "记录员" },
};

/** The matrix axes. */
export const LIKELIHOOD_NAMES: Names<Likelihood> = { en: { high: "high", medium: "medium", low: "low" }, "zh-CN": { high: "高", medium: "中", low: "低" } };
export const IMPACT_NAMES: Names<Impact> = { en: { minor: "minor", moderate: "moderate", severe: "severe" }, "zh-CN": { minor: "轻微", moderate: "中等", severe: "严重" } };

/** Timeline event kinds (what happened). */
export const EVENT_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    declared: "declared", drill: "drill started", status: "status", severity: "severity", role: "role", step_done: "step done", update: "update",
    note: "note", resolved: "resolved", reopened: "reopened", step_nudged: "step reminder", role_reminded: "role reminder",
    update_reminded: "update reminder", review_edited: "review edited", action_added: "action item added", action_done: "action item done",
    action_nudged: "action item reminder",
  },
  "zh-CN": {
    declared: "发起事件", drill: "发起演练", status: "状态变更", severity: "级别调整", role: "角色", step_done: "完成步骤", update: "进展通报",
    note: "备注", resolved: "解决", reopened: "重新打开", step_nudged: "步骤催办", role_reminded: "角色提醒",
    update_reminded: "通报提醒", review_edited: "编辑复盘", action_added: "添加行动项", action_done: "完成行动项",
    action_nudged: "行动项催办",
  },
};

/** The review's sections people may rewrite. */
export const REVIEW_SECTION_NAMES: Names<"summary" | "impact" | "wentWell" | "wentBadly"> = {
  en: { summary: "summary", impact: "impact", wentWell: "what went well", wentBadly: "what did not" },
  "zh-CN": { summary: "概述", impact: "影响", wentWell: "做得好的", wentBadly: "待改进的" },
};

/** Action item states. */
export const ACTION_STATUS_NAMES: Record<Locale, Record<string, string>> = {
  en: { open: "open", done: "done" },
  "zh-CN": { open: "待完成", done: "已完成" },
};

/** A role's name: a core role by its table, a playbook role by the name its playbook gives. */
export function roleName(locale: Locale, role: string, playbookName: Localized | null): string {
  if (playbookName) return playbookName[locale];
  return (CORE_ROLE_NAMES[locale] as Record<string, string>)[role] ?? role;
}

/** The start of a long text, for a button label. */
function short(text: string): string {
  return [...text].length > 12 ? `${[...text].slice(0, 12).join("")}…` : text;
}

/** Sentences and labels of the incident cards. */
export const incidentCopy = {
  en: {
    drill: "DRILL",
    drillNote: "This is a drill (演练): it is left out of metrics and the risk library's counts.",
    risk: "Risk type", severity: "Severity", status: "Status", playbook: "Playbook", declared: "Declared",
    roles: "Roles", nextSteps: "Next steps", steps: "Steps done", nextUpdate: "Next update due",
    unclaimed: "unclaimed", required: "required", overdue: "overdue", due: "due", none: "none",
    claim: (role: string) => `Claim ${role}`, done: "Done",
    doneStep: (n: number | undefined, text: string) => (n ? `Done: step ${n}` : `Done: ${short(text)}`), postUpdate: "Post update", changeSeverity: "Change severity", resolve: "Resolve",
    updatePrompt: "What is the status? (sent to the incident and stakeholders' channels)",
    severityPrompt: "New likelihood and impact, e.g. \"medium moderate\", or a severity such as SEV2",
    resolvePrompt: "Blocking steps are still open. Why resolve anyway? (recorded)",
    matrix: "Risk matrix (likelihood × impact)", matrixHead: "likelihood \\ impact",
    resolvedBy: (by: string, at: string) => `Resolved by ${by} · ${at}`,
    override: (reason: string) => `with blocking steps open: ${reason}`,
    score: (n: number) => `Drill score ${n}/100`,
    contacts: "Contacts",
  },
  "zh-CN": {
    drill: "演练",
    drillNote: "这是一次演练：不计入指标和风险事件库统计。",
    risk: "风险类型", severity: "级别", status: "状态", playbook: "预案", declared: "发起",
    roles: "角色", nextSteps: "待办步骤", steps: "已完成步骤", nextUpdate: "下次通报",
    unclaimed: "待认领", required: "必需", overdue: "已超时", due: "截止", none: "无",
    claim: (role: string) => `认领${role}`, done: "完成",
    doneStep: (n: number | undefined, text: string) => (n ? `完成第 ${n} 步` : `完成：${short(text)}`), postUpdate: "发布通报", changeSeverity: "调整级别", resolve: "解决",
    updatePrompt: "当前进展如何？（将发送到事件频道和相关方频道）",
    severityPrompt: "新的可能性和影响，如“中 中等”，或直接填写级别如 SEV2",
    resolvePrompt: "仍有阻塞步骤未完成，为什么仍要解决？（将记录在案）",
    matrix: "风险矩阵（可能性 × 影响）", matrixHead: "可能性 \\ 影响",
    resolvedBy: (by: string, at: string) => `${by} 已解决 · ${at}`,
    override: (reason: string) => `阻塞步骤未完成，强制解决：${reason}`,
    score: (n: number) => `演练得分 ${n}/100`,
    contacts: "应急联系人",
  },
} as const;
