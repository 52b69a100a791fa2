// The one scheduler (node-cron). Each job run is timed and logged; a failing run is logged and the job
// keeps its schedule. A job with a `slot` runs once per slot across replicas (see app/jobs/claim-run.ts).
import cron, { type ScheduledTask } from "node-cron";
import { claimRun, finishRun } from "../app/jobs/claim-run.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../lib/clock.js";
import type { Log } from "../lib/logger.js";

/** A job: an id for the logs, a cron expression (seconds allowed), and its work. */
export interface JobDefinition {
  id: string;
  cron: string;
  timezone?: string;
  /** Names the slot a run belongs to (e.g. the minute); two runs of one slot never both happen. */
  slot?: (now: Date) => string;
  run: () => Promise<unknown>;
}

/** Running jobs; stop() waits for runs in progress. */
export interface Scheduler {
  stop(): Promise<void>;
}

/** Runs one job once now: claims its slot if it has one, times it, logs the outcome. */
export async function runJobOnce(job: JobDefinition, env: { db: Db; clock: Clock; log: Log }): Promise<"ran" | "claimed-elsewhere" | "failed"> {
  const now = env.clock.now();
  const key = job.slot ? `${job.id}:${job.slot(now)}` : undefined;
  if (key && !(await claimRun(env.db, key, job.id, now))) return "claimed-elsewhere";
  const started = performance.now();
  try {
    await job.run();
    if (key) await finishRun(env.db, key, env.clock.now());
    env.log.debug({ job: job.id, runKey: key, ms: Math.round(performance.now() - started) }, "job run");
    return "ran";
  } catch (err) {
    if (key) await finishRun(env.db, key, env.clock.now(), err).catch(() => undefined);
    env.log.error({ job: job.id, runKey: key, err }, "job run failed");
    return "failed";
  }
}

/**
 * Starts every job. Each job runs once right away, in definition order, so work that fell due while the
 * service was down (sweeps, today's digests) is caught up at start; slots already run are not repeated.
 * Overlapping runs of one job in this process are skipped, not stacked.
 */
export function startScheduler(jobs: JobDefinition[], env: { db: Db; clock: Clock; log: Log }): Scheduler {
  const running = new Map<string, Promise<unknown>>();
  const catchUp = (async () => {
    for (const job of jobs) await runJobOnce(job, env);
  })();
  for (const job of jobs) running.set(job.id, catchUp);
  void catchUp.finally(() => {
    for (const job of jobs) if (running.get(job.id) === catchUp) running.delete(job.id);
  });
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      () => {
        if (running.has(job.id)) return;
        const p = runJobOnce(job, env).finally(() => running.delete(job.id));
        running.set(job.id, p);
      },
      { timezone: job.timezone, noOverlap: true },
    ),
  );
  return {
    async stop() {
      for (const t of tasks) await t.stop();
      await Promise.all(running.values());
    },
  };
}
