// Incident roles: claiming one (a card button; two at once get one winner) and handing one over.
import { AppError } from "../../domain/errors.js";
import { assertOpen } from "../../domain/incidents/lifecycle.js";
import { memberByHandle, displayNames } from "../members.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { changeIncident } from "./change-incident.js";
import { requireIncidentRelation } from "./incident-permissions.js";
import { findRole, listOf, roleNames, roleRef } from "./incident-names.js";
import { incidentForRequest, findIncident, type IncidentRecord } from "./load-incident.js";

/** The incident's role row `typed` means (its code, or its name in either language). */
async function roleRow(scope: RequestScope, inc: IncidentRecord, typed: string) {
  const rows = await scope.deps.db.incidentRole.findMany({ where: { incidentId: inc.id }, orderBy: { id: "asc" } });
  const code = findRole(inc.playbook, rows.map((r) => r.role), typed);
  const row = rows.find((r) => r.role === code);
  if (row) return row;
  throw new AppError("incident.unknown_role", { id: inc.id, role: typed }, { known: listOf(rows.map((r) => roleNames(inc.playbook, r.role))) });
}

/** The actor takes `role` if nobody holds it; a second claimant is told who was first. */
export async function claimRole(scope: RequestScope, incidentId: number, role: string): Promise<void> {
  const inc = await findIncident(scope.deps.db, scope.team.id, incidentId);
  assertOpen(inc.id, inc.status);
  const row = await roleRow(scope, inc, role);
  await scope.deps.db.$transaction(async (tx) => {
    const res = await tx.incidentRole.updateMany({ where: { id: row.id, userId: null }, data: { userId: scope.actor.id, claimedAt: scope.now, nextReminderAt: null } });
    if (res.count === 0) {
      const held = await tx.incidentRole.findUniqueOrThrow({ where: { id: row.id } });
      const holder = (await displayNames(tx, [held.userId])).get(held.userId ?? "") ?? "?";
      throw new AppError("incident.role_taken", { holder }, { role: roleNames(inc.playbook, row.role) });
    }
    const fresh = await findIncident(tx, inc.teamId, inc.id);
    await changeIncident(tx, scope, fresh, {}, { action: "incident.role_claim", event: "role", data: { role: row.role, userId: scope.actor.id, claimed: true } });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "claimed", detail: "", facts: { role: roleRef(inc.playbook, row.role), holder: scope.actor.displayName } } });
  });
}

/** /incident role <role> @user: hands the role over (or gives it for the first time). */
export async function handRole(scope: RequestScope, roleName: string, handle: string, id: number | undefined): Promise<void> {
  const inc = await incidentForRequest(scope, id);
  assertOpen(inc.id, inc.status);
  await requireIncidentRelation(scope, inc);
  const row = await roleRow(scope, inc, roleName);
  const member = await memberByHandle(scope.deps.db, scope.team.id, handle);
  await scope.deps.db.$transaction(async (tx) => {
    await tx.incidentRole.update({ where: { id: row.id }, data: { userId: member.id, claimedAt: scope.now, nextReminderAt: null } });
    await changeIncident(tx, scope, inc, {}, { action: "incident.role_handover", event: "role", data: { role: row.role, userId: member.id, previous: row.userId }, before: { userId: row.userId } });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "handed", detail: "", facts: { role: roleRef(inc.playbook, row.role), holder: member.displayName } } });
  });
}
