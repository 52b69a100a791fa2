// Diagnostic (not run by npm run bench): the SQL statements one request costs, counted from the driver adapter's
// debug output, for each benchmark request (/topic list, +1 click, /topic propose), on the compiled service.
// PROBE_DB=pg for PostgreSQL; PROBE_SHOW=1 prints the statements of one request of each kind.
// Run: npm run build && npx tsx scripts/bench/probe-queries.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../test/support/postgres.js";
import { runJobs } from "./clients.js";
import { FakeSlack } from "./fake-slack.js";
import { startMediaops, stopChild } from "./procs.js";
import { Scenario, type Kind } from "./scenario.js";

const pg = process.env.PROBE_DB === "pg";
const N = 10;
const dir = mkdtempSync(join(tmpdir(), "mediaops-probe-"));
const url = pg ? await createTestDatabase() : `file:${join(dir, "probe.db")}`;
const fake = new FakeSlack();
const { apiUrl, responseBase } = await fake.start();
process.env.DEBUG = pg ? "prisma:driver-adapter:pg" : "prisma:driver-adapter:better-sqlite3";
const svc = await startMediaops({ apiUrl, databaseUrl: url, jobs: false });
delete process.env.DEBUG;
/** The statements logged so far: the tag, and the SQL when the record carries one (BEGIN/COMMIT do not). */
function statements(): string[] {
  const lines = svc.output().split("\n");
  const found: string[] = [];
  lines.forEach((line, i) => {
    const tag = /^\s*prisma:driver-adapter:\S+ \[js::(\w+)\]/.exec(line)?.[1];
    if (!tag || tag === "commit") return;
    const sql = /"sql": "(.*?)",?\\n/.exec(line + (lines[i + 1] ?? ""))?.[1];
    found.push(tag === "startTransaction" ? "BEGIN" : (sql ?? tag));
  });
  return found;
}
try {
  const scenario = new Scenario("Q", [svc.url], fake, responseBase, false);
  await runJobs(scenario.setupJobs(4), fake, 2, 30_000);
  for (const kind of ["list", "click", "propose"] as Kind[]) {
    scenario.newRow();
    await runJobs([scenario.job(kind, 0, 0)!], fake, 1, 30_000); // first of its kind: caches, first contact
    const before = statements().length;
    const jobs = Array.from({ length: N }, (_, n) => scenario.job(kind, 0, n + 1)!);
    await runJobs(jobs, fake, 1, 30_000);
    await new Promise((r) => setTimeout(r, 500)); // the debug lines of the last request's tail
    const mine = statements().slice(before);
    console.log(`${kind}: ${(mine.length / N).toFixed(1)} statements per request (BEGIN and COMMIT included)`);
    if (process.env.PROBE_SHOW === "1") console.log(mine.slice(0, Math.ceil(mine.length / N)).map((l) => `  ${l.replace(/`main`\./g, "").slice(0, 200)}`).join("\n"));
  }
} finally {
  await stopChild(svc.child, 10_000);
  await fake.stop();
  if (pg) await dropTestDatabase(url);
  rmSync(dir, { recursive: true, force: true });
}
