// Team roles and the checks built on them. The table of who may do what is in permission-table.ts.
import { aliasParser } from "./aliases.js";
import type { Relation, Rule } from "./permission-table.js";

/** The roles a team member can hold. */
export const ROLES = ["admin", "manager", "reviewer", "operator"] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

/** Narrowing guard for strings read from the database or typed by an admin. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A role by any name people type for it (English, Chinese, plurals). */
export const parseRole = aliasParser<Role>({
  admin: ["admins", "管理员", "管理"],
  manager: ["managers", "主管", "经理", "负责人"],
  reviewer: ["reviewers", "审核", "审核员", "审核人"],
  operator: ["operators", "运营", "运营人员", "编辑"],
});

/** True when a member with `roles` may act under `rule` by their roles alone. Admins hold every role a rule names. */
export function rolesAllow(rule: Rule, roles: readonly Role[]): boolean {
  if (rule.roles === "any") return true;
  if (rule.roles.length === 0) return false;
  return roles.includes("admin") || rule.roles.some((r) => roles.includes(r));
}

/** True when the relations the actor holds to the subject satisfy `rule` (when their roles do not). */
export function relationsAllow(rule: Rule, held: readonly Relation[]): boolean {
  return (rule.relations ?? []).some((r) => held.includes(r));
}

/** True when `rule` may still allow someone whose roles do not: the use case must look at the subject. */
export function dependsOnRelation(rule: Rule): boolean {
  return (rule.relations ?? []).length > 0;
}
