// A fresh PostgreSQL database per test service when the suite runs against PostgreSQL
// (MEDIAOPS_TEST_DATABASE=postgres; the server from MEDIAOPS_TEST_PG_URL, default the local one).
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server the PostgreSQL run uses (its maintenance database). */
export const PG_ADMIN_URL = process.env.MEDIAOPS_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Which database the suite runs on. */
export function testDatabaseKind(): "sqlite" | "postgres" {
  return process.env.MEDIAOPS_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `mediaops_t_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, even with connections still open. */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^mediaops_t_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
