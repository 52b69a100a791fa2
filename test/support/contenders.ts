// Contenders on their own threads and database connections (see contender.worker.ts), for races on locks
// taken inside transactions. Each click of a round runs on its own thread; the gate in the worker makes the
// round a real race (see firstTouch there).
import { Worker } from "node:worker_threads";
import type { clickConsoleAction, ConsoleResult } from "../../src/app/console/console-api.js";
import { GATE_BYTES } from "./gate-memory.js";

type Click = Parameters<typeof clickConsoleAction>[1];

/** A pool of contender threads on one database. */
export interface Contenders {
  /** Runs one click per contender at once (at most one per thread), gated on the pool's model. */
  race(clicks: Click[], now: Date): Promise<ConsoleResult[]>;
  stop(): Promise<void>;
}

function once<T>(w: Worker, pick: (m: Record<string, unknown>) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      const v = pick(m);
      if (v === undefined) return;
      w.off("message", onMessage);
      w.off("error", reject);
      resolve(v);
    };
    w.on("message", onMessage);
    w.once("error", reject);
  });
}

/** Starts `threads` contender threads on `databaseUrl`, racing on their first statement on `model`. */
export async function startContenders(databaseUrl: string, model: string, threads: number): Promise<Contenders> {
  const shared = new SharedArrayBuffer(GATE_BYTES);
  const gate = new Int32Array(shared);
  const entry = new URL("./contender.worker.ts", import.meta.url).href;
  const workers = Array.from({ length: threads }, () => new Worker(new URL("./contender-boot.mjs", import.meta.url), { workerData: { entry, databaseUrl, model, shared } }));
  await Promise.all(workers.map((w) => once(w, (m) => (m.ready ? true : undefined))));
  return {
    async race(clicks, now) {
      if (clicks.length > workers.length) throw new Error(`${clicks.length} clicks for ${workers.length} contender threads`);
      gate.fill(0);
      const answers = clicks.map((_, i) => once(workers[i]!, (m) => m.result as ConsoleResult | undefined));
      clicks.forEach((body, i) => workers[i]!.postMessage({ kind: "click", body, now: now.toISOString(), contenders: clicks.length }));
      return Promise.all(answers);
    },
    async stop() {
      await Promise.all(workers.map(async (w) => {
        const stopped = once(w, (m) => (m.stopped ? true : undefined));
        w.postMessage({ kind: "stop" });
        await stopped;
        await w.terminate();
      }));
    },
  };
}
