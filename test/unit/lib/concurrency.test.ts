import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "../../../src/lib/concurrency.js";

/** A promise the test settles by hand: each task's "work" lasts until the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every already-settled promise's continuation run. */
const drain = () => new Promise<void>((r) => setImmediate(r));

describe("ConcurrencyLimit", () => {
  it("never runs more than max tasks at once, and runs them in arrival order", async () => {
    const limit = new ConcurrencyLimit(3);
    const work = Array.from({ length: 12 }, deferred);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const tasks = work.map((w, i) =>
      limit.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await w.promise;
        running--;
        return i * 2;
      }),
    );
    expect(limit.queued).toBe(9);
    await drain();
    expect(started).toEqual([0, 1, 2]);
    // Finishing one task (out of order) lets exactly the next in line start.
    work[1]!.resolve();
    await drain();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(running).toBe(3);
    for (const w of work) w.resolve();
    expect(await Promise.all(tasks)).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
  it("frees the slot when a task fails", async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await limit.run(async () => "next")).toBe("next");
  });
});
