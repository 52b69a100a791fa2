// The benchmark's report: the rows, memory, the targets of issue 18 met or missed, the earlier SLA sweep and
// digest benchmarks, the machine. Printed, and written to docs/benchmarks.md above the hand-written analysis
// (everything from the analysis marker on is kept when the benchmark rewrites the file).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { percentile } from "./clients.js";
import { loadTable, machineFacts, memTable, rate, type MemRow, type Row } from "./report.js";

const ROOT = join(import.meta.dirname, "../..");
const ANALYSIS_MARKER = "<!-- analysis: kept when npm run bench rewrites the figures above -->";
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Runs an npm script of an earlier benchmark and returns its output. */
function npmScript(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((done) => {
    const child = spawn("npm", ["run", "--silent", script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => done(code === 0 ? out.trim() : `${out.trim()}\n(exit ${code})`));
  });
}

const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** Issue 18's targets against the rows. */
function targetsTable(rows: Row[], mem: MemRow[]): string {
  const ours = rows.filter((r) => r.target === "mediaops");
  const best = (db: string) => Math.max(...ours.filter((r) => r.database.startsWith(db) && r.request === "/topic list").map(rate));
  const at10 = ours.filter((r) => r.result.clients === 10);
  const worst10 = at10.reduce<Row | undefined>((w, r) => (!w || percentile(r.result.e2eMs, 99) > percentile(w.result.e2eMs, 99) ? r : w), undefined);
  const ratios = ours.filter((r) => r.ratio !== undefined && (r.result.clients === 1 || r.result.clients === 50));
  const worstRatio = ratios.reduce<Row | undefined>((w, r) => (!w || r.ratio! > w.ratio! ? r : w), undefined);
  const sqliteIdle = mem.find((m) => m.process.startsWith("mediaops (SQLite"))?.idle ?? NaN;
  const describe = (r: Row | undefined) => (r ? `${r.request}, ${r.database}, ${r.result.clients} clients` : "no rows");
  const lines = [
    "| target | measured | |",
    "|---|---|---|",
    `| ≥ 500 completed /topic list a second on SQLite | ${best("SQLite").toFixed(0)}/s (best row) | ${verdict(best("SQLite") >= 500)} |`,
    `| ≥ 1,000 completed /topic list a second on PostgreSQL (replicas allowed) | ${best("PostgreSQL").toFixed(0)}/s (best row) | ${verdict(best("PostgreSQL") >= 1000)} |`,
    `| end-to-end p99 < 250 ms at 10 clients | worst ${worst10 ? percentile(worst10.result.e2eMs, 99).toFixed(0) : "–"} ms (${describe(worst10)}) | ${verdict(!!worst10 && percentile(worst10.result.e2eMs, 99) < 250)} |`,
    `| ack p99 ≤ 2 × bare Bolt at 1 and 50 clients | worst ${worstRatio?.ratio?.toFixed(2) ?? "–"} (${describe(worstRatio)}) | ${verdict(!!worstRatio && worstRatio.ratio! <= 2)} |`,
    `| idle RSS < 150 MB on SQLite | ${sqliteIdle.toFixed(1)} MB | ${verdict(sqliteIdle < 150)} |`,
  ];
  return lines.join("\n");
}

export async function writeReport(r: { startedAt: Date; loadAtStart: number[]; seconds: number; rows: Row[]; mem: MemRow[]; unexpectedReplies: number }): Promise<void> {
  const slaSizes = process.env.BENCH_SLA_SIZES ?? "10000,100000";
  const skipEarlier = process.env.BENCH_SKIP_EARLIER === "1";
  log("SLA sweep and digest benchmarks …");
  const sla = skipEarlier ? "(skipped: BENCH_SKIP_EARLIER=1)" : await npmScript("bench:sla", { BENCH_SIZES: slaSizes });
  const digest = skipEarlier ? "(skipped: BENCH_SKIP_EARLIER=1)" : await npmScript("bench:digest", {});
  const pick = (text: string, re: RegExp) => text.split("\n").filter((l) => re.test(l)).map((l) => l.trim());
  const report = [
    `# Benchmarks`,
    ``,
    `\`npm run bench\` (scripts/bench/), run ${r.startedAt.toISOString()}; load average at the start ${r.loadAtStart.map((l) => l.toFixed(2)).join(", ")}.`,
    `Closed-loop clients (each sends a real signed Slack request with its own trigger_id, waits for the acknowledgement and for the reply at the fake Slack Web API, then sends the next) for ${r.seconds} s per row, against the service as deployed (\`node dist/src/main.js\`, LOG_LEVEL=warn; PostgreSQL with replicas, the clients spread round robin over them) and against a bare Bolt app that only acks (Bolt's HTTPReceiver, same signing secret), in the same run. End to end = request sent → reply received by the fake Slack API: the list (chat.postEphemeral) for /topic list, the card's update (chat.update) for a +1 click (every click is a new vote by one of 50 people on a card no other client uses), the posted card (chat.postMessage) for /topic propose (rotating over 400 channels, so Slack's one post a second per channel does not bound it). A row ends when every request it started has its reply; "missing" counts replies that did not come within 60 s. Completed/s = replies ÷ (first request → last reply). The load average is the machine's (2 cores shared with other people's work). Replies nobody waited for: ${r.unexpectedReplies}.`,
    ``,
    `## End-to-end and acknowledgement latency`,
    ``,
    loadTable(r.rows),
    ``,
    `## Memory (VmRSS)`,
    ``,
    memTable(r.mem),
    ``,
    `## Targets (issue 18)`,
    ``,
    targetsTable(r.rows, r.mem),
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
    ...pick(digest, /rows:|buildDigest|charts|per chart|runDueDigests|load average|OK|SLOW|exit|skipped/),
    "```",
    ``,
    `## Machine`,
    ``,
    machineFacts(),
    ``,
  ].join("\n");
  process.stdout.write(`${report}\n`);
  const out = resolve(ROOT, process.env.BENCH_OUT ?? "docs/benchmarks.md");
  const previous = existsSync(out) ? readFileSync(out, "utf8") : "";
  const kept = previous.includes(ANALYSIS_MARKER) ? previous.slice(previous.indexOf(ANALYSIS_MARKER)) : "";
  writeFileSync(out, kept ? `${report}\n${kept}` : report);
  log(`written to ${process.env.BENCH_OUT ?? "docs/benchmarks.md"}`);
}
