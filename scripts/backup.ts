// npm run backup: a consistent copy of the live SQLite database, safe while the service runs (SQLite's
// online backup API, page by page, through better-sqlite3). Restore: stop the service, copy the backup over
// the database file (and delete any -wal/-shm files beside it), start the service.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../src/config/env.js";
import { sqlitePathFromUrl } from "../src/db/database-url.js";

/** Copies the database at `source` to `target`; returns the number of pages copied. */
export async function backupDatabase(source: string, target: string): Promise<number> {
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const result = await db.backup(target);
    return result.totalPages;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = loadConfig(process.env);
  const source = sqlitePathFromUrl(env.DATABASE_URL);
  const folder = process.argv[2] ?? join(source, "..", "backups");
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = join(folder, `mediaops-${stamp}.db`);
  backupDatabase(source, target).then(
    (pages) => console.log(`backup written: ${target} (${pages} pages)`),
    (err: unknown) => {
      console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
