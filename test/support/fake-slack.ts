// A fake Slack Web API on 127.0.0.1 that records every call: what the service sent, as Slack would see it
// (POST /api/<method>, form-encoded, Bearer token; blocks and views JSON-encoded inside the form). It also
// plays response_url (POST /response/<id>, JSON) and can answer 429 or answer slowly on request.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { until, WAIT_LIMIT_MS } from "./wait.js";

/** One Web API call as received. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** ms since the epoch when it arrived. */
  at: number;
  authorization?: string;
  /** Answered with 429 instead of success. */
  rateLimited: boolean;
  /** What the fake answered (set once answered). */
  result?: Record<string, unknown>;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** The fake and its records. */
export interface FakeSlack {
  /** Base for SLACK_API_URL. */
  apiUrl: string;
  /** A response_url that records what is posted to it. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  responses: ResponsePost[];
  /** Successful calls of `method`, in order. */
  callsTo(method: string): SlackCall[];
  /** The next `count` calls of `method` are answered HTTP 500 (an outage on Slack's side). */
  serverErrorNext(method: string, count: number): void;
  /** The next call of `method` is answered 429 with `Retry-After: seconds`. */
  rateLimitNext(method: string, seconds: number): void;
  /**
   * While `active()` is true, every call of `method` is answered with `answer`: an outage (HTTP 500) or a rate
   * limit (429 with Retry-After). `active` may read the service's fake clock, so a storm lasts in its time.
   */
  stormWhile(method: string, answer: { status: 500 } | { status: 429; retryAfter: number }, active: () => boolean): void;
  /**
   * Channels as conversations.info reports them: a channel listed in `outside` answers is_member false (the bot
   * is not in it), one in `missing` answers channel_not_found; any other exists with the bot in it.
   */
  conversations: { outside: Set<string>; missing: Set<string>; names: Map<string, string> };
  /** The next call of `method` is answered `{ ok: false, error }` (a Slack platform error). */
  failNext(method: string, error: string): void;
  /**
   * Holds the answers to `method` until the returned release() is called: Slack being slow for as long as the
   * test wants, so "the service answered without waiting for it" is shown by an event, not by a stopwatch.
   */
  hold(method: string): () => void;
  /**
   * Files sent to the upload URLs files.getUploadURLExternal handed out, by file id (the raw request body, as
   * the client sent it), and the files.completeUploadExternal call that shared each.
   */
  uploads: Map<string, Buffer>;
  /** Polls until `find` returns something, or fails after `timeoutMs`. */
  waitFor<T>(what: string, find: () => T | undefined, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** The bot's identity as auth.test reports it. */
export const FAKE_BOT = { team_id: "T0001", user_id: "UBOT0001", bot_id: "BBOT0001" } as const;

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? "").startsWith("application/json")) return JSON.parse(raw || "{}") as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The WebClient JSON-encodes every non-string argument (blocks, view...).
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/** Starts the fake on an ephemeral port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: ResponsePost[] = [];
  const limited = new Map<string, number[]>();
  const holds = new Map<string, Promise<void>>();
  const failures = new Map<string, string[]>();
  const serverErrors = new Map<string, number>();
  const storms: { method: string; answer: { status: 500 } | { status: 429; retryAfter: number }; active: () => boolean }[] = [];
  let ts = 0;
  const conversations = { outside: new Set<string>(), missing: new Set<string>(), names: new Map<string, string>() };
  const uploads = new Map<string, Buffer>();
  let base = "";

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.test/", team: "Fake", user: "mediaops", ...FAKE_BOT };
      case "chat.postMessage":
        ts += 1;
        return { ok: true, channel: args["channel"], ts: `1790000000.${String(ts).padStart(6, "0")}`, message: { text: args["text"] } };
      case "chat.update":
        return { ok: true, channel: args["channel"], ts: args["ts"], text: args["text"] };
      case "chat.postEphemeral":
        ts += 1;
        return { ok: true, message_ts: `1790000000.${String(ts).padStart(6, "0")}` };
      case "views.open":
        return { ok: true, view: { id: `V${calls.length}` } };
      case "apps.connections.open":
        // No WebSocket server here: refuse, as Slack does for a bad app token (Socket Mode then stops trying).
        return { ok: false, error: "invalid_auth" };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args["users"])}` } };
      case "conversations.create":
        return { ok: true, channel: { id: `C${String(calls.length).padStart(6, "0")}`, name: args["name"], is_channel: true } };
      case "conversations.info": {
        const id = String(args["channel"]);
        if (conversations.missing.has(id)) return { ok: false, error: "channel_not_found" };
        return { ok: true, channel: { id, name: conversations.names.get(id) ?? id.toLowerCase(), is_channel: true, is_member: !conversations.outside.has(id) } };
      }
      case "conversations.invite":
        return { ok: true, channel: { id: args["channel"] } };
      case "files.getUploadURLExternal": {
        if (!args["filename"] || !(Number(args["length"]) > 0)) return { ok: false, error: "invalid_arguments" };
        const id = `F${String(calls.length).padStart(8, "0")}`;
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = (Array.isArray(args["files"]) ? args["files"] : []) as { id?: string; title?: string }[];
        if (files.length === 0 || files.some((f) => !f.id || !uploads.has(f.id))) return { ok: false, error: "file_not_found" };
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const bytes = await readBytes(req);
      const raw = bytes.toString("utf8");
      const url = req.url ?? "/";
      if (req.method === "POST" && url.startsWith("/upload/")) {
        uploads.set(decodeURIComponent(url.slice("/upload/".length)), bytes);
        res.writeHead(200, { "content-type": "text/plain" }).end("OK - " + bytes.length);
        return;
      }
      if (req.method === "POST" && url.startsWith("/response/")) {
        responses.push({ id: decodeURIComponent(url.slice("/response/".length)), body: JSON.parse(raw || "{}") as Record<string, unknown>, at: Date.now() });
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        return;
      }
      if (req.method !== "POST" || !url.startsWith("/api/")) {
        res.writeHead(404).end();
        return;
      }
      const method = url.slice("/api/".length).split("?")[0]!;
      const args = parseArgs(raw, req.headers["content-type"]);
      const storm = storms.find((st) => st.method === method && st.active());
      if (storm) {
        calls.push({ method, args, at: Date.now(), authorization: req.headers.authorization, rateLimited: true });
        if (storm.answer.status === 500) res.writeHead(500, { "content-type": "text/plain" }).end("internal error");
        else res.writeHead(429, { "content-type": "application/json", "retry-after": String(storm.answer.retryAfter) }).end(JSON.stringify({ ok: false, error: "ratelimited" }));
        return;
      }
      const outage = serverErrors.get(method) ?? 0;
      if (outage > 0) {
        serverErrors.set(method, outage - 1);
        calls.push({ method, args, at: Date.now(), authorization: req.headers.authorization, rateLimited: true });
        res.writeHead(500, { "content-type": "text/plain" }).end("internal error");
        return;
      }
      const queue = limited.get(method);
      const retryAfter = queue?.shift();
      const call: SlackCall = { method, args, at: Date.now(), authorization: req.headers.authorization, rateLimited: retryAfter !== undefined };
      calls.push(call);
      if (retryAfter !== undefined) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) }).end(JSON.stringify({ ok: false, error: "ratelimited" }));
        return;
      }
      await holds.get(method);
      const failure = failures.get(method)?.shift();
      call.result = failure === undefined ? answer(method, args) : { ok: false, error: failure };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(call.result));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    calls,
    responses,
    conversations,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method && !c.rateLimited && c.result !== undefined),
    rateLimitNext(method, seconds) {
      limited.set(method, [...(limited.get(method) ?? []), seconds]);
    },
    serverErrorNext(method, count) {
      serverErrors.set(method, (serverErrors.get(method) ?? 0) + count);
    },
    stormWhile(method, answer, active) {
      storms.push({ method, answer, active });
    },
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    hold(method) {
      let release!: () => void;
      holds.set(method, new Promise<void>((r) => (release = r)));
      return () => {
        holds.delete(method);
        release();
      };
    },
    waitFor(what, find, timeoutMs = WAIT_LIMIT_MS) {
      return until(`fake Slack: ${what}`, find, { every: 20, limitMs: timeoutMs }) as Promise<NonNullable<ReturnType<typeof find>>>;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
