// The one way an incident changes: a guarded update on its state version, an audit row, a timeline event,
// and an in-place update of every card showing it, all in one transaction.
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { audit } from "../audit.js";
import { enqueueUpdate } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { buildIncidentView, incidentSubject } from "./incident-view-model.js";
import { findIncident, type IncidentRecord } from "./load-incident.js";
import { addEvent } from "./timeline.js";

/** Columns a change may set on the incident row. */
export type IncidentFields = Partial<{
  status: string;
  severity: string;
  likelihood: string;
  impact: string;
  nextUpdateDueAt: Date | null;
  lastUpdateAt: Date;
  updatesSent: number;
  resolvedAt: Date | null;
  resolvedById: string | null;
  overrideReason: string | null;
  drillScoreJson: string | null;
}>;

/** What happened, for the audit trail and the timeline. */
export interface IncidentChange {
  action: string;
  event: string;
  data: Record<string, unknown>;
  before?: Record<string, unknown>;
  reason?: string | null;
}

/** Bumps the incident's version with `fields`, records the change, refreshes its cards; returns it after. */
export async function changeIncident(tx: Tx, scope: RequestScope, inc: IncidentRecord, fields: IncidentFields, change: IncidentChange): Promise<IncidentRecord> {
  const res = await tx.incident.updateMany({
    where: { id: inc.id, stateVersion: inc.stateVersion },
    data: { ...fields, stateVersion: inc.stateVersion + 1, updatedAt: scope.now },
  });
  if (res.count === 0) throw new AppError("incident.changed_meanwhile", { id: inc.id });
  await audit(tx, {
    teamId: inc.teamId,
    actorId: scope.actor.id,
    action: change.action,
    subjectType: "incident",
    subjectId: inc.id,
    before: change.before,
    after: change.data,
    reason: change.reason ?? null,
    at: scope.now,
  });
  await addEvent(tx, inc.id, change.event, scope.actor.id, change.data, scope.now);
  const after = await findIncident(tx, inc.teamId, inc.id);
  await refreshIncidentCards(tx, scope, after);
  return after;
}

/** Queues an in-place update of every card of the incident to its current state. */
export async function refreshIncidentCards(tx: Tx, scope: RequestScope, inc: IncidentRecord): Promise<void> {
  const model = await buildIncidentView(tx, inc, scope.deps.buttonKey, scope.team.timezone, scope.now);
  await enqueueUpdate(tx, scope, incidentSubject(inc.id), inc.stateVersion, { template: "incident.card", model });
}
