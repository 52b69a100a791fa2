// Real races in one process. A check-then-write guard (a version column, a claim by status) only matters if
// two contenders read the same state before either writes. Calls spread over Promise.all rarely do that: on
// SQLite the first contender usually finishes before the second reads. A RaceGate makes it certain: every
// contender runs the product's own code on a database handle whose chosen read holds it, right after the read
// returns, until every contender has read (or finished without reading). Then they all go on to write.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "../../src/db/client.js";

/** Resolves every waiter once `n` parties have arrived; later arrivals pass straight through. */
export class Barrier {
  #arrived = 0;
  #open!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.#open = resolve));
  constructor(readonly n: number) {
    if (n < 1) throw new Error("a barrier needs at least one party");
  }

  /** How many parties have arrived so far. */
  get arrived(): number {
    return this.#arrived;
  }

  /** Counts this party in and waits until all have come. */
  arrive(): Promise<void> {
    this.#arrived++;
    if (this.#arrived >= this.n) this.#open();
    return this.opened;
  }
}

interface Contender {
  id: number;
  read: boolean;
}

/** What a race reports afterwards: how many contenders were held at the gate, so a test can insist on all. */
export interface RaceGate {
  /** `db` with the held read: pass it as `deps.db` to the contenders. */
  db: Db;
  /** Runs `fn` as one contender. Start all of them before awaiting any. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Contenders that were held after their read (the rest finished without reading). */
  held(): number;
}

/**
 * A gate on `model.operation` (e.g. "topic", "findFirst") for `contenders` contenders: each contender's FIRST
 * such read, outside or inside a transaction, waits after it returns until every contender has read or
 * finished. Reads by anyone else (set-up, the test's own checks) pass untouched.
 */
export function raceGate(db: Db, model: string, operation: string, contenders: number): RaceGate {
  const barrier = new Barrier(contenders);
  const current = new AsyncLocalStorage<Contender>();
  let next = 0;
  let held = 0;
  const hook = async ({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) => {
    const result = await query(args);
    const me = current.getStore();
    if (me && !me.read) {
      me.read = true;
      held++;
      await barrier.arrive();
    }
    return result;
  };
  const gated = (db as unknown as { $extends: (e: unknown) => unknown }).$extends({ query: { [model]: { [operation]: hook } } }) as Db;
  return {
    db: gated,
    run<T>(fn: () => Promise<T>): Promise<T> {
      const me: Contender = { id: next++, read: false };
      return current.run(me, async () => {
        try {
          return await fn();
        } finally {
          // One that finished without reading (refused early) must not keep the others waiting.
          if (!me.read) void barrier.arrive();
        }
      });
    },
    held: () => held,
  };
}
