// Waiting on events seen from outside (a drained outbox, a recorded call, a row written by another process)
// instead of sleeping for a guessed time. The poll interval is not a condition of the test: a slow machine
// only makes the wait longer. The time limit exists so a wait that never ends fails with what it waited for
// (instead of vitest's bare "test timed out"); it is generous because nothing is asserted about it.

/** How long a wait may take before it fails the test (well inside the e2e tests' own timeouts). */
export const WAIT_LIMIT_MS = 60_000;

/** Resolves with `check()`'s first value that is not undefined, null or false; polls every `every` ms. */
export async function until<T>(what: string, check: () => T | Promise<T>, opts: { every?: number; limitMs?: number } = {}): Promise<Exclude<T, undefined | null | false>> {
  const every = opts.every ?? 50;
  const limit = opts.limitMs ?? WAIT_LIMIT_MS;
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
    if (Date.now() - started > limit) throw new Error(`still waiting for ${what} after ${limit / 1000} s`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * A stopwatch for figures a test prints for people (e.g. a fault test's "took effect after N ms"), never for an
 * assertion: the architecture test forbids elapsed-time arithmetic in test files, so measuring lives here.
 */
export function stopwatch(): { ms: () => number } {
  const start = Date.now();
  return { ms: () => Date.now() - start };
}
