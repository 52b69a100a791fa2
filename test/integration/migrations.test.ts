// The committed migrations produce exactly the schema in schema.prisma, and start-up migration is safe to repeat.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationDrift } from "../../scripts/check-migrations.js";
import { migrateSqlite, readMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS_DIR } from "../../src/service.js";
import { tempDir } from "../support/service.js";

describe("migrations", () => {
  it("agree with schema.prisma", () => {
    expect(migrationDrift()).toEqual([]);
  });

  it("apply once, then are recognised as applied", () => {
    const dir = tempDir();
    const db = join(dir, "m.db");
    expect(migrateSqlite(db, MIGRATIONS_DIR).applied).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    expect(migrateSqlite(db, MIGRATIONS_DIR)).toEqual({ applied: [], alreadyApplied: readMigrations(MIGRATIONS_DIR).length });
    rmSync(dir, { recursive: true });
  });

  it("refuses to start when an applied migration was edited afterwards", () => {
    const dir = tempDir();
    const folder = join(dir, "migrations");
    const first = readMigrations(MIGRATIONS_DIR)[0]!;
    mkdirSync(join(folder, first.name), { recursive: true });
    copyFileSync(join(MIGRATIONS_DIR, first.name, "migration.sql"), join(folder, first.name, "migration.sql"));
    migrateSqlite(join(dir, "m.db"), folder);
    writeFileSync(join(folder, first.name, "migration.sql"), first.sql + "\n-- edited\n");
    expect(() => migrateSqlite(join(dir, "m.db"), folder)).toThrow(`migration ${first.name} was edited after it was applied`);
    rmSync(dir, { recursive: true });
  });
});
