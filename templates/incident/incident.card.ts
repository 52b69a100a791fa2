// The incident card: posted when an incident (or drill) is declared, updated in place on every change.
import type { Locale } from "../../src/domain/locale.js";
import type { Card, CardBlock, CardButton, CardField, Tone } from "../../src/messaging/card.js";
import { INCIDENT_STATUS_NAMES, IMPACT_NAMES, LIKELIHOOD_NAMES, RISK_NAMES, incidentCopy, roleName } from "./incident-copy.js";
import type { IncidentView } from "./incident-view.js";
import { matrixLines } from "./matrix-lines.js";

const SEVERITY_TONE: Record<IncidentView["severity"], Tone> = { SEV1: "danger", SEV2: "danger", SEV3: "warning", SEV4: "info" };

/** The card's title: "[演练] #3 SEV1 title". */
export function incidentTitle(v: Pick<IncidentView, "id" | "title" | "isDrill" | "severity">, locale: Locale): string {
  return `${v.isDrill ? `[${incidentCopy[locale].drill}] ` : ""}#${v.id} ${v.severity} ${v.title}`;
}

/** Renders an incident for its channel. */
export function incidentCard(v: IncidentView, locale: Locale): Card {
  const c = incidentCopy[locale];
  const fields: CardField[] = [
    { label: c.severity, value: `${v.severity} (${LIKELIHOOD_NAMES[locale][v.likelihood]} × ${IMPACT_NAMES[locale][v.impact]})` },
    { label: c.status, value: INCIDENT_STATUS_NAMES[locale][v.status] },
    { label: c.risk, value: RISK_NAMES[locale][v.riskType] },
    { label: c.playbook, value: v.playbookName[locale] },
    { label: c.declared, value: `${v.declaredBy} · ${v.declaredAt}` },
    { label: c.steps, value: `${v.stepsDone}/${v.stepsTotal}` },
  ];
  if (v.nextUpdateDue) fields.push({ label: c.nextUpdate, value: v.nextUpdateDue });
  const blocks: CardBlock[] = [];
  if (v.isDrill) blocks.push({ type: "context", text: c.drillNote });
  blocks.push({ type: "fields", fields });
  blocks.push({ type: "text", text: `${c.matrix}\n${matrixLines(v.matrix, locale).join("\n")}` });
  const roleLines = v.roles.map((r) => `${roleName(locale, r.role, r.name)}: ${r.holder ?? `${c.unclaimed}${r.required ? ` (${c.required})` : ""}`}`);
  blocks.push({ type: "text", text: c.roles });
  blocks.push({ type: "list", items: roleLines });
  if (v.nextSteps.length > 0) {
    blocks.push({ type: "text", text: c.nextSteps });
    blocks.push({
      type: "list",
      items: v.nextSteps.map((s) => `${s.n ?? "·"}. ${s.text[locale]} · ${roleName(locale, s.role, v.roles.find((r) => r.role === s.role)?.name ?? null)}${s.owner ? ` (${s.owner})` : ""} · ${s.overdue ? c.overdue : c.due} ${s.due}`),
    });
  }
  if (v.contacts.length > 0) blocks.push({ type: "context", text: `${c.contacts}: ${v.contacts.map((x) => `${x.name[locale]} ${x.detail}`).join(" | ")}` });
  if (v.buttons) {
    const buttons: CardButton[] = [
      ...v.roles.filter((r) => r.claimButton).map((r) => ({ actionId: "incident.claim", label: c.claim(roleName(locale, r.role, r.name)), value: r.claimButton! })),
      ...v.nextSteps.filter((s) => s.doneButton).map((s) => ({ actionId: "incident.done", label: c.doneStep(s.n, s.text[locale]), value: s.doneButton! })),
      { actionId: "incident.update", label: c.postUpdate, value: v.buttons.update, reasonPrompt: c.updatePrompt },
      { actionId: "incident.severity", label: c.changeSeverity, value: v.buttons.severity, reasonPrompt: c.severityPrompt },
      { actionId: "incident.resolve", label: c.resolve, value: v.buttons.resolve, style: "primary" },
    ];
    blocks.push({ type: "actions", buttons });
  } else if (v.outcome) {
    const tail = v.outcome.override ? ` · ${c.override(v.outcome.override)}` : "";
    const score = v.drillScore !== null ? ` · ${c.score(v.drillScore)}` : "";
    blocks.push({ type: "outcome", text: `${c.resolvedBy(v.outcome.by, v.outcome.at)}${tail}${score}`, tone: "success" });
  }
  const title = incidentTitle(v, locale);
  const fallback = [
    title,
    ...fields.map((f) => `${f.label}: ${f.value}`),
    ...blocks.flatMap((b) => (b.type === "text" || b.type === "context" || b.type === "outcome" ? [b.text] : b.type === "list" ? b.items : [])),
  ].join("\n");
  return { title, tone: v.status === "resolved" ? "success" : SEVERITY_TONE[v.severity], blocks, fallbackText: fallback };
}
