// Timeline lines of an incident (in its review, 复盘): the event's name and facts in the reader's language.
import type { Locale } from "../../src/domain/locale.js";
import { ACTION_STATUS_NAMES, EVENT_NAMES, INCIDENT_STATUS_NAMES, REVIEW_SECTION_NAMES, RISK_NAMES, roleName } from "./incident-copy.js";
import type { RoleRef, TimelineEntry } from "./incident-view.js";

/** A role by its playbook name or its core name. */
export function roleLabel(locale: Locale, role: RoleRef): string {
  return roleName(locale, role.code, role.name);
}

/** What the event was about, worded from its facts (or its free text). */
function detail(e: TimelineEntry, l: Locale): string {
  const f = e.facts;
  const en = l === "en";
  if (!f) return e.text;
  const parts: string[] = [];
  if (f.severity) parts.push(f.severity);
  if (f.riskType) parts.push(RISK_NAMES[l][f.riskType] ?? "");
  if (f.playbook) parts.push(f.playbook[l]);
  if (f.status) parts.push(`${INCIDENT_STATUS_NAMES[l][f.status.from]} → ${INCIDENT_STATUS_NAMES[l][f.status.to]}`);
  if (f.severityChange) parts.push(`${f.severityChange.from} → ${f.severityChange.to}`);
  if (f.item !== undefined && !Number.isNaN(f.item)) parts.push(`#${f.item}${e.text ? ` ${e.text}` : ""}`);
  else if (e.text) parts.push(e.text);
  const subject = f.role ? roleLabel(l, f.role) : f.step ? f.step[l] : f.section ? REVIEW_SECTION_NAMES[l][f.section] : undefined;
  if (subject) parts.push(`${subject}${f.late ? (en ? " (late)" : "（超时）") : ""}${f.person ? ` → ${f.person}` : ""}`);
  else if (f.person) parts.push(`→ ${f.person}`);
  if (f.override) parts.push(en ? `blocking steps open: ${f.override}` : `阻塞步骤未完成，强制解决：${f.override}`);
  return parts.filter(Boolean).join(" · ");
}

/** "11-26 10:00 王芳 发起事件：SEV1 · 平台风险 · 平台风险预案". */
export function timelineLine(e: TimelineEntry, locale: Locale): string {
  const en = locale === "en";
  const who = e.who ?? (en ? "bot" : "机器人");
  const kind = e.kind === "declared" && e.facts?.drill ? "drill" : e.kind;
  const what = EVENT_NAMES[locale][kind] ?? (en ? kind.replace(/_/g, " ") : "其他");
  const text = detail(e, locale);
  return `${e.at} ${who} ${what}${text ? (en ? `: ${text}` : `：${text}`) : ""}`;
}

/** An action item's state by name. */
export function actionStatus(locale: Locale, status: string): string {
  return ACTION_STATUS_NAMES[locale][status] ?? status;
}
