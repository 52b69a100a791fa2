// Composition root: read the configuration, start the service, stop gracefully on SIGINT/SIGTERM.
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config/env.js";
import { systemClock } from "./lib/clock.js";
import { createLogger } from "./lib/logger.js";
import { startService } from "./service.js";

/**
 * How long a graceful stop may take before the process exits anyway: a stop waits for in-flight work, and work
 * that never ends (a platform that never answers) must not keep a replica running after it was told to stop.
 * Below the usual supervisor grace period (30 s) so the log still says why.
 */
const STOP_LIMIT_MS = 25_000;

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let env;
  try {
    env = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(env.LOG_LEVEL);
  const service = await startService({ env, clock: systemClock, log });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: finishing in-flight requests");
    setTimeout(() => {
      log.error({ limitMs: STOP_LIMIT_MS }, "stop did not finish in time; exiting without waiting for the rest");
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    service.stop().then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`mediaops failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
