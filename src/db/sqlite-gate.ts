// One SQLite connection shared by every request. Prisma's better-sqlite3 adapter runs all statements on it and
// locks it only between interactive transactions, so a plain statement issued while another request's
// transaction was open ran inside that transaction: an awaited, successful write (an inbox row the platform had
// already been told "received") was undone by that transaction's rollback, reached the disk only with its
// commit (after the inbox's flush), and reads saw its uncommitted rows. Here a plain statement waits while a
// transaction is open. It goes before the transactions still queued to start: a statement is short, and the
// inbox's store, which a platform's answer waits for, is one. A statement issued through the plain client from
// inside a transaction's own callback still runs at once (inside it, as before): waiting would deadlock it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

/** Who holds the connection: an open transaction (until its commit or rollback), or nobody. */
class Gate {
  private open: Promise<void> | undefined;
  private close: (() => void) | undefined;
  private readonly queued: (() => void)[] = [];

  /** True while a transaction holds the connection. */
  get busy(): boolean {
    return this.open !== undefined;
  }

  /** Resolves at the end of the open transaction. */
  ended(): Promise<void> {
    return this.open ?? Promise.resolve();
  }

  /** Takes the connection for a transaction, after the transactions queued before it. */
  async take(): Promise<() => void> {
    if (this.open || this.queued.length > 0) await new Promise<void>((r) => this.queued.push(r));
    else this.hold();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  private hold(): void {
    this.open = new Promise<void>((r) => (this.close = r));
  }

  private release(): void {
    const close = this.close;
    this.open = this.close = undefined;
    close?.();
    if (this.queued.length === 0) return;
    // The next transaction starts after the plain statements that waited for this one (they resume in the
    // promise jobs that run before this callback).
    setImmediate(() => {
      this.hold();
      this.queued.shift()!();
    });
  }
}

/** Set while a transaction's callback runs (see {@link withMarkedTransactions}). */
const inTransaction = new AsyncLocalStorage<true>();

/** Runs `call` when no transaction is open; synchronous from the check to the statement (better-sqlite3). */
async function outside<T>(gate: Gate, call: () => Promise<T>): Promise<T> {
  if (inTransaction.getStore()) return call();
  while (gate.busy) await gate.ended();
  return call();
}

/** Patches `factory` so that each connection it opens keeps plain statements out of open transactions. */
export function withTransactionGate(factory: Factory): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => gated(await connect());
  return factory;
}

function gated(adapter: Adapter): Adapter {
  const gate = new Gate();
  const query = adapter.queryRaw.bind(adapter);
  const execute = adapter.executeRaw.bind(adapter);
  const script = adapter.executeScript.bind(adapter);
  const start = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (q) => outside(gate, () => query(q));
  adapter.executeRaw = (q) => outside(gate, () => execute(q));
  adapter.executeScript = (sql) => outside(gate, () => script(sql));
  adapter.startTransaction = async (level) => {
    const release = await gate.take();
    try {
      const tx = await start(level);
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      // Whichever ends it (src/db/sqlite-transactions.ts also rolls back after a failed COMMIT), once.
      tx.commit = () => commit().finally(release);
      tx.rollback = () => rollback().finally(release);
      return tx;
    } catch (err) {
      release();
      throw err;
    }
  };
  return adapter;
}

type TxFn = (tx: unknown) => Promise<unknown>;

/** `db` whose interactive transactions mark their callback, so its plain-client statements are not held. */
export function withMarkedTransactions<T extends object>(db: T): T {
  const original = (db as unknown as { $transaction: (a: unknown, o?: unknown) => Promise<unknown> }).$transaction.bind(db);
  const transaction = (arg: unknown, opts?: unknown): Promise<unknown> =>
    typeof arg === "function" ? original((tx: unknown) => inTransaction.run(true, () => (arg as TxFn)(tx)), opts) : original(arg, opts);
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "$transaction") return transaction;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
