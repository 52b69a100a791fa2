// Roles are stored as a JSON array (User.rolesJson). Changes keep the array in the table's order, so the same
// set of roles is always the same string (and "no change" is a string comparison).
import { ROLES, isRole, type Role } from "../../domain/roles.js";

/** The stored roles with `add` added and `remove` taken away, as the JSON to store. */
export function withRoles(rolesJson: string, add: readonly Role[], remove: readonly Role[]): string {
  const before = new Set((JSON.parse(rolesJson) as string[]).filter(isRole));
  const held = new Set(before);
  for (const r of add) held.add(r);
  for (const r of remove) held.delete(r);
  const same = held.size === before.size && [...held].every((r) => before.has(r));
  return same ? rolesJson : JSON.stringify(ROLES.filter((r) => held.has(r)));
}
