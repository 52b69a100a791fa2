// A fake platform API on 127.0.0.1 (node:http, port 0) that records every call and answers from a route table.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { WAIT_LIMIT_MS } from "./wait.js";

/** One request the fake received. */
export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes (an uploaded picture, a multipart form). */
  raw: Buffer;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/** What a route answers; `undefined` from every route means 404. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/** A running fake API. */
export interface FakeApi {
  url: string;
  calls: RecordedCall[];
  /** Calls matching `method` and `path` (exact, or a RegExp). */
  find(method: string, path: string | RegExp): RecordedCall[];
  /** Resolves with the first call matching `pred` (checking calls already made), or rejects after `timeoutMs`. */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /**
   * Holds the answers to calls matching `pred` until the returned release() is called (the platform being as
   * slow as the test wants), so "answered without waiting for it" is shown by an event, not a stopwatch.
   */
  hold(pred: (c: RecordedCall) => boolean): () => void;
  close(): Promise<void>;
}

/** Starts a fake API; `route` maps a call to its answer. */
export async function startFakeApi(route: (call: RecordedCall) => FakeAnswer | undefined): Promise<FakeApi> {
  const calls: RecordedCall[] = [];
  const waiters: { pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  const holds: { pred: (c: RecordedCall) => boolean; released: Promise<void> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const call: RecordedCall = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body, raw, json };
      calls.push(call);
      await Promise.all(holds.filter((h) => h.pred(call)).map((h) => h.released));
      const answer = route(call) ?? { status: 404, body: { error: "no such fake route" } };
      res.writeHead(answer.status ?? 200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(answer.body));
      for (const w of [...waiters]) {
        if (w.pred(call)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    find: (method, path) => calls.filter((c) => c.method === method && (typeof path === "string" ? c.path === path : path.test(c.path))),
    waitFor(pred, timeoutMs = WAIT_LIMIT_MS) {
      const seen = calls.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { pred, resolve: (c: RecordedCall) => (clearTimeout(timer), resolve(c)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake API: no matching call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path}`).join(", ")}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    hold(pred) {
      let release!: () => void;
      const h = { pred, released: new Promise<void>((r) => (release = r)) };
      holds.push(h);
      return () => {
        holds.splice(holds.indexOf(h), 1);
        release();
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
