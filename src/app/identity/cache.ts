// Who and where a request comes from, remembered between requests: the person behind a platform account, the
// channel behind a conversation and the team's settings change rarely but were read on every request (four
// statements before any work). Here they are read once and then served from this process's memory.
//
// Invalidation is in ONE place, forgetIdentities(db): whatever changes a user (roles, name, language, zone), a
// platform identity (linking), a channel or a team's settings calls it after its transaction commits, and this
// process reads them afresh on the next request. Other replicas share the database, not this memory: they see
// such a change within CACHE_TTL_MS, the longest a remembered fact is trusted without asking the database.
// A read that started before a forget is not remembered (the generation check), so a request racing a change
// cannot put the old row back. Absent rows are never remembered (a first contact is enrolled right away).
import type { Db } from "../../db/client.js";

/** How long another replica's change can go unseen here (role changes included). */
export const CACHE_TTL_MS = 5_000;
/** Entries per kind before the kind is emptied: bounds memory if ids were ever unbounded. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  until: number;
}

/** One database's remembered rows, by kind ("actor", "channel", "team", …) and key. */
interface Memory {
  generation: number;
  kinds: Map<string, Map<string, Entry<unknown>>>;
}

/** Keyed by the database handle: each service (and each test's database) has its own memory. */
const memories = new WeakMap<object, Memory>();

function memoryOf(db: Db): Memory {
  let m = memories.get(db);
  if (!m) memories.set(db, (m = { generation: 0, kinds: new Map() }));
  return m;
}

/**
 * The one invalidation point: call after committing any change to users, platform identities, channels or
 * teams (roles, names, links, settings). This process forgets everything it remembered about them.
 */
export function forgetIdentities(db: Db): void {
  const m = memoryOf(db);
  m.generation += 1;
  m.kinds.clear();
}

/**
 * `load()`'s value for `kind`/`key`, from memory while it is younger than CACHE_TTL_MS at `now`; a null (no
 * such row) is returned but not remembered.
 */
export async function remembered<T>(db: Db, kind: string, key: string, now: Date, load: () => Promise<T | null>): Promise<T | null> {
  const m = memoryOf(db);
  let entries = m.kinds.get(kind);
  const hit = entries?.get(key);
  if (hit && hit.until > now.getTime()) return hit.value as T;
  const generation = m.generation;
  const value = await load();
  if (value === null || generation !== m.generation) return value;
  if (!entries) m.kinds.set(kind, (entries = new Map()));
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { value, until: now.getTime() + CACHE_TTL_MS });
  return value;
}
