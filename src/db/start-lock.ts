// First-start work (the demo seed, the empty team, configured admins, the setup code, the button key, the
// playbooks' stored copies) checks what exists and then creates it: two replicas started together on an empty
// PostgreSQL database would both find nothing and one would fail on a unique key. A session-level advisory lock
// makes them take turns, so the second finds the first one's rows. SQLite has one writer process by design
// (replicas share PostgreSQL), so there it simply runs.
import { databaseKind } from "./client.js";

const START_LOCK_ID = 72_707_370; // beside migrate-pg.ts's migration lock; shared by all replicas

/** Runs `fn` while holding the start lock of the database at `url` (PostgreSQL), or directly (SQLite). */
export async function withStartLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  if (databaseKind(url) !== "postgres") return fn();
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [START_LOCK_ID]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [START_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
