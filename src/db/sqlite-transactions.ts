// Every SQLite transaction ends, whatever its COMMIT or ROLLBACK answered (issue 15: wedged by a full disk).
//
// @prisma/adapter-better-sqlite3 (6.19) holds a per-connection lock from BEGIN until Prisma's transaction
// manager calls commit() or rollback() on the adapter's transaction, and the manager calls them only after its
// COMMIT or ROLLBACK statement succeeded. SQLite answers a COMMIT that cannot write (SQLITE_FULL, SQLITE_IOERR,
// SQLITE_NOMEM) by rolling the whole transaction back and failing the COMMIT; a later ROLLBACK then fails with
// "no transaction is active". Either way the lock was never released and every later write of the process
// waited for it for ever: Slack commands, the console, the inbox workers, a graceful stop. The manager had
// already marked the transaction closed, so the caller's rollback only logged P2028 "Transaction already closed".
//
// Here a failed COMMIT is followed by a ROLLBACK (in case SQLite kept the transaction) and the lock is released,
// so the caller sees the COMMIT's error and nothing of the change is kept; a ROLLBACK of a transaction SQLite
// already rolled back succeeds. A statement after a failed one in the same transaction is refused: SQLite may
// have rolled back already, and the statement would otherwise be committed on its own, outside the transaction.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { isStorageFailure } from "./errors.js";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterTx = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<AdapterTx["executeRaw"]>[0];

/** COMMIT or ROLLBACK when `sql` ends the transaction (the statements the transaction manager sends). */
function endingOf(sql: string): "COMMIT" | "ROLLBACK" | undefined {
  const word = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i.exec(sql)?.[1]?.toUpperCase();
  return word === "COMMIT" || word === "ROLLBACK" ? word : undefined;
}

/** Patches `factory` so that each connection it opens ends its transactions as described above. */
export function withTransactionRecovery(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (level) => alwaysEnds(await start(level));
    return adapter;
  };
  return factory;
}

function alwaysEnds(tx: AdapterTx): AdapterTx {
  const execute = tx.executeRaw.bind(tx);
  const query = tx.queryRaw.bind(tx);
  /** The storage failure that doomed this transaction, if one did. */
  let doomed: unknown;
  const statement = async <T>(run: () => Promise<T>): Promise<T> => {
    if (doomed) throw Object.assign(new Error(`the transaction was rolled back after: ${String(doomed)}`), { code: (doomed as { code?: unknown }).code });
    try {
      return await run();
    } catch (err) {
      if (isStorageFailure(err)) doomed = err;
      throw err;
    }
  };
  const rollbackQuietly = async (q: Query) => {
    await execute({ ...q, sql: "ROLLBACK" }).catch(() => 0);
    await tx.rollback(); // releases the connection's lock (a second release by the manager does nothing)
  };
  tx.queryRaw = (q) => statement(() => query(q));
  tx.executeRaw = async (q) => {
    const ending = endingOf(q.sql);
    if (!ending) return statement(() => execute(q));
    if (ending === "COMMIT") {
      if (doomed) {
        await rollbackQuietly(q);
        throw doomed;
      }
      try {
        return await execute(q);
      } catch (err) {
        await rollbackQuietly(q);
        throw err;
      }
    }
    try {
      return await execute(q);
    } catch (err) {
      if (/no transaction is active/i.test(String(err))) return 0; // SQLite rolled it back itself
      await tx.rollback();
      throw err;
    }
  };
  return tx;
}
