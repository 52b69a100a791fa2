// Starts the real service on a fresh database for integration and browser tests: a temporary SQLite file,
// or (MEDIAOPS_TEST_DATABASE=postgres) a new PostgreSQL database that is dropped afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService, type RunningService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { createTestDatabase, dropTestDatabase, testDatabaseKind } from "./postgres.js";

/** A running service with its clock and a way to clean up. */
export interface TestService extends RunningService {
  clock: FakeClock;
  /** The SQLite file (SQLite runs only). */
  dbPath: string;
  /** What DATABASE_URL was: pass it back as `databaseUrl` to restart on the same data. */
  databaseUrl: string;
  dir: string;
  /** Stops the service and deletes its database. */
  dispose(): Promise<void>;
  /** Stops the service and keeps its database (for restart tests). */
  stopKeepingData(): Promise<void>;
}

/** Options for a test service. */
export interface TestServiceOptions {
  clock?: FakeClock;
  /** Reuse an existing database (a restart). */
  databaseUrl?: string;
  /** Delete a reused database on dispose too (the last restart of a test owns it). */
  dropOnDispose?: boolean;
  /** Force a database kind (tests of SQLite-only features); default: the suite's. */
  database?: "sqlite" | "postgres";
  env?: Record<string, string>;
}

/** A fresh temporary folder for a database file. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "mediaops-test-"));
}

/** Starts the service with the demo team on a new database, port 0, no background jobs. */
export async function startTestService(opts: TestServiceOptions = {}): Promise<TestService> {
  const dir = tempDir();
  const dbPath = join(dir, "mediaops.db");
  const kind = opts.database ?? testDatabaseKind();
  const databaseUrl = opts.databaseUrl ?? (kind === "postgres" ? await createTestDatabase() : `file:${dbPath}`);
  // Thursday 2026-11-26 10:00 in Shanghai.
  const clock = opts.clock ?? new FakeClock("2026-11-26T02:00:00Z");
  const env = loadConfig({ PORT: "0", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", ...opts.env });
  const svc = await startService({ env, clock, log: createLogger("silent"), jobs: false });
  return {
    ...svc,
    clock,
    dbPath,
    databaseUrl,
    dir,
    async stopKeepingData() {
      await svc.stop();
    },
    async dispose() {
      await svc.stop();
      rmSync(dir, { recursive: true, force: true });
      const owned = opts.dropOnDispose ?? !opts.databaseUrl;
      if (owned && databaseUrl.startsWith("postgres")) await dropTestDatabase(databaseUrl);
      if (owned && databaseUrl.startsWith("file:")) rmSync(databaseUrl.slice("file:".length), { force: true });
    },
  };
}
