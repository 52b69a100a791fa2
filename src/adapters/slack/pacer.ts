// A small per-key queue: runs tasks for one key one after another, at least `intervalMs` apart. Slack's
// chat.postMessage "generally allows posting one message per second per channel" (docs.slack.dev rate limits);
// pacing ourselves avoids most 429s, and the WebClient's retry after Retry-After catches the rest.

/** Wall time and sleeping, injectable for tests. */
export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTime: PacerTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Serialises and spaces out work per key (per Slack channel). */
export class KeyedPacer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastStart = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly time: PacerTime = realTime,
  ) {}

  /** Runs `task` once every earlier task of `key` has finished and `intervalMs` has passed since the last start. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(async () => {
      const wait = (this.lastStart.get(key) ?? -Infinity) + this.intervalMs - this.time.now();
      if (wait > 0) await this.time.sleep(wait);
      this.lastStart.set(key, this.time.now());
      return task();
    });
    // A failed task must not block the queue behind it; callers still see their own failure.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
