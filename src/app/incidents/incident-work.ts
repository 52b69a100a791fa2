// Working an incident: steps done, status updates, notes, status and severity changes.
import { AppError } from "../../domain/errors.js";
import { assertIncidentMove, assertOpen } from "../../domain/incidents/lifecycle.js";
import { matrixRows, severityOf } from "../../domain/incidents/matrix.js";
import { addMinutes, updateCadenceMinutes } from "../../domain/incidents/schedule.js";
import { parseImpact, parseLikelihood, parseSeverity, type Impact, type Likelihood } from "../../domain/incidents/vocabulary.js";
import { audit } from "../audit.js";
import dayjs from "../../lib/dayjs.js";
import { displayNames } from "../members.js";
import { enqueuePost, enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { changeIncident } from "./change-incident.js";
import { stakeholderChannelId } from "./incident-channels.js";
import { requireIncidentRelation } from "./incident-permissions.js";
import { findStep, stepList } from "./incident-names.js";
import { findIncident, incidentForRequest, stepText, type IncidentRecord } from "./load-incident.js";
import { addEvent } from "./timeline.js";

async function openIncident(scope: RequestScope, id: number | undefined, byId = false): Promise<IncidentRecord> {
  const inc = byId && id !== undefined ? await findIncident(scope.deps.db, scope.team.id, id) : await incidentForRequest(scope, id);
  assertOpen(inc.id, inc.status);
  return inc;
}

/** Marks a step of the incident done (typed as its number, key or text); an unknown step, or one done twice, is refused. */
export async function completeStep(scope: RequestScope, typed: string, id: number | undefined, byId = false): Promise<void> {
  const inc = await openIncident(scope, id, byId);
  await requireIncidentRelation(scope, inc);
  const { db } = scope.deps;
  const steps = (await db.incidentStep.findMany({ where: { incidentId: inc.id }, orderBy: { position: "asc" } })).map((s) => ({ ...s, text: stepText(s.textJson, s.id) }));
  const step = findStep(steps, typed);
  if (!step) throw new AppError("incident.unknown_step", { id: inc.id, step: typed }, { known: stepList(steps) });
  const key = step.key;
  await db.$transaction(async (tx) => {
    const res = await tx.incidentStep.updateMany({ where: { id: step.id, status: "open" }, data: { status: "done", doneById: scope.actor.id, doneAt: scope.now, nextNudgeAt: null } });
    if (res.count === 0) {
      const done = await tx.incidentStep.findUniqueOrThrow({ where: { id: step.id } });
      throw new AppError("incident.step_done", { by: (await displayNames(tx, [done.doneById])).get(done.doneById ?? "") ?? "?" }, { step: step.text });
    }
    const onTime = scope.now.getTime() <= step.dueAt.getTime();
    const fresh = await findIncident(tx, inc.teamId, inc.id);
    await changeIncident(tx, scope, fresh, {}, { action: "incident.step_done", event: "step_done", data: { step: key, onTime } });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "step", detail: "", facts: { step: step.text } } });
  });
}

/** /incident update: to the incident channel and the stakeholders'; moves the next update one cadence on. */
export async function postIncidentUpdate(scope: RequestScope, text: string, id: number | undefined, byId = false): Promise<void> {
  const inc = await openIncident(scope, id, byId);
  const { db } = scope.deps;
  await db.$transaction(async (tx) => {
    const cadence = updateCadenceMinutes(inc.playbook, inc.severity);
    const after = await changeIncident(tx, scope, inc, { lastUpdateAt: scope.now, nextUpdateDueAt: addMinutes(scope.now, cadence), updatesSent: inc.updatesSent + 1 }, { action: "incident.update", event: "update", data: { text } });
    const notice = { kind: "update" as const, id: inc.id, title: inc.title, isDrill: inc.isDrill, severity: after.severity, by: scope.actor.displayName, at: dayjs(scope.now).tz(scope.team.timezone).format("MM-DD HH:mm"), text };
    await enqueuePost(tx, scope, { template: "incident.notice", model: notice }, { channelId: inc.channelId });
    const stakeholders = await stakeholderChannelId(tx, inc.teamId, inc.channelId, inc.originChannelId);
    if (stakeholders) await enqueuePost(tx, scope, { template: "incident.notice", model: notice }, { channelId: stakeholders });
  });
}

