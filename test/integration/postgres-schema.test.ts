// One model definition: the PostgreSQL schema and migration are generated from the SQLite schema and must
// not drift from it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PG_MIGRATIONS, PG_SCHEMA, postgresSchemaText } from "../../scripts/gen-postgres-schema.js";
import { readMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS_DIR } from "../../src/service.js";
import pg from "pg";
import { migratePostgres } from "../../src/db/migrate-pg.js";
import { PG_ADMIN_URL, createTestDatabase, dropTestDatabase } from "../support/postgres.js";

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns and indexes of a database (Prisma's own table left out), in a comparable order. */
function describePg(url: string) {
  return withClient(url, async (c) => ({
    columns: (await c.query(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`)).rows,
    indexes: (await c.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`)).rows,
  }));
}

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema with only the datasource and client output changed", () => {
    expect(readFileSync(PG_SCHEMA, "utf8")).toBe(postgresSchemaText());
  });

  it("has a migration for every SQLite migration, with the same names", () => {
    expect(readMigrations(PG_MIGRATIONS).map((m) => m.name)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
  });

  it("has migrations that produce exactly the generated schema", async () => {
    const fresh = execFileSync("npx", ["prisma", "migrate", "diff", "--config", "prisma/postgres/prisma.config.ts", "--from-empty", "--to-schema-datamodel", PG_SCHEMA, "--script"], {
      cwd: join(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: PG_ADMIN_URL, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    const [migrated, expected] = [await createTestDatabase(), await createTestDatabase()];
    try {
      await migratePostgres(migrated, PG_MIGRATIONS);
      await withClient(expected, (c) => c.query(fresh));
      expect(await describePg(migrated)).toEqual(await describePg(expected));
    } finally {
      await dropTestDatabase(migrated);
      await dropTestDatabase(expected);
    }
  }, 60_000);
});
