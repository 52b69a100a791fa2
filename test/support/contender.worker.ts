// One contender on its own thread with its own database connection (its own service instance on the shared
// database), for races a single connection cannot have: on SQLite one connection runs one transaction at a
// time, so locks taken inside transactions are only tested across connections. Driven by contenders.ts.
import { parentPort, workerData } from "node:worker_threads";
import { clickConsoleAction } from "../../src/app/console/console-api.js";
import { loadConfig } from "../../src/config/env.js";
import type { Db } from "../../src/db/client.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { GATE, READ_OPERATIONS, waitFor } from "./gate-memory.js";

type Click = Parameters<typeof clickConsoleAction>[1];
/** Messages from the test thread. */
type Order = { kind: "click"; body: Click; now: string; contenders: number } | { kind: "stop" };

const { databaseUrl, model, shared } = workerData as { databaseUrl: string; model: string; shared: SharedArrayBuffer };
const gate = new Int32Array(shared);
const clock = new FakeClock(new Date(0));
const svc = await startService({ env: loadConfig({ PORT: "0", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", MEDIAOPS_DEMO: "0" }), clock, log: createLogger("silent"), jobs: false });

let contenders = 0;
let touched = true;

/**
 * The contender's first statement on `model` waits until every contender is at its first statement (or done).
 * If that statement is a read, the contender is also held after it until every contender that began with a
 * read has read: so without a lock taken first, all of them decide on the same state. One that began with a
 * write (a lock) is not held after it, since the others may be waiting for that lock.
 */
async function firstTouch(operation: string, run: () => Promise<unknown>): Promise<unknown> {
  if (touched) return run();
  touched = true;
  const reads = READ_OPERATIONS.has(operation);
  if (reads) Atomics.add(gate, GATE.readers, 1);
  Atomics.add(gate, GATE.arrived, 1);
  Atomics.notify(gate, GATE.arrived);
  await waitFor(gate, GATE.arrived, () => Atomics.load(gate, GATE.arrived) >= contenders);
  const result = await run();
  if (reads) {
    Atomics.add(gate, GATE.read, 1);
    Atomics.notify(gate, GATE.read);
    await waitFor(gate, GATE.read, () => Atomics.load(gate, GATE.read) >= Atomics.load(gate, GATE.readers));
  }
  return result;
}

const gated = (svc.deps.db as unknown as { $extends: (e: unknown) => Db }).$extends({
  query: { [model]: { $allOperations: ({ operation, args, query }: { operation: string; args: unknown; query: (a: unknown) => Promise<unknown> }) => firstTouch(operation, () => query(args)) } },
});
const deps = { ...svc.deps, db: gated };

parentPort!.on("message", async (order: Order) => {
  if (order.kind === "stop") {
    await svc.stop();
    parentPort!.postMessage({ stopped: true });
    return;
  }
  clock.set(order.now);
  contenders = order.contenders;
  touched = false;
  try {
    parentPort!.postMessage({ result: await clickConsoleAction(deps, order.body, "zh-CN") });
  } finally {
    // Refused before it touched the table: count it in, so the others are not kept waiting.
    if (!touched) {
      touched = true;
      Atomics.add(gate, GATE.arrived, 1);
      Atomics.notify(gate, GATE.arrived);
    }
  }
});
parentPort!.postMessage({ ready: true });
