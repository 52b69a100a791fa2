// How the actor stands to an incident, for the permission table: its commander (the holder of the commander
// role, or whoever declared it while nobody holds that role) and the holders of any of its roles.
import type { Db, Tx } from "../../db/client.js";
import type { Relation } from "../../domain/permission-table.js";
import { requireRelation } from "../permissions.js";
import type { RequestScope } from "../scope.js";

/** The relations `userId` has to incident `inc`. */
export async function incidentRelations(db: Db | Tx, inc: { id: number; declaredById: string }, userId: string): Promise<Relation[]> {
  const roles = await db.incidentRole.findMany({ where: { incidentId: inc.id }, select: { role: true, userId: true } });
  const commander = roles.find((r) => r.role === "commander")?.userId ?? inc.declaredById;
  const out: Relation[] = [];
  if (commander === userId) out.push("commander");
  if (roles.some((r) => r.userId === userId)) out.push("role_holder");
  return out;
}

/** Finishes the permission check of an incident command or button once the incident is known. */
export function requireIncidentRelation(scope: RequestScope, inc: { id: number; declaredById: string }): Promise<void> {
  return requireRelation(scope, () => incidentRelations(scope.deps.db, inc, scope.actor.id));
}
