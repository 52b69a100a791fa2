// Sending a request's cards after its work has finished, so the worker that ran the work is free at once:
// pacing (Slack: one post a second per channel) delays only the cards of that conversation. One queue per
// conversation keeps its cards in order; a stop drops what has not started (those rows stay in the outbox,
// where the outbox worker or the next start sends them) and waits only for the batch being sent.
import type { AppDeps } from "../deps.js";
import { deliverOutbox } from "./deliver.js";

/** Per-conversation queues of outbox rows to send in the background. */
export class BackgroundSender {
  private readonly queues = new Map<string, number[][]>();
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: AppDeps) {}

  /** Queues `ids` (one request's rows) behind the earlier rows of `conversationKey`. */
  enqueue(conversationKey: string, ids: number[]): void {
    if (this.stopped || ids.length === 0) return;
    const queue = this.queues.get(conversationKey) ?? [];
    queue.push(ids);
    this.queues.set(conversationKey, queue);
    if (!this.running.has(conversationKey)) this.running.set(conversationKey, this.drain(conversationKey));
  }

  private async drain(key: string): Promise<void> {
    try {
      for (let batch = this.queues.get(key)?.shift(); batch && !this.stopped; batch = this.queues.get(key)?.shift()) {
        try {
          await deliverOutbox(this.deps, batch);
        } catch (err) {
          this.deps.log.warn({ err: String(err), conversation: key }, "background send failed; the outbox worker retries it");
        }
      }
    } finally {
      this.queues.delete(key);
      this.running.delete(key);
    }
  }

  /** Takes batches again after a stop. */
  resume(): void {
    this.stopped = false;
  }

  /** True when nothing is queued or being sent. */
  get idle(): boolean {
    return this.running.size === 0;
  }

  /** Stops taking batches; resolves when the batches being sent have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.running.values()]);
  }
}
