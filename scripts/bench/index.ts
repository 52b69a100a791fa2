// npm run bench — acknowledgement latency of POST /slack/events (slash command, button click) at 1, 50 and 200
// concurrent clients, against the real service on SQLite and on PostgreSQL and against a bare Bolt app that
// only acks, in the same run; RSS idle and under load; then the SLA sweep and digest benchmarks. Prints one
// markdown report and writes it to docs/benchmarks.md. Not part of the tests. Everything on 127.0.0.1.
// BENCH_SECONDS (default 8) per run; BENCH_SKIP_PG=1; BENCH_SKIP_EARLIER=1 (no SLA/digest); BENCH_OUT (default
// docs/benchmarks.md); BENCH_CPU_PROF=<dir> writes the services' CPU profiles
// there (and skips the /topic propose runs, whose paced card backlog would keep a graceful stop waiting).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ServiceProcess } from "../../test/support/process.js";
import { createTestDatabase, dropTestDatabase } from "../../test/support/postgres.js";
import { rssMb, runLoad } from "./load.js";
import { startBareBolt, startFakeSlackProc, startMediaops, stopChild, type FakeSlackProc } from "./procs.js";
import { loadTable, machineFacts, memTable, type MemRow, type Row } from "./report.js";
import { buttonOf, click, command, type CardButton, type SignedRequest } from "./requests.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SKIP_PG = process.env.BENCH_SKIP_PG === "1";
const CPU_PROF = process.env.BENCH_CPU_PROF;
/** How long to wait for the work behind one run's acks before going on (then reported as still running). */
const DRAIN_CAP_MS = Number(process.env.BENCH_DRAIN_CAP_S ?? 45) * 1000;
const ROOT = join(import.meta.dirname, "../..");
/** docs/benchmarks.md keeps what follows this line when the benchmark rewrites the figures above it. */
const ANALYSIS_MARKER = "<!-- analysis: kept when npm run bench rewrites the figures above -->";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Target {
  name: "mediaops" | "bare Bolt";
  database: string;
  url: string;
  pid: number;
  child: ChildProcess;
  card?: CardButton;
  proc?: ServiceProcess;
  idleRss: number;
  peakRss: number;
  idleAfter?: number;
  databaseUrl?: string;
  /** Times the service was restarted to drop a backlog that did not drain. */
  restarts: number;
}

async function post(url: string, req: SignedRequest): Promise<number> {
  const res = await fetch(`${url}/slack/events`, { method: "POST", headers: req.headers, body: req.body });
  await res.text();
  return res.status;
}

/**
 * Waits until the work behind the acks is done: the fake has received `expected` more calls since `before` (one
 * ephemeral reply or response_url refusal per request) and then nothing for 1.5 s, or nothing at all for 10 s,
 * or `capMs` has passed. Returns when the last call arrived, counted from the end of the run.
 */
async function drain(fake: FakeSlackProc, before: number, expected: number, capMs: number): Promise<{ calls: number; drainS: number; drained: boolean }> {
  const start = Date.now();
  let last = await fake.total();
  let lastChange = start;
  for (;;) {
    const quiet = Date.now() - lastChange;
    if ((last - before >= expected && quiet >= 1500) || quiet >= 10_000) break;
    if (Date.now() - start > capMs) return { calls: last - before, drainS: (Date.now() - start) / 1000, drained: false };
    await sleep(250);
    const now = await fake.total();
    if (now !== last) (last = now), (lastChange = Date.now());
  }
  const drained = last - before >= expected;
  return { calls: last - before, drainS: ((drained ? lastChange : Date.now()) - start) / 1000, drained };
}

/** Proposes a topic on `target` and returns the +1 button of the card it posts. */
async function makeCard(target: Target, fake: FakeSlackProc): Promise<CardButton> {
  const title = `压测卡片 ${target.database} ${Date.now()}`;
  if ((await post(target.url, command(`propose ${title} --platform douyin`, fake.responseBase))) !== 200) throw new Error("propose was not acked");
  for (let i = 0; i < 100; i++) {
    const p = await fake.lastPost();
    const header = ((p?.["blocks"] ?? []) as { type: string; text?: { text?: string } }[]).find((b) => b.type === "header")?.text?.text;
    if (p && header?.endsWith(title)) return buttonOf(p, "topic.vote");
    await sleep(100);
  }
  throw new Error(`no card posted for ${title}`);
}

/** Runs an npm script of an earlier benchmark and returns its output. */
function npmScript(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve(code === 0 ? out.trim() : `${out.trim()}\n(exit ${code})`));
  });
}

