// One model definition: the PostgreSQL schema and migration are generated from the SQLite schema and must
// not drift from it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PG_MIGRATIONS, PG_SCHEMA, postgresSchemaText } from "../../scripts/gen-postgres-schema.js";
import { readMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS_DIR } from "../../src/service.js";
import { PG_ADMIN_URL } from "../support/postgres.js";

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema with only the datasource and client output changed", () => {
    expect(readFileSync(PG_SCHEMA, "utf8")).toBe(postgresSchemaText());
  });

  it("has a migration for every SQLite migration, with the same names", () => {
    expect(readMigrations(PG_MIGRATIONS).map((m) => m.name)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
  });

  it("has migrations that produce exactly the generated schema", () => {
    const migrations = readMigrations(PG_MIGRATIONS);
    expect(migrations).toHaveLength(1); // while there is one migration, it must equal the schema written from empty
    const fresh = execFileSync("npx", ["prisma", "migrate", "diff", "--config", "prisma/postgres/prisma.config.ts", "--from-empty", "--to-schema-datamodel", PG_SCHEMA, "--script"], {
      cwd: join(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: PG_ADMIN_URL, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    expect(migrations[0]!.sql).toBe(fresh);
  });
});
