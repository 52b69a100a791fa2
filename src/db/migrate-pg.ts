// Start-up migrations on PostgreSQL: the same idea as migrate.ts (committed SQL, Prisma's own
// _prisma_migrations table and checksums), from prisma/postgres/migrations. An advisory lock makes replicas
// that start together take turns, so each migration is applied once.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { pendingMigrations, readMigrations, type MigrationReport } from "./migrate.js";

const LOCK_ID = 72_707_369; // any constant shared by all replicas of this service

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Applies pending PostgreSQL migrations from `folder`; same refusals as the SQLite migrator. */
export async function migratePostgres(connectionString: string, folder: string, now: () => Date = () => new Date()): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const { pending, alreadyApplied } = pendingMigrations(readMigrations(folder), new Map(rows.map((r) => [r.name, r.checksum])));
    const report: MigrationReport = { applied: [], alreadyApplied };
    for (const file of pending) {
      const started = now();
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, $5, 1)`,
          [randomUUID(), file.checksum, now(), file.name, started],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
      report.applied.push(file.name);
    }
    return report;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
