// Permission checks shared by commands and card buttons, against the one table in src/domain/permission-table.ts.
// A refusal is an AppError("auth.forbidden"); handle-inbound audits it (auditRefusal) and tells the actor.
import { AppError } from "../domain/errors.js";
import { ruleFor, type PermissionKey, type Relation } from "../domain/permission-table.js";
import { dependsOnRelation, relationsAllow, rolesAllow } from "../domain/roles.js";
import type { RequestScope } from "./scope.js";

/** The refusal for `key`; its message ("Only managers or admins can …") is written from the table. */
export function forbidden(scope: RequestScope, key: PermissionKey): AppError {
  return new AppError("auth.forbidden", { kind: key.kind, key: key.id, roles: scope.actor.roles.join(",") });
}

/**
 * Checks the actor's roles against the rule for `key` before the command or button runs. A rule that relations
 * can satisfy (the proposer, a reviewer of the level, the commander...) is left pending: the use case finishes
 * it with requireRelation once it has loaded the subject.
 */
export function requirePermission(scope: RequestScope, key: PermissionKey): void {
  const rule = ruleFor(key);
  if (!rule && key.kind === "button") throw new AppError("action.unknown", { action: key.id });
  if (!rule) throw new Error(`command ${key.id} has no row in the permission table`); // a bug: nobody may until it is written down
  if (rolesAllow(rule, scope.actor.roles)) return;
  if (dependsOnRelation(rule)) {
    scope.pendingRelation = key;
    return;
  }
  throw forbidden(scope, key);
}

/**
 * Finishes a pending check: `held` names the relations the actor has to the subject (called only when the
 * actor's roles did not already allow the action, so it may query).
 */
export async function requireRelation(scope: RequestScope, held: () => readonly Relation[] | Promise<readonly Relation[]>): Promise<void> {
  const key = scope.pendingRelation;
  if (!key) return;
  if (!relationsAllow(ruleFor(key)!, await held())) throw forbidden(scope, key);
  scope.pendingRelation = undefined;
}

/**
 * Checks `key`, runs the command or button, and reports a rule that relations could satisfy but the use case
 * never finished: the table promised a check the code does not make (a bug the permission tests look for).
 */
export async function runPermitted<T>(scope: RequestScope, key: PermissionKey, run: () => Promise<T>): Promise<T> {
  requirePermission(scope, key);
  const result = await run();
  if (scope.pendingRelation) {
    scope.deps.log.error({ key, actorId: scope.actor.id }, "permission: a relation rule was never checked by its use case");
  }
  return result;
}
