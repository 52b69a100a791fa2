// Incident record → the view model its card is rendered from.
import type { IncidentView } from "../../../templates/incident/incident-view.js";
import type { Db, Tx } from "../../db/client.js";
import { matrixRows } from "../../domain/incidents/matrix.js";
import { CORE_ROLES } from "../../domain/incidents/vocabulary.js";
import dayjs from "../../lib/dayjs.js";
import { encodeAction } from "../../messaging/action.js";
import { displayNames } from "../members.js";
import { incidentSubject, stepText, type IncidentRecord } from "./load-incident.js";

export { incidentSubject };

/** Open steps shown on the card. */
const NEXT_STEPS = 4;

/** Builds the card model; buttons only while the incident is open. */
export async function buildIncidentView(db: Db | Tx, inc: IncidentRecord, buttonKey: string, zone: string, now: Date): Promise<IncidentView> {
  const roles = await db.incidentRole.findMany({ where: { incidentId: inc.id }, orderBy: { id: "asc" } });
  const steps = await db.incidentStep.findMany({ where: { incidentId: inc.id }, orderBy: { position: "asc" } });
  const names = await displayNames(db, [inc.declaredById, inc.resolvedById, ...roles.map((r) => r.userId)]);
  const open = inc.status !== "resolved";
  const button = (action: string, subjectId: string) => encodeAction({ action, subjectType: "incident", subjectId, stateVersion: inc.stateVersion }, buttonKey);
  const fmt = (d: Date) => dayjs(d).tz(zone).format("MM-DD HH:mm");
  const holderOf = (role: string) => roles.find((r) => r.role === role)?.userId ?? null;
  const playbookRole = (role: string) => inc.playbook.roles.find((r) => r.id === role) ?? null;
  const score = inc.drillScoreJson ? (JSON.parse(inc.drillScoreJson) as { score: number }).score : null;
  return {
    id: inc.id,
    title: inc.title,
    isDrill: inc.isDrill,
    riskType: inc.riskType,
    severity: inc.severity,
    likelihood: inc.likelihood,
    impact: inc.impact,
    status: inc.status,
    playbookName: inc.playbook.name,
    declaredBy: names.get(inc.declaredById) ?? "?",
    declaredAt: fmt(inc.declaredAt),
    roles: roles.map((r) => ({
      role: r.role,
      name: (CORE_ROLES as readonly string[]).includes(r.role) ? null : (playbookRole(r.role)?.name ?? null),
      required: r.required,
      holder: r.userId ? (names.get(r.userId) ?? "?") : null,
      claimButton: open && !r.userId ? button("claim", `${inc.id}-${r.role}`) : null,
    })),
    nextSteps: steps
      .filter((s) => s.status === "open")
      .slice(0, NEXT_STEPS)
      .map((s) => {
        const owner = holderOf(s.role);
        return {
          key: s.key,
          n: s.position + 1,
          text: stepText(s.textJson, s.id),
          role: s.role,
          due: fmt(s.dueAt),
          overdue: s.dueAt.getTime() < now.getTime(),
          owner: owner ? (names.get(owner) ?? null) : null,
          doneButton: open ? button("done", `${inc.id}-${s.key}`) : null,
        };
      }),
    stepsDone: steps.filter((s) => s.status === "done").length,
    stepsTotal: steps.length,
    nextUpdateDue: open && inc.nextUpdateDueAt ? fmt(inc.nextUpdateDueAt) : null,
    matrix: matrixRows({ likelihood: inc.likelihood, impact: inc.impact }),
    contacts: inc.playbook.contacts.map((c) => ({ name: c.name, detail: c.detail })),
    buttons: open ? { update: button("update", String(inc.id)), severity: button("severity", String(inc.id)), resolve: button("resolve", String(inc.id)) } : null,
    outcome: !open && inc.resolvedAt ? { by: inc.resolvedById ? (names.get(inc.resolvedById) ?? "?") : "?", at: fmt(inc.resolvedAt), override: inc.overrideReason } : null,
    drillScore: score,
  };
}
