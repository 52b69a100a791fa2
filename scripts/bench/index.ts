// npm run bench — the work a person waits for. Closed-loop clients (1, 10, 50) send real signed Slack requests
// (/topic list, a +1 click, /topic propose) to the service as deployed (`node dist/src/main.js`) on SQLite and on
// PostgreSQL, and to a bare Bolt app that only acks, in the same run. Each request is timed to its
// acknowledgement and to its reply arriving at the fake Slack API (end to end); a row ends when every request it
// started has its reply. Then RSS, targets, and the SLA sweep and digest benchmarks. Writes docs/benchmarks.md.
// BENCH_SECONDS (default 10) per row; BENCH_CLIENTS (default 1,10,50); BENCH_KINDS (default list,click,propose);
// BENCH_SKIP_PG=1; BENCH_PG_REPLICAS (default 2); BENCH_SQLITE_REPLICAS (default 1); BENCH_SKIP_EARLIER=1 (no
// SLA/digest); BENCH_OUT (default docs/benchmarks.md); BENCH_CPU_PROF=<dir> writes the services' CPU profiles.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../test/support/postgres.js";
import { closeConnections, percentile, runJobs, runRow } from "./clients.js";
import { FakeSlack } from "./fake-slack.js";
import { cpuMsOf, rssMb, startBareBolt, startMediaops, stopChild, type Proc } from "./procs.js";
import { writeReport } from "./write-report.js";
import type { MemRow, Row } from "./report.js";
import { Scenario, type Kind } from "./scenario.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = (process.env.BENCH_CLIENTS ?? "1,10,50").split(",").map(Number);
const KINDS = (process.env.BENCH_KINDS ?? "list,click,propose").split(",") as Kind[];
const PG_REPLICAS = Number(process.env.BENCH_PG_REPLICAS ?? 2);
const SQLITE_REPLICAS = Number(process.env.BENCH_SQLITE_REPLICAS ?? 1);
const CPU_PROF = process.env.BENCH_CPU_PROF;
const REPLY_CAP_MS = 60_000;
const ROOT = join(import.meta.dirname, "../..");
const LABEL: Record<Kind, string> = { list: "/topic list", click: "+1 click", propose: "/topic propose" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => process.stderr.write(`${s}\n`);

/** The bare app, or the service on one database with its replicas. */
interface Target {
  name: "mediaops" | "bare Bolt";
  database: string;
  procs: Proc[];
  scenario: Scenario;
  idleRss: number;
  peakRss: number;
  idleAfter?: number;
}

function npmRunBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code})`))));
  });
}

/** Sum of the target's processes' RSS (MB). */
const rssOf = (t: Target) => t.procs.reduce((s, p) => s + (rssMb(p.child.pid!) ?? NaN), 0);
/** CPU time used so far by the target's processes (ms). */
const cpuOf = (t: Target) => t.procs.reduce((s, p) => s + (cpuMsOf(p.child.pid!) ?? NaN), 0);

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  log("npm run build …");
  await npmRunBuild();
  const dir = mkdtempSync(join(tmpdir(), "mediaops-bench-"));
  const fake = new FakeSlack();
  const { apiUrl, responseBase } = await fake.start();
  const targets: Target[] = [];
  let pgUrl: string | undefined;
  const rows: Row[] = [];
  try {
    const bare = await startBareBolt(apiUrl);
    targets.push({ name: "bare Bolt", database: "–", procs: [bare], scenario: new Scenario("B", [bare.url], fake, responseBase, true), idleRss: 0, peakRss: 0 });
    const dbs: [string, string, number, string][] = [["SQLite", `file:${join(dir, "bench.db")}`, SQLITE_REPLICAS, "S"]];
    if (process.env.BENCH_SKIP_PG !== "1") {
      pgUrl = await createTestDatabase();
      dbs.push(["PostgreSQL", pgUrl, PG_REPLICAS, "G"]);
    }
    for (const [database, url, replicas, tag] of dbs) {
      const procs: Proc[] = [];
      // One after the other: the first applies the migrations and seeds, the others find them done.
      for (let i = 0; i < replicas; i++) procs.push(await startMediaops({ apiUrl, databaseUrl: url, jobs: i === 0, cpuProfDir: CPU_PROF }));
      const label = replicas > 1 ? `${database} ×${replicas}` : database;
      targets.push({ name: "mediaops", database: label, procs, scenario: new Scenario(tag, procs.map((p) => p.url), fake, responseBase, false), idleRss: 0, peakRss: 0 });
    }
    await sleep(3000); // settle after start, then read the idle memory
    for (const t of targets) t.idleRss = rssOf(t);
    log(`idle RSS: ${targets.map((t) => `${t.name}/${t.database} ${t.idleRss.toFixed(1)} MB`).join(", ")}`);

    for (const t of targets) {
      log(`${t.name}/${t.database}: setup (people, channels, ${t.name === "mediaops" ? "topic cards" : "nothing else"}) …`);
      await runJobs(t.scenario.setupJobs(), fake, 10, REPLY_CAP_MS);
      // Warm-up, not counted: JIT, connection pools, every request kind.
      for (const kind of KINDS) {
        t.scenario.newRow();
        await runRow({ clients: 10, seconds: 2, fake, replyCapMs: REPLY_CAP_MS, next: (c, n) => t.scenario.job(kind, c, n) });
      }
    }

    for (const kind of KINDS) {
      for (const clients of CLIENTS) {
        let bareP99: number | undefined;
        for (const t of targets) {
          t.scenario.newRow();
          closeConnections();
          const load1 = loadavg()[0]!;
          log(`${t.name}/${t.database}: ${LABEL[kind]} × ${clients} clients, ${SECONDS} s …`);
          const sampler = setInterval(() => (t.peakRss = Math.max(t.peakRss, rssOf(t))), 200);
          const cpuBefore = cpuOf(t);
          const result = await runRow({ clients, seconds: SECONDS, fake, replyCapMs: REPLY_CAP_MS, next: (c, n) => t.scenario.job(kind, c, n) }).finally(() => clearInterval(sampler));
          // The service's CPU over the row, which ends when the last reply has arrived: the work, not only the acks.
          const row: Row = { target: t.name, database: t.database, request: LABEL[kind], result, load1, cpuMs: cpuOf(t) - cpuBefore };
          if (t.name === "bare Bolt") bareP99 = percentile(result.ackMs, 99);
          else if (bareP99) row.ratio = percentile(result.ackMs, 99) / bareP99;
          rows.push(row);
          log(`  ${result.sent} sent, ${result.completed} replies (${result.refused} refused, ${result.missing} missing, ${result.ackErrors} errors) in ${result.spanS.toFixed(1)} s; ack p99 ${percentile(result.ackMs, 99).toFixed(1)} ms, end-to-end p99 ${percentile(result.e2eMs, 99).toFixed(1)} ms; CPU ${((row.cpuMs ?? NaN) / Math.max(1, t.name === "bare Bolt" ? result.sent : result.completed)).toFixed(1)} ms a request${result.firstRefusal ? `; refused: ${result.firstRefusal}` : ""}`);
          if (kind === "click" && t.name === "mediaops") log(`  cards left for clicks: ${t.scenario.cardsLeft()}`);
        }
      }
    }
    for (const t of targets) t.idleAfter = rssOf(t);
  } finally {
    for (const t of targets) for (const p of t.procs) if ((await stopChild(p.child)) === "killed") log(`${t.name}/${t.database}: did not stop within 15 s, killed`);
    await fake.stop();
    if (pgUrl) await dropTestDatabase(pgUrl).catch((err: unknown) => log(`could not drop ${pgUrl}: ${String(err)}`));
    rmSync(dir, { recursive: true, force: true });
  }
  const mem: MemRow[] = targets.map((t) => ({
    process: t.name === "bare Bolt" ? "bare Bolt app (tsx)" : `mediaops (${t.database}${t.procs.length > 1 ? ", all replicas together" : ""})`,
    idle: t.idleRss,
    peak: t.peakRss,
    idleAfter: t.idleAfter,
  }));
  await writeReport({ startedAt, loadAtStart, seconds: SECONDS, rows, mem, unexpectedReplies: fake.unexpected });
}

await main();
