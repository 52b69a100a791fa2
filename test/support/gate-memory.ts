// The counters contender threads share (a SharedArrayBuffer of Int32), and waiting on them without blocking.

/** Slots of the shared counters. */
export const GATE = { arrived: 0, readers: 1, read: 2 } as const;
/** Size of the shared memory in bytes. */
export const GATE_BYTES = 4 * Object.keys(GATE).length;

/** Prisma operations that only read. */
export const READ_OPERATIONS = new Set(["findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "findMany", "count", "aggregate", "groupBy"]);

/** Atomics.waitAsync (Node 16+; typed only from lib es2024 on). */
const waitAsync = (Atomics as unknown as { waitAsync: (a: Int32Array, i: number, v: number) => { async: boolean; value: Promise<string> | string } }).waitAsync;

/** Waits (without blocking the thread's event loop) until `done()`, re-checking whenever slot `index` changes. */
export async function waitFor(gate: Int32Array, index: number, done: () => boolean): Promise<void> {
  while (!done()) {
    const seen = Atomics.load(gate, index);
    if (done()) return;
    const w = waitAsync(gate, index, seen);
    if (w.async) await w.value;
  }
}
