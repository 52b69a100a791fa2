// A lean fake Slack Web API for the benchmark, run as its own process so its work does not share an event loop
// with the load generator. Unlike test/support/fake-slack.ts it keeps no call log (that grows by one parsed
// record per call, tens of thousands in a run): only counts per method, and the last chat.postMessage (the
// card whose +1 button the click benchmark presses). Prints its port on stdout; 127.0.0.1 only.
// GET /stats → {"counts": {...}, "total": n}; GET /last-post → the last chat.postMessage's arguments.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

const counts: Record<string, number> = {};
let total = 0;
let ts = 0;
let lastPost: Record<string, unknown> | undefined;

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function nextTs(): string {
  ts += 1;
  return `1790000000.${String(ts).padStart(6, "0")}`;
}

function answer(method: string, raw: string): Record<string, unknown> {
  switch (method) {
    case "auth.test":
      return { ok: true, url: "https://fake.slack.test/", team: "Fake", user: "mediaops", team_id: "T0001", user_id: "UBOT0001", bot_id: "BBOT0001" };
    case "chat.postMessage": {
      const args: Record<string, unknown> = {};
      for (const [k, v] of new URLSearchParams(raw)) args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
      const t = nextTs();
      lastPost = { ...args, ts: t };
      return { ok: true, channel: args["channel"], ts: t, message: { text: args["text"] } };
    }
    case "chat.update":
      return { ok: true, channel: new URLSearchParams(raw).get("channel"), ts: new URLSearchParams(raw).get("ts") };
    case "chat.postEphemeral":
      return { ok: true, message_ts: nextTs() };
    case "views.open":
      return { ok: true, view: { id: `V${total}` } };
    case "conversations.open":
      return { ok: true, channel: { id: `D${new URLSearchParams(raw).get("users") ?? ""}` } };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

const server = createServer((req, res) => {
  void (async () => {
    const raw = await readBody(req);
    const url = req.url ?? "/";
    if (req.method === "GET" && url === "/stats") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ counts, total }));
    if (req.method === "GET" && url === "/last-post") return void res.writeHead(lastPost ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(lastPost ?? {}));
    if (req.method !== "POST") return void res.writeHead(404).end();
    const method = url.startsWith("/response/") ? "response_url" : url.startsWith("/api/") ? url.slice(5).split("?")[0]! : "";
    if (!method) return void res.writeHead(404).end();
    counts[method] = (counts[method] ?? 0) + 1;
    total += 1;
    if (method === "response_url") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer(method, raw)));
  })();
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
