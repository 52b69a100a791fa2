import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "../../../src/lib/concurrency.js";

describe("ConcurrencyLimit", () => {
  it("never runs more than max tasks at once, and runs them in arrival order", async () => {
    const limit = new ConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 12 }, (_, i) =>
      limit.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5 + (i % 3)));
        running--;
        return i * 2;
      }),
    );
    expect(limit.queued).toBe(9);
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
