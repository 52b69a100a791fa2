// From a chain's "who" (handles and roles) to team members, and members by id for names and direct messages.
import type { Db, Tx } from "../../db/client.js";
import type { TPeople } from "../../domain/reviews/chain.js";
import { toMember, type Member } from "../members.js";

/**
 * User ids for `people`: the named handles that exist in the team, then the holders of the role, in order and
 * without duplicates or anyone in `exclude` (the authors: nobody reviews their own work).
 */
export async function resolvePeople(db: Db | Tx, teamId: string, people: TPeople, exclude: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  const add = (id: string) => {
    if (!exclude.includes(id) && !out.includes(id)) out.push(id);
  };
  if (people.users.length > 0) {
    const rows = await db.user.findMany({ where: { teamId, handle: { in: people.users } }, select: { id: true, handle: true } });
    for (const h of people.users) {
      const row = rows.find((r) => r.handle === h);
      if (row) add(row.id);
    }
  }
  if (people.role) {
    for (const m of await teamMembers(db, teamId)) if (m.roles.includes(people.role)) add(m.id);
  }
  return out;
}

/** Everyone in the team, oldest account first (then by handle, so the order never depends on the database). */
export async function teamMembers(db: Db | Tx, teamId: string): Promise<Member[]> {
  const rows = await db.user.findMany({ where: { teamId }, orderBy: [{ createdAt: "asc" }, { handle: "asc" }] });
  return rows.map(toMember);
}

/** Members by id (missing ids are left out). */
export async function membersByIds(db: Db | Tx, ids: readonly (string | null | undefined)[]): Promise<Map<string, Member>> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: wanted } } });
  return new Map(rows.map((r) => [r.id, toMember(r)]));
}

/** Display names for ids, "?" for unknown ones. */
export function namesOf(members: ReadonlyMap<string, Member>, ids: readonly string[]): string[] {
  return ids.map((id) => members.get(id)?.displayName ?? "?");
}
