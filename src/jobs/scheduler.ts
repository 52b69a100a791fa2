// The one scheduler (node-cron). Each job run is timed and logged; a failing run is logged and the job
// keeps its schedule. Later issues add deterministic run keys for once-only sends across replicas.
import cron, { type ScheduledTask } from "node-cron";
import type { Log } from "../lib/logger.js";

/** A job: an id for the logs, a cron expression (seconds allowed), and its work. */
export interface JobDefinition {
  id: string;
  cron: string;
  timezone?: string;
  run: () => Promise<unknown>;
}

/** Running jobs; stop() waits for runs in progress. */
export interface Scheduler {
  stop(): Promise<void>;
}

/** Starts every job. Overlapping runs of one job are skipped, not stacked. */
export function startScheduler(jobs: JobDefinition[], log: Log): Scheduler {
  const running = new Map<string, Promise<unknown>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      () => {
        if (running.has(job.id)) return;
        const started = performance.now();
        const p = job
          .run()
          .then(() => log.debug({ job: job.id, ms: Math.round(performance.now() - started) }, "job run"))
          .catch((err: unknown) => log.error({ job: job.id, err }, "job run failed"))
          .finally(() => running.delete(job.id));
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
