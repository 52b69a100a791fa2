// A token bucket on the injected clock, for the group robot's documented 20 messages a minute.

/** Thrown when the bucket is empty; the outbox records it and retries the row later. */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  constructor(readonly retryAfterMs: number) {
    super(`rate limited; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** `capacity` tokens, refilled continuously at `capacity` per `periodMs`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly capacity: number, private readonly periodMs: number, private readonly now: () => number) {
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.capacity) / this.periodMs);
    this.last = t;
  }

  /** Takes one token or throws {@link RateLimitedError} saying when the next one is due. */
  take(): void {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    throw new RateLimitedError(Math.ceil(((1 - this.tokens) * this.periodMs) / this.capacity));
  }
}