/** /incident note: a line in the timeline; the card does not change. */
export async function addIncidentNote(scope: RequestScope, text: string, id: number | undefined): Promise<void> {
  const inc = await openIncident(scope, id);
  await scope.deps.db.$transaction(async (tx) => {
    await addEvent(tx, inc.id, "note", scope.actor.id, { text }, scope.now);
    await audit(tx, { teamId: inc.teamId, actorId: scope.actor.id, action: "incident.note", subjectType: "incident", subjectId: inc.id, after: { text }, at: scope.now });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "note", detail: text } });
  });
}

/** /incident status stable|active. */
export async function setIncidentStatus(scope: RequestScope, status: string, id: number | undefined): Promise<void> {
  if (status !== "stable" && status !== "active") throw new AppError("incident.bad_status", { value: status });
  const inc = await openIncident(scope, id);
  await requireIncidentRelation(scope, inc);
  assertIncidentMove(inc.id, inc.status, status);
  await scope.deps.db.$transaction(async (tx) => {
    await changeIncident(tx, scope, inc, { status }, { action: "incident.status", event: "status", data: { from: inc.status, to: status }, before: { status: inc.status } });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "status", detail: "", facts: { status: { from: inc.status, to: status } } } });
  });
}

/** What a severity change names: the matrix axes, or a severity directly. */
export interface SeverityInput {
  severity?: string;
  likelihood?: Likelihood;
  impact?: Impact;
}

/** Reads "medium moderate", "SEV2" or "中 中等" typed on the Change severity button. */
export function severityInputFromText(text: string): SeverityInput {
  const words = text.trim().split(/[\s,，]+/).filter(Boolean);
  if (words.length === 2) {
    const likelihood = parseLikelihood(words[0]!);
    const impact = parseImpact(words[1]!);
    if (likelihood && impact) return { likelihood, impact };
  }
  return { severity: words.join(" ") };
}

/** Changes the severity; the update cadence follows it. Anything outside SEV1..SEV4 is refused. */
export async function changeSeverity(scope: RequestScope, input: SeverityInput, id: number | undefined, byId = false): Promise<void> {
  const inc = await openIncident(scope, id, byId);
  await requireIncidentRelation(scope, inc);
  let likelihood = input.likelihood;
  let impact = input.impact;
  if (!(likelihood && impact)) {
    const sev = input.severity ? parseSeverity(input.severity) : undefined;
    if (!sev) throw new AppError("incident.bad_severity", { value: input.severity ?? `${likelihood ?? ""} ${impact ?? ""}`.trim() });
    const cell = matrixRows().flatMap((r) => r.cells.map((c) => ({ likelihood: r.likelihood, impact: c.impact, severity: c.severity }))).find((c) => c.severity === sev)!;
    likelihood = cell.likelihood;
    impact = cell.impact;
  }
  const severity = severityOf(likelihood, impact);
  if (severity === inc.severity && likelihood === inc.likelihood && impact === inc.impact) throw new AppError("incident.same_severity", { severity });
  const cadence = updateCadenceMinutes(inc.playbook, severity);
  await scope.deps.db.$transaction(async (tx) => {
    await changeIncident(
      tx, scope, inc,
      { severity, likelihood, impact, nextUpdateDueAt: addMinutes(inc.lastUpdateAt ?? inc.declaredAt, cadence) },
      { action: "incident.severity", event: "severity", data: { from: inc.severity, to: severity, likelihood, impact }, before: { severity: inc.severity, likelihood: inc.likelihood, impact: inc.impact } },
    );
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "severity", detail: "", facts: { severity: { from: inc.severity, to: severity } } } });
  });
}
