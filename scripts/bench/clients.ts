// Closed-loop clients, as people use a chat bot: each client sends one signed request, waits for its
// acknowledgement and for its reply at the fake Slack API, and only then sends the next. For every request it
// records the acknowledgement latency (sent → HTTP answer) and the end-to-end latency (sent → reply received).
// A row stops starting requests after `seconds` and ends when every request started has its reply (or, for a
// reply that never comes, after `replyCapMs`, counted as missing: never silently dropped).
import { Agent, request } from "node:http";
import type { FakeSlack, Reply } from "./fake-slack.js";
import type { SignedRequest } from "./requests.js";

/** What one client sends next: the request, the key of the reply to wait for (none: ack only). */
export interface Job {
  req: SignedRequest;
  replyKey?: string;
  /** Which service (replica) gets it. */
  url: string;
}

/** One row's measurements. */
export interface RowResult {
  clients: number;
  sent: number;
  /** Answered 200. */
  acked: number;
  /** Answered otherwise, or the connection failed. */
  ackErrors: number;
  /** Replies received (refusals included). */
  completed: number;
  /** Replies that were refusals (response_url) where a result was expected. */
  refused: number;
  /** Requests acked whose reply did not arrive within the cap. */
  missing: number;
  ackMs: number[];
  e2eMs: number[];
  /** Seconds from the first request to the last reply (the rate's denominator). */
  spanS: number;
  /** Seconds the row kept running after it stopped starting requests (its work draining). */
  tailS: number;
  /** Time of the first refusal's text, to show what went wrong. */
  firstRefusal?: string;
}

const agents = new Map<string, Agent>();

/** POSTs `req` to `<url>/slack/events`; resolves with the status (0 when the connection failed). */
function post(url: string, req: SignedRequest): Promise<number> {
  const agent = agents.get(url) ?? new Agent({ keepAlive: true, maxSockets: 256 });
  agents.set(url, agent);
  return new Promise((resolve) => {
    const r = request(`${url}/slack/events`, { method: "POST", agent, headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    r.on("error", () => resolve(0));
    r.end(req.body);
  });
}

/** Closes the keep-alive connections (between rows, so a restarted service gets fresh ones). */
export function closeConnections(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** The p-th percentile (0-100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** One request's outcome: its HTTP status, when it was acked, and its reply (undefined: none expected or none came). */
interface Outcome {
  status: number;
  t0: number;
  ackedAt: number;
  reply?: Reply;
  missing: boolean;
}

/** Sends one job and waits for its acknowledgement and its reply (at most `capMs`). */
async function runJob(job: Job, fake: FakeSlack, capMs: number): Promise<Outcome> {
  const reply = job.replyKey ? fake.waitFor(job.replyKey) : undefined;
  const t0 = performance.now();
  const status = await post(job.url, job.req);
  const ackedAt = performance.now();
  if (status !== 200 || !reply) {
    if (job.replyKey) fake.cancel(job.replyKey);
    return { status, t0, ackedAt, missing: false };
  }
  const got = await Promise.race([reply, new Promise<undefined>((res) => setTimeout(() => res(undefined), capMs).unref())]);
  if (!got) fake.cancel(job.replyKey!);
  return { status, t0, ackedAt, reply: got, missing: !got };
}

/** Runs `jobs` with `concurrency` at a time (setup work); throws when one is refused, fails or gets no reply. */
export async function runJobs(jobs: Job[], fake: FakeSlack, concurrency: number, capMs: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const o = await runJob(job, fake, capMs);
      if (o.status !== 200 || o.missing || o.reply?.refused) throw new Error(`setup request failed (status ${o.status}, ${o.missing ? "no reply" : (o.reply?.text ?? "")}): ${job.req.body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Runs `clients` closed-loop clients for `seconds`; `next(client, n)` builds client's n-th job (undefined: stop). */
export async function runRow(opts: { clients: number; seconds: number; fake: FakeSlack; next: (client: number, n: number) => Job | undefined; replyCapMs: number }): Promise<RowResult> {
  const r: RowResult = { clients: opts.clients, sent: 0, acked: 0, ackErrors: 0, completed: 0, refused: 0, missing: 0, ackMs: [], e2eMs: [], spanS: 0, tailS: 0 };
  const start = performance.now();
  const stopAt = start + opts.seconds * 1000;
  let last = start;
  const client = async (c: number) => {
    for (let n = 0; performance.now() < stopAt; n++) {
      const job = opts.next(c, n);
      if (!job) return;
      r.sent += 1;
      const o = await runJob(job, opts.fake, opts.replyCapMs);
      if (o.status !== 200) {
        r.ackErrors += 1;
        continue;
      }
      r.acked += 1;
      r.ackMs.push(o.ackedAt - o.t0);
      last = Math.max(last, o.ackedAt);
      if (o.missing) r.missing += 1;
      if (!o.reply) continue;
      r.completed += 1;
      if (o.reply.refused) {
        r.refused += 1;
        r.firstRefusal ??= o.reply.text;
      }
      r.e2eMs.push(o.reply.at - o.t0);
      last = Math.max(last, o.reply.at);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  r.spanS = (last - start) / 1000;
  r.tailS = Math.max(0, (last - stopAt) / 1000);
  return r;
}
