// Work a platform adapter does after it has answered the platform (Slack's 3 s, Feishu's 3 s, WeCom's 5 s):
// started without waiting, capped so a burst queues instead of crowding the database, failures logged, and
// remembered so a graceful stop can wait for it to finish.
import { ConcurrencyLimit } from "./concurrency.js";
import type { Log } from "./logger.js";

/** Below the PostgreSQL pool's default size, so queued work waits here rather than for a connection. */
const MAX_AT_ONCE = 8;

/** Background tasks of one adapter. */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();
  private readonly limit = new ConcurrencyLimit(MAX_AT_ONCE);

  constructor(private readonly log: Log, private readonly label: string) {}

  /** Starts `task` when a slot is free; its failure is logged, never thrown. Resolves when it has settled. */
  start(task: () => Promise<void>): Promise<void> {
    const p = this.limit
      .run(task)
      .catch((err: unknown) => this.log.error({ err }, `${this.label}: background work failed`))
      .finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Resolves once nothing is running or queued. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
