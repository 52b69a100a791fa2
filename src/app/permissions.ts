// Permission checks shared by commands and card buttons; a denial is audited and told to the actor.
import { ROLE_NAMES, nameOf } from "../../templates/strings/labels.js";
import { AppError } from "../domain/errors.js";
import { mayAct, type Permission } from "../domain/roles.js";
import { audit } from "./audit.js";
import type { RequestScope } from "./scope.js";

/** Refuses (and audits the refusal) unless the actor holds a role that `permission` allows. */
export async function requirePermission(scope: RequestScope, permission: Permission, what: string): Promise<void> {
  if (mayAct(scope.actor.roles, permission)) return;
  const locale = scope.actor.locale;
  const roles = permission === "any" ? "" : permission.map((r) => nameOf(ROLE_NAMES, locale, r)).join(locale === "en" ? ", " : "、");
  await scope.deps.db.$transaction((tx) =>
    audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "auth.denied", subjectType: "command", subjectId: what, at: scope.now }),
  );
  throw new AppError("auth.forbidden", { what, roles });
}
