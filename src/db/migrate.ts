// Applies pending migrations from prisma/migrations at start, so the service never runs against an older
// schema. Prisma's own `migrate deploy` needs its CLI at run time and does not work through the PostgreSQL
// driver adapter here (prisma/orm#27403), so the service applies the committed SQL itself and records each
// migration in Prisma's own `_prisma_migrations` table, in Prisma's format: `prisma migrate status` and
// `prisma migrate deploy` keep working on the same database.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/** One migration folder: its name (the folder) and its SQL. */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations, oldest first. */
export function readMigrations(folder: string): MigrationFile[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

/**
 * Compares the committed migrations with what a database has applied (name → checksum) and returns the ones
 * still to apply. Refuses when an applied migration's file was edited afterwards, or the database knows a
 * migration this code does not (a newer release ran on it). Shared by the SQLite and PostgreSQL migrators.
 */
export function pendingMigrations(files: MigrationFile[], applied: Map<string, string>): { pending: MigrationFile[]; alreadyApplied: number } {
  const known = new Set(files.map((f) => f.name));
  const unknown = [...applied.keys()].filter((n) => !known.has(n));
  if (unknown.length > 0) throw new Error(`database has migrations this version does not know (${unknown.join(", ")}): is a newer release using it?`);
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const seen = applied.get(file.name);
    if (seen === undefined) pending.push(file);
    else if (seen !== file.checksum) throw new Error(`migration ${file.name} was edited after it was applied`);
  }
  return { pending, alreadyApplied: files.length - pending.length };
}

/** What a start-up migration run did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every migration not yet recorded, each in its own transaction. Sets WAL mode (persistent on the
 * file) so readers never block the writer. Refuses to start when an applied migration's file was edited
 * afterwards or the database knows a migration this code does not (a newer release ran on it).
 */
export function migrateSqlite(dbPath: string, folder: string, now: () => Date = () => new Date()): MigrationReport {
  const db = new Database(dbPath, { timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_TABLE);
    const rows = db
      .prepare(`SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
      .all() as { name: string; checksum: string }[];
    const { pending, alreadyApplied } = pendingMigrations(readMigrations(folder), new Map(rows.map((r) => [r.name, r.checksum])));
    const report: MigrationReport = { applied: [], alreadyApplied };
    for (const file of pending) {
      const started = now().toISOString();
      db.transaction(() => {
        db.exec(file.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), file.checksum, now().toISOString(), file.name, started);
      })();
      report.applied.push(file.name);
    }
    return report;
  } finally {
    db.close();
  }
}
