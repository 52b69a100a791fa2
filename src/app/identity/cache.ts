// Who and where a request comes from, remembered between requests: the person behind a platform account, the
// channel behind a conversation and the team's settings change rarely but were read on every request (four to
// six statements before any work). Here they are read once and then served from this process's memory.
//
// Invalidation is in ONE place, identitiesChanged(db or tx): whatever changes a user (roles, name, language,
// zone), a platform identity (linking), a channel or a team's settings calls it in the same transaction. It
// stores a new token in the database (Setting "identities.version"); every request first reads that token
// (one small statement, checkIdentities) and, when it moved, forgets everything remembered. So every replica,
// not only the one that made the change, sees it on its next request: a role taken away is refused at once.
// A change made by hand in the database without identitiesChanged() is seen within CACHE_TTL_MS.
// A read that started before a forget is not remembered (the generation check), so a request racing a change
// cannot put the old row back. Absent rows are never remembered (a first contact is enrolled right away).
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../../db/client.js";

/** The longest a remembered fact is trusted without a change being announced (hand edits in the database). */
export const CACHE_TTL_MS = 60_000;
/** Entries per kind before the kind is emptied: bounds memory if ids were ever unbounded. */
const MAX_ENTRIES = 10_000;
/** The Setting row whose value changes whenever users, identities, channels or teams change. */
export const IDENTITIES_VERSION_KEY = "identities.version";

interface Entry<T> {
  value: T;
  until: number;
}

/** One database's remembered rows, by kind ("actor", "channel", "team", …) and key. */
interface Memory {
  /** The version token the entries were read under (null: none announced yet). */
  version: string | null | undefined;
  generation: number;
  kinds: Map<string, Map<string, Entry<unknown>>>;
}

/** Keyed by the database handle: each service (and each test's database) has its own memory. */
const memories = new WeakMap<object, Memory>();

function memoryOf(db: Db): Memory {
  let m = memories.get(db);
  if (!m) memories.set(db, (m = { version: undefined, generation: 0, kinds: new Map() }));
  return m;
}

function forget(m: Memory): void {
  m.generation += 1;
  m.kinds.clear();
}

/**
 * The one invalidation point: call in the transaction (or right after it) that changes users, platform
 * identities, channels or teams (roles, names, links, settings). Every replica forgets what it remembered
 * about them on its next request.
 */
export async function identitiesChanged(db: Db | Tx): Promise<void> {
  const value = randomUUID();
  await db.setting.upsert({ where: { key: IDENTITIES_VERSION_KEY }, create: { key: IDENTITIES_VERSION_KEY, value }, update: { value } });
}

/** Reads the version token; forgets what this process remembered when it moved. Called once per request. */
export async function checkIdentities(db: Db): Promise<void> {
  const m = memoryOf(db);
  const row = await db.setting.findUnique({ where: { key: IDENTITIES_VERSION_KEY }, select: { value: true } });
  const version = row?.value ?? null;
  if (version !== m.version) {
    forget(m);
    m.version = version;
  }
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
