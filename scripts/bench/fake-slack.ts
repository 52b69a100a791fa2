// The benchmark's fake Slack Web API and response_url endpoint, in the benchmark's own process so the moment a
// reply arrives is read on the same clock as the moment its request was sent. It answers in Slack's documented
// shapes, keeps no call log (only counts), remembers the +1 button of every topic card posted (the click rows
// press them), and resolves the waiter of each reply:
//   chat.postEphemeral(channel, user)  → "eph:<channel>:<user>"    (/topic list's reply)
//   chat.update(channel, ts)           → "upd:<channel>:<ts>"      (a +1 click's card update)
//   chat.postMessage(text has "[bn:X]")→ "post:X"                   (/topic propose's card)
//   POST /response/<trigger>           → "resp:<trigger>"           (a refusal, through response_url)
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A +1 button of a posted topic card. */
export interface CardButton {
  channel: string;
  messageTs: string;
  actionId: string;
  value: string;
  label: string;
}

/** What arrived for a waiter: when (performance.now()) and whether it was a refusal. */
export interface Reply {
  at: number;
  refused: boolean;
  text: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** Slack's Web API takes form-encoded arguments with JSON in some fields (blocks). */
function argsOf(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("json")) return JSON.parse(raw || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  return args;
}

/** The +1 button of a chat.postMessage's blocks, if the card has one. */
function voteButton(args: Record<string, unknown>, ts: string): CardButton | undefined {
  type El = { action_id?: string; value?: string; text?: { text?: string } };
  const blocks = (args["blocks"] ?? []) as { type: string; elements?: El[] }[];
  const el = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.action_id?.startsWith("topic.vote~"));
  if (!el?.action_id || el.value === undefined) return undefined;
  return { channel: String(args["channel"]), messageTs: ts, actionId: el.action_id, value: el.value, label: el.text?.text ?? "+1" };
}

export class FakeSlack {
  readonly counts: Record<string, number> = {};
  total = 0;
  /** Every topic card's +1 button, in posting order. */
  readonly cards: CardButton[] = [];
  /** Replies nobody was waiting for (a reply after its waiter gave up, or one the benchmark did not ask for). */
  unexpected = 0;
  private readonly waiters = new Map<string, (r: Reply) => void>();
  private ts = 0;
  private server?: Server;
  url = "";

  /** Resolves when the reply with `key` arrives. One waiter per key at a time. */
  waitFor(key: string): Promise<Reply> {
    if (this.waiters.has(key)) throw new Error(`two requests wait for ${key}`);
    return new Promise((resolve) => this.waiters.set(key, resolve));
  }

  /** Stops waiting for `key` (its request failed). */
  cancel(key: string): void {
    this.waiters.delete(key);
  }

  private deliver(keys: string[], refused: boolean, text: string): void {
    const at = performance.now();
    for (const key of keys) {
      const waiter = this.waiters.get(key);
      if (!waiter) continue;
      this.waiters.delete(key);
      return waiter({ at, refused, text });
    }
    this.unexpected += 1;
  }

  private nextTs(): string {
    this.ts += 1;
    return `1790000000.${String(this.ts).padStart(6, "0")}`;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args["channel"] ?? "");
    const text = String(args["text"] ?? "");
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.test/", team: "Fake", user: "mediaops", team_id: "T0001", user_id: "UBOT0001", bot_id: "BBOT0001" };
      case "chat.postMessage": {
        const ts = this.nextTs();
        const button = voteButton(args, ts);
        if (button) this.cards.push(button);
        const tokens = [...text.matchAll(/\[bn:([\w-]+)\]/g)].map((m) => `post:${m[1]}`);
        if (tokens.length) this.deliver(tokens, false, text);
        else this.unexpected += 1;
        return { ok: true, channel, ts, message: { text } };
      }
      case "chat.update":
        this.deliver([`upd:${channel}:${String(args["ts"])}`], false, text);
        return { ok: true, channel, ts: args["ts"] };
      case "chat.postEphemeral":
        this.deliver([`eph:${channel}:${String(args["user"])}`], false, text);
        return { ok: true, message_ts: this.nextTs() };
      case "views.open":
        return { ok: true, view: { id: `V${this.total}` } };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args["users"] ?? "")}` } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  /** Listens on 127.0.0.1; `apiUrl` is the Web API base, `responseBase` the response_url prefix. */
  async start(): Promise<{ apiUrl: string; responseBase: string }> {
    this.server = createServer((req, res) => {
      void (async () => {
        const raw = await readBody(req);
        const url = req.url ?? "/";
        const method = url.startsWith("/response/") ? "response_url" : url.startsWith("/api/") ? url.slice(5).split("?")[0]! : "";
        if (req.method !== "POST" || !method) return void res.writeHead(404).end();
        this.counts[method] = (this.counts[method] ?? 0) + 1;
        this.total += 1;
        if (method === "response_url") {
          const body = (raw ? JSON.parse(raw) : {}) as { text?: string };
          this.deliver([`resp:${url.slice("/response/".length)}`], true, body.text ?? "");
          return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(this.answer(method, argsOf(raw, req.headers["content-type"]))));
      })();
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return { apiUrl: `${this.url}/api/`, responseBase: `${this.url}/response/` };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
