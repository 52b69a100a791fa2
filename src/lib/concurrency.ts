// A concurrency cap for work started after a platform has been answered: the answer goes out at once, but
// at most `max` pieces of work touch the database together, the rest wait their turn in arrival order.
// Without it a burst makes every request advance together and none finish (seen on PostgreSQL under load).

/** Runs at most `max` tasks at a time, first come first served. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError("max must be a positive integer");
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next task
      else this.active--;
    }
  }
}
