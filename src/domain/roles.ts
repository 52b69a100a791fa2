// Team roles and the checks built on them.
import { AppError } from "./errors.js";

/** The roles a team member can hold. */
export const ROLES = ["admin", "manager", "reviewer", "operator"] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

/** Narrowing guard for strings read from the database or typed by an admin. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who may do something: any team member, or holders of one of these roles. */
export type Permission = "any" | readonly Role[];

/** True when a member with `roles` may act under `permission`. Admins may do everything. */
export function mayAct(roles: readonly Role[], permission: Permission): boolean {
  if (permission === "any") return true;
  return roles.includes("admin") || permission.some((r) => roles.includes(r));
}

/** Throws the "not allowed" refusal naming the roles that would be. */
export function assertMayAct(roles: readonly Role[], permission: Permission, what: string): void {
  if (!mayAct(roles, permission)) {
    throw new AppError("auth.forbidden", { what, roles: permission === "any" ? "" : permission.join(", ") });
  }
}
