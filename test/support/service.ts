// Starts the real service on a temporary database file for integration and browser tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService, type RunningService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";

/** A running service with its clock and a way to clean up. */
export interface TestService extends RunningService {
  clock: FakeClock;
  dbPath: string;
  dir: string;
  /** Stops the service and deletes its database. */
  dispose(): Promise<void>;
}

/** A fresh temporary folder for a database file. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "mediaops-test-"));
}

/** Starts the service with the demo team on a new database (or `dbPath`), port 0, no background jobs. */
export async function startTestService(opts: { clock?: FakeClock; dir?: string; env?: Record<string, string> } = {}): Promise<TestService> {
  const dir = opts.dir ?? tempDir();
  const dbPath = join(dir, "mediaops.db");
  // Thursday 2026-11-26 10:00 in Shanghai.
  const clock = opts.clock ?? new FakeClock("2026-11-26T02:00:00Z");
  const env = loadConfig({ PORT: "0", DATABASE_URL: `file:${dbPath}`, LOG_LEVEL: "silent", ...opts.env });
  const svc = await startService({ env, clock, log: createLogger("silent"), jobs: false });
  return {
    ...svc,
    clock,
    dbPath,
    dir,
    async dispose() {
      await svc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
