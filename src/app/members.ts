// Team members as the use cases see them: roles and locale parsed and checked.
import { z } from "zod";
import type { Tx, Db } from "../db/client.js";
import { AppError } from "../domain/errors.js";
import { toLocale, type Locale } from "../domain/locale.js";
import { ROLES, type Role } from "../domain/roles.js";
import { readJson } from "../lib/json.js";

const ZRoles = z.array(z.enum(ROLES));

/** A user with parsed roles. */
export interface Member {
  id: string;
  teamId: string;
  handle: string;
  displayName: string;
  locale: Locale;
  timezone: string;
  roles: Role[];
  /** False once removed from the team (their history stays); a member built by hand (the service acting) leaves it out. */
  active?: boolean;
}

type UserRow = { id: string; teamId: string; handle: string; displayName: string; locale: string; timezone: string; rolesJson: string; active?: boolean };

/** Row → Member. */
export function toMember(u: UserRow): Member {
  return {
    id: u.id,
    teamId: u.teamId,
    handle: u.handle,
    displayName: u.displayName,
    locale: toLocale(u.locale),
    timezone: u.timezone,
    roles: readJson(ZRoles, u.rolesJson, `User(${u.id}).rolesJson`),
    active: u.active ?? true,
  };
}

/** The member with `handle` in `teamId`; refuses with user.unknown. */
export async function memberByHandle(db: Db | Tx, teamId: string, handle: string): Promise<Member> {
  const u = await db.user.findUnique({ where: { teamId_handle: { teamId, handle } } });
  if (!u) throw new AppError("user.unknown", { handle });
  return toMember(u);
}

/** Display names for a set of user ids (missing ids are left out). */
export async function displayNames(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
