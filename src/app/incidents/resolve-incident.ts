// Resolving (with a confirmation when blocking steps are open, and the override recorded), reopening, and the
// review (复盘) drafted from the timeline at resolve, with its action items tracked as tasks.
import type { Tx } from "../../db/client.js";
import { assertIncidentMove, assertOpen } from "../../domain/incidents/lifecycle.js";
import { expectedUpdates, scoreDrill } from "../../domain/incidents/drill.js";
import { draftReview } from "../../domain/incidents/review.js";
import { roleNames } from "./incident-names.js";
import { addMinutes, updateCadenceMinutes } from "../../domain/incidents/schedule.js";
import { encodeAction } from "../../messaging/action.js";
import { enqueuePost, enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { changeIncident } from "./change-incident.js";
import { requireIncidentRelation } from "./incident-permissions.js";
import { findIncident, incidentForRequest, stepText, type IncidentRecord } from "./load-incident.js";
import { buildReviewView } from "./incident-review.js";
import { reviewedIncident } from "./review-edits.js";

/** The subject key the review card is posted and updated under. */
export function reviewSubject(incidentId: number): string {
  return `incident-review:${incidentId}`;
}

/** Resolves the incident. Open blocking steps need `force` (the reason, recorded); without it nothing changes. */
export async function resolveIncident(scope: RequestScope, force: string | undefined, id: number | undefined, byId = false): Promise<void> {
  const inc = byId && id !== undefined ? await findIncident(scope.deps.db, scope.team.id, id) : await incidentForRequest(scope, id);
  assertOpen(inc.id, inc.status);
  await requireIncidentRelation(scope, inc);
  const { db } = scope.deps;
  const blocking = await db.incidentStep.findMany({ where: { incidentId: inc.id, status: "open", blocking: true }, orderBy: { position: "asc" } });
  if (blocking.length > 0 && !force) {
    const resolveButton = encodeAction({ action: "force", subjectType: "incident", subjectId: String(inc.id), stateVersion: inc.stateVersion }, scope.deps.buttonKey);
    await enqueueReply(db, scope, { template: "incident.notice", model: { kind: "blocking_open", id: inc.id, steps: blocking.map((s) => stepText(s.textJson, s.id)), resolveButton } });
    return;
  }
  await db.$transaction(async (tx) => {
    const score = inc.isDrill ? await drillScore(tx, inc, scope.now) : null;
    const override = blocking.length > 0 ? (force ?? null) : null;
    const after = await changeIncident(
      tx, scope, inc,
      { status: "resolved", resolvedAt: scope.now, resolvedById: scope.actor.id, overrideReason: override, nextUpdateDueAt: null, drillScoreJson: score ? JSON.stringify(score) : null },
      { action: "incident.resolve", event: "resolved", data: { override, openBlocking: blocking.map((s) => s.key), ...(score ? { score: score.score } : {}) }, before: { status: inc.status }, reason: override },
    );
    await tx.incidentStep.updateMany({ where: { incidentId: inc.id }, data: { nextNudgeAt: null } });
    await tx.incidentRole.updateMany({ where: { incidentId: inc.id }, data: { nextReminderAt: null } });
    await writeReview(tx, after);
    const review = await buildReviewView(tx, after, scope.team.timezone, scope.now);
    const { version } = await tx.incidentReview.findUniqueOrThrow({ where: { incidentId: inc.id } });
    await enqueuePost(tx, scope, { template: "incident.review", model: review }, { channelId: inc.channelId, subjectKey: reviewSubject(inc.id), stateVersion: version });
  });
}

async function drillScore(tx: Tx, inc: IncidentRecord, now: Date) {
  const steps = await tx.incidentStep.findMany({ where: { incidentId: inc.id } });
  const roles = await tx.incidentRole.findMany({ where: { incidentId: inc.id } });
  return scoreDrill({
    steps: steps.map((s) => ({ dueAt: s.dueAt, doneAt: s.doneAt })),
    roles: roles.map((r) => ({ required: r.required, claimed: r.userId !== null })),
    updatesExpected: expectedUpdates(inc.declaredAt, now, updateCadenceMinutes(inc.playbook, inc.severity)),
    updatesSent: inc.updatesSent,
    startedAt: inc.declaredAt,
    endedAt: now,
  });
}

/** Drafts the review from the timeline and opens its action items as tasks (a reopened incident's is redrafted). */
async function writeReview(tx: Tx, inc: IncidentRecord): Promise<void> {
  const steps = await tx.incidentStep.findMany({ where: { incidentId: inc.id }, orderBy: { position: "asc" } });
  const roles = await tx.incidentRole.findMany({ where: { incidentId: inc.id } });
  const draft = draftReview({
    declaredAt: inc.declaredAt,
    resolvedAt: inc.resolvedAt!,
    commanderId: roles.find((r) => r.role === "commander")?.userId ?? inc.declaredById,
    steps: steps.map((s) => ({ key: s.key, text: stepText(s.textJson, s.id), role: s.role, dueAt: s.dueAt, doneAt: s.doneAt, doneById: s.doneById, blocking: s.blocking })),
    roles: roles.map((r) => ({ role: r.role, required: r.required, userId: r.userId, name: roleNames(inc.playbook, r.role) })),
    updatesSent: inc.updatesSent,
    updateReminders: inc.updateReminders,
    overrideReason: inc.overrideReason,
  });
  const at = inc.resolvedAt!;
  await tx.incidentReview.upsert({
    where: { incidentId: inc.id },
    create: { incidentId: inc.id, draftJson: JSON.stringify(draft), createdAt: at, updatedAt: at },
    update: { draftJson: JSON.stringify(draft), updatedAt: at, version: { increment: 1 } },
  });
  // Only generated items (stored as a localized object) are redrafted; what the team typed stays.
  await tx.incidentActionItem.deleteMany({ where: { incidentId: inc.id, status: "open", textJson: { startsWith: "{" } } });
  for (const a of draft.actionItems) {
    await tx.incidentActionItem.create({ data: { incidentId: inc.id, textJson: JSON.stringify(a.text), ownerId: a.ownerId, status: "open", createdAt: at } });
  }
}

/** /incident reopen: a resolved incident becomes active again; reminders start over. */
export async function reopenIncident(scope: RequestScope, id: number): Promise<void> {
  const inc = await findIncident(scope.deps.db, scope.team.id, id);
  await requireIncidentRelation(scope, inc);
  assertIncidentMove(inc.id, inc.status, "active");
  await scope.deps.db.$transaction(async (tx) => {
    await changeIncident(
      tx, scope, inc,
      { status: "active", resolvedAt: null, resolvedById: null, nextUpdateDueAt: addMinutes(scope.now, updateCadenceMinutes(inc.playbook, inc.severity)) },
      { action: "incident.reopen", event: "reopened", data: { from: "resolved" }, before: { status: inc.status } },
    );
    const open = await tx.incidentStep.findMany({ where: { incidentId: inc.id, status: "open" } });
    for (const s of open) await tx.incidentStep.update({ where: { id: s.id }, data: { nextNudgeAt: s.dueAt > scope.now ? s.dueAt : scope.now } });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "reopened", detail: "" } });
  });
}

/** /incident review: the review of `--id`, else of the latest incident of this channel that has one. */
export async function showReview(scope: RequestScope, id: number | undefined): Promise<void> {
  const inc = await reviewedIncident(scope, id);
  await enqueueReply(scope.deps.db, scope, { template: "incident.review", model: await buildReviewView(scope.deps.db, inc, scope.team.timezone, scope.now) });
}