const SCENARIOS: { request: string; kind: "list" | "click" | "propose"; connections: number }[] = [
  { request: "/topic list", kind: "list", connections: 1 },
  { request: "/topic list", kind: "list", connections: 50 },
  { request: "/topic list", kind: "list", connections: 200 },
  { request: "+1 click", kind: "click", connections: 1 },
  { request: "+1 click", kind: "click", connections: 50 },
  { request: "+1 click", kind: "click", connections: 200 },
  { request: "/topic propose (write)", kind: "propose", connections: 50 },
];

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), "mediaops-bench-"));
  const fake = await startFakeSlackProc();
  const targets: Target[] = [];
  let pgUrl: string | undefined;
  const rows: Row[] = [];
  try {
    const bare = await startBareBolt(fake.apiUrl);
    targets.push({ name: "bare Bolt", database: "–", url: bare.url, pid: bare.child.pid!, child: bare.child, idleRss: 0, peakRss: 0, restarts: 0 });
    const dbs: [string, string][] = [["SQLite", `file:${join(dir, "bench.db")}`]];
    if (!SKIP_PG) {
      pgUrl = await createTestDatabase();
      dbs.push(["PostgreSQL", pgUrl]);
    }
    for (const [database, url] of dbs) {
      const proc = await startMediaops(fake.apiUrl, url, CPU_PROF);
      targets.push({ name: "mediaops", database, url: proc.url, pid: proc.child.pid!, child: proc.child, proc, idleRss: 0, peakRss: 0, databaseUrl: url, restarts: 0 });
    }
    await sleep(3000);
    for (const t of targets) t.idleRss = rssMb(t.pid) ?? NaN;
    log(`idle RSS: ${targets.map((t) => `${t.name}/${t.database} ${t.idleRss.toFixed(1)} MB`).join(", ")}`);

    for (const t of targets) if (t.proc) t.card = await makeCard(t, fake);
    const someCard = targets.find((t) => t.card)!.card!;
    const next = (t: Target, kind: "list" | "click" | "propose"): (() => SignedRequest) => {
      if (kind === "list") return () => command("list", fake.responseBase);
      if (kind === "click") return () => click(t.card ?? someCard, fake.responseBase);
      let n = 0;
      return () => command(`propose 压测写入 ${process.pid}-${(n += 1)} --platform douyin`, fake.responseBase);
    };

    // Warm-up (not counted): JIT, connection pools, the clicker's and commander's enrolment.
    for (const t of targets) {
      for (const kind of ["list", "click"] as const) {
        const before = await fake.total();
        const w = await runLoad({ url: `${t.url}/slack/events`, connections: 20, seconds: 2, next: next(t, kind), watch: [] });
        if (t.proc) await drain(fake, before, w.requests, DRAIN_CAP_MS);
      }
    }

    for (const s of SCENARIOS) {
      if (s.kind === "propose" && CPU_PROF) continue;
      if (s.kind === "propose") for (const t of targets) t.idleAfter = t.idleAfter ?? rssMb(t.pid);
      let bareP99: number | undefined;
      for (const t of targets) {
        const before = await fake.total();
        log(`${t.name}/${t.database}: ${s.request} × ${s.connections} clients, ${SECONDS} s …`);
        const result = await runLoad({ url: `${t.url}/slack/events`, connections: s.connections, seconds: SECONDS, next: next(t, s.kind), watch: [t.pid] });
        t.peakRss = Math.max(t.peakRss, result.peakRss.get(t.pid) ?? 0);
        // The next row waits until this row's work is done, so it does not run against a busy machine. Card posts
        // are paced to one a second per channel, so a propose run leaves a backlog: look for 5 s only.
        const d = t.name === "bare Bolt" ? { calls: 0, drainS: 0, drained: true } : await drain(fake, before, result.requests, s.kind === "propose" ? 5000 : DRAIN_CAP_MS);
        if (t.name === "bare Bolt") bareP99 = result.p99;
        if (!d.drained && s.kind !== "propose") {
          // The backlog would keep this process busy during the next rows (and keep growing its memory): drop it
          // by restarting the service on the same database, so every row starts on an idle machine.
          log(`  ${t.name}/${t.database}: ${d.calls} of ${result.requests} results after ${d.drainS.toFixed(0)} s; restarting to drop the backlog`);
          await stopChild(t.child, 1000);
          const proc = await startMediaops(fake.apiUrl, t.databaseUrl!, CPU_PROF);
          Object.assign(t, { proc, child: proc.child, pid: proc.child.pid!, url: proc.url, restarts: t.restarts + 1 });
          await runLoad({ url: `${t.url}/slack/events`, connections: 1, seconds: 2, next: next(t, "list"), watch: [] });
          await drain(fake, await fake.total(), 0, 30_000);
        }
        const row: Row = { target: t.name, database: t.database, request: s.request, result, ratio: t.name === "bare Bolt" || !bareP99 ? undefined : result.p99 / bareP99, ...d };
        rows.push(row);
        log(`  ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms, non-2xx ${result.non2xx}, errors ${result.errors}; ${d.calls} calls, drain ${d.drainS.toFixed(1)} s`);
      }
    }
    for (const t of targets) t.idleAfter = t.idleAfter ?? rssMb(t.pid);
  } finally {
    for (const t of targets) {
      const how = await stopChild(t.child);
      if (how === "killed") log(`${t.name}/${t.database}: did not stop within 10 s (paced card backlog), killed`);
    }
    await stopChild(fake.child);
    if (pgUrl) await dropTestDatabase(pgUrl).catch((err: unknown) => log(`could not drop ${pgUrl}: ${String(err)}`));
    rmSync(dir, { recursive: true, force: true });
  }

  // The earlier benchmarks, after the services are gone so they do not compete for the two cores.
  const slaSizes = process.env.BENCH_SLA_SIZES ?? "10000,100000";
  log(`SLA sweep benchmark (BENCH_SIZES=${slaSizes}) …`);
  const skipEarlier = process.env.BENCH_SKIP_EARLIER === "1";
  const sla = skipEarlier ? "(skipped: BENCH_SKIP_EARLIER=1)" : await npmScript("bench:sla", { BENCH_SIZES: slaSizes });
  log(`digest benchmark …`);
  const digest = skipEarlier ? "(skipped: BENCH_SKIP_EARLIER=1)" : await npmScript("bench:digest", {});
  const pick = (text: string, re: RegExp) => text.split("\n").filter((l) => re.test(l)).map((l) => l.trim());

  const mem: MemRow[] = targets.map((t) => ({
    process: t.name === "bare Bolt" ? "bare Bolt app" : `mediaops (${t.database})${t.restarts ? ` — restarted ${t.restarts}× to drop a backlog; "after" is the last process` : ""}`,
    idle: t.idleRss,
    peak: t.peakRss,
    idleAfter: t.idleAfter,
  }));
  const sqlite200 = rows.filter((r) => r.target === "mediaops" && r.database === "SQLite" && r.result.connections === 200);
  const worstP99 = Math.max(...sqlite200.map((r) => r.result.p99));
  const worstRatio = Math.max(...rows.filter((r) => r.ratio !== undefined && r.request !== "/topic propose (write)").map((r) => r.ratio!));
  const sqliteIdle = targets.find((t) => t.database === "SQLite")?.idleRss ?? NaN;
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const report = [
    `# Benchmarks`,
    ``,
    `\`npm run bench\` (scripts/bench/), run ${startedAt.toISOString()}; load average at the start ${loadAtStart.map((l) => l.toFixed(2)).join(", ")}.`,
    `Every request is a real signed Slack request (fresh timestamp, HMAC over timestamp + body, its own trigger_id) sent by autocannon to \`POST /slack/events\` on 127.0.0.1 for ${SECONDS} s per row; the service is the real process (\`node --import tsx src/main.ts\`, LOG_LEVEL=warn) with Slack pointed at a fake Web API in its own process; the bare Bolt app (Bolt's HTTPReceiver, same signing secret) only acks. Rows of one request and client count ran back to back (bare, SQLite, PostgreSQL), each after the previous one's work had drained (a service that delivered no result for 10 s, or not all of them within ${DRAIN_CAP_MS / 1000} s, was restarted on the same database, dropping its backlog, so the next row starts on an idle machine). Latencies are autocannon's, at 1 ms resolution; the load average is the machine's (2 cores shared with other people's test runs).`,
    ``,
    `## Acknowledgement latency`,
    ``,
    loadTable(rows),
    ``,
    `## Memory (VmRSS, sampled every 200 ms)`,
    ``,
    memTable(mem),
    ``,
    `## Targets`,
    ``,
    `| target | measured | |`,
    `|---|---|---|`,
    `| p99 ack < 50 ms at 200 clients on SQLite | ${worstP99.toFixed(0)} ms (worst of list / click) | ${verdict(worstP99 < 50)} |`,
    `| p99 ÷ bare Bolt p99 < 2 (list and click rows) | worst ${worstRatio.toFixed(2)} | ${verdict(worstRatio < 2)} |`,
    `| idle RSS < 150 MB (SQLite) | ${sqliteIdle.toFixed(1)} MB | ${verdict(sqliteIdle < 150)} |`,
    ``,
    `## SLA sweep and digest build (earlier benchmarks)`,
    ``,
    `\`npm run bench:sla\` with BENCH_SIZES=${slaSizes}:`,
    ``,
    "```",
    ...pick(sla, /sweep|ratio|ingestion|exit|skipped/),
    "```",
    ``,
    `\`npm run bench:digest\`:`,
    ``,
    "```",
    ...pick(digest, /rows:|buildDigest|runDueDigests|OK|SLOW|exit|skipped/),
    "```",
    ``,
    `## Machine`,
    ``,
    machineFacts(),
    ``,
  ].join("\n");
  process.stdout.write(`${report}\n`);
  // A hand-written analysis below the marker survives a re-run.
  const out = resolve(ROOT, process.env.BENCH_OUT ?? "docs/benchmarks.md");
  const previous = existsSync(out) ? readFileSync(out, "utf8") : "";
  const kept = previous.includes(ANALYSIS_MARKER) ? previous.slice(previous.indexOf(ANALYSIS_MARKER)) : "";
  writeFileSync(out, kept ? `${report}\n${kept}` : report);
  log(`written to ${process.env.BENCH_OUT ?? "docs/benchmarks.md"}`);
}

await main();
