// Fails when prisma/schema.prisma and the committed migrations disagree: applies the migrations to one
// empty database, the SQL Prisma generates for the whole schema to another, and compares tables, columns,
// indexes and foreign keys. (`prisma migrate diff --from-migrations` needs a shadow database, which the
// driver adapter setup refuses; `prisma db push` works but waits a minute on a network check here.)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { migrateSqlite } from "../src/db/migrate.js";
import { MIGRATIONS_DIR } from "../src/service.js";

/** A comparable description of a SQLite database's schema (Prisma's own table left out). */
export function describeSchema(path: string): Record<string, unknown> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`).all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        {
          columns: db.pragma(`table_info("${name}")`),
          indexes: (db.pragma(`index_list("${name}")`) as { name: string; unique: number }[])
            .map((i) => ({ name: i.name, unique: i.unique, columns: (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name) }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          foreignKeys: db.pragma(`foreign_key_list("${name}")`),
        },
      ]),
    );
  } finally {
    db.close();
  }
}

/** Returns the names of the tables that differ (empty when schema and migrations agree). */
export function migrationDrift(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "mediaops-drift-"));
  try {
    const migrated = join(dir, "migrated.db");
    const pushed = join(dir, "pushed.db");
    migrateSqlite(migrated, MIGRATIONS_DIR);
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      env: { ...process.env, DATABASE_URL: `file:${join(dir, "cli.db")}`, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
    const target = new Database(pushed);
    target.exec(sql);
    target.close();
    const a = describeSchema(migrated);
    const b = describeSchema(pushed);
    const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return names.filter((n) => JSON.stringify(a[n]) !== JSON.stringify(b[n]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const drift = migrationDrift();
  if (drift.length > 0) {
    console.error(`schema.prisma and prisma/migrations disagree on: ${drift.join(", ")}. Write a migration (see docs/developing.md).`);
    process.exit(1);
  }
  console.log("schema.prisma and prisma/migrations agree");
}
