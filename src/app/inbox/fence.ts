// Exactly once across a crash: every transaction an inbox event's work commits also stamps the event's row
// (committedAt), guarded by the worker's fencing token (attempts). A worker whose lease was taken over
// cannot commit (its stamp finds no row and the transaction rolls back); a row retaken after a crash that
// carries the stamp already took effect and is not run again.
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { ClaimedEvent } from "./claim.js";

/** Thrown inside a transaction whose event was taken over by another worker. */
export class LeaseLostError extends Error {
  constructor(id: number) {
    super(`inbox event ${id} was taken over by another worker; its change is rolled back`);
  }
}

type TxFn = (tx: unknown) => Promise<unknown>;

/** `db` whose interactive transactions also stamp `ev` as committed. */
export function fencedDb(db: Db, ev: ClaimedEvent, clock: Clock): Db {
  const transaction = (arg: unknown, opts?: unknown): Promise<unknown> => {
    // The array form (batched statements) is not used for state changes of commands; pass it through.
    if (typeof arg !== "function") return (db.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(arg, opts);
    const fn = arg as TxFn;
    return (db.$transaction as (f: TxFn, o?: unknown) => Promise<unknown>)(async (tx) => {
      const result = await fn(tx);
      const stamped = await (tx as Db).inboundEvent.updateMany({ where: { id: ev.id, attempts: ev.attempts }, data: { committedAt: clock.now() } });
      if (stamped.count === 0) throw new LeaseLostError(ev.id);
      return result;
    }, opts);
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "$transaction") return transaction;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
