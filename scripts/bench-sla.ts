// npm run bench:sla — the SLA sweep's cost must follow the number of DUE items, not the number of OPEN ones.
// Fills a temporary database with N open items (1,000 of them due), runs one sweep (claim + cards, outbox left
// to its worker), for N = 100,000 and 1,000,000 (override: BENCH_SIZES=100000,1000000), and prints both times
// and their ratio. Then measures ingestion (items per second) in batches of 1,000 through ingestSlaItems.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { AppDeps } from "../src/app/deps.js";
import { seedDemoTeam } from "../src/app/seed/demo-team.js";
import { ingestSlaItems } from "../src/app/sla/ingest-items.js";
import { runSlaSweep } from "../src/app/sla/sweep.js";
import { createDb } from "../src/db/client.js";
import { migrateSqlite } from "../src/db/migrate.js";
import { createLogger } from "../src/lib/logger.js";
import { MIGRATIONS_DIR } from "../src/service.js";

const DUE = 1000;
const NOW = new Date("2026-11-26T02:00:00Z");
const clock = { now: () => new Date(NOW) };

async function setup(n: number) {
  const dir = mkdtempSync(join(tmpdir(), "mediaops-bench-"));
  const path = join(dir, "bench.db");
  migrateSqlite(path, MIGRATIONS_DIR, clock.now);
  const db = await createDb(path);
  await seedDemoTeam(db, clock, { timezone: "Asia/Shanghai", locale: "zh-CN" });
  const sched = JSON.stringify({ warnings: [], escalations: [{ at: "2026-11-27T02:00:00.000Z", to: "lead" }], coverageGap: [] });
  const raw = new Database(path);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  const ins = raw.prepare(
    `INSERT INTO SlaItem (teamId, platform, account, kind, externalId, author, text, source, createdAt, receivedAt, policyName, targetMinutes, dueAt, deadlineAt, scheduleJson, status, nextReminderAt, updatedAt)
     VALUES ('default', 'douyin', 'brand-douyin', 'comment', ?, 'u', '什么时候发货？', 'bench', ?, ?, 'comments', 480, ?, ?, ?, 'open', ?, ?)`,
  );
  const t0 = performance.now();
  // The better-sqlite3 driver adapter stores DateTime as ISO 8601 text with "+00:00".
  const ms = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const at = (t: number) => ms(new Date(t));
  const created = ms(new Date("2026-11-26T01:00:00Z"));
  const deadline = ms(new Date("2026-11-26T02:00:00Z"));
  const fill = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // The first DUE rows are due now; the rest much later (spread over a week).
      const next = at(i < DUE ? NOW.getTime() - 1000 : NOW.getTime() + 3_600_000 + (i % 604_800) * 1000);
      ins.run(`bench-${i}`, created, created, deadline, deadline, sched, next, created);
    }
  });
  for (let i = 0; i < n; i += 50_000) fill(i, Math.min(n, i + 50_000));
  raw.pragma("optimize");
  raw.close();
  const deps: AppDeps = { db, clock, log: createLogger("silent"), channels: new Map(), dialect: "sqlite", buttonKey: "bench-key" };
  return { deps, dir, fillMs: performance.now() - t0 };
}

async function sweepOnce(n: number): Promise<number> {
  const { deps, dir, fillMs } = await setup(n);
  console.log(`  ${n.toLocaleString("en")} open items inserted in ${(fillMs / 1000).toFixed(1)} s`);
  const t = performance.now();
  const r = await runSlaSweep(deps, { deliver: false });
  const ms = performance.now() - t;
  console.log(`  sweep: ${r.due} due, ${r.claimed} claimed, ${r.cards} cards in ${ms.toFixed(0)} ms`);
  if (r.claimed !== DUE) throw new Error(`expected ${DUE} claimed, got ${r.claimed}`);
  await deps.db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function ingestion(): Promise<void> {
  const { deps, dir } = await setup(0);
  const batches = 5;
  const t = performance.now();
  for (let b = 0; b < batches; b++) {
    const items = Array.from({ length: 1000 }, (_, i) => ({ platform: "douyin", account: "brand-douyin", kind: "comment", externalId: `in-${b}-${i}`, author: "u", text: "好用吗？", createdAt: "2026-11-26T09:00:00+08:00" }));
    const res = await ingestSlaItems(deps, items, "webhook");
    if (res.some((r) => r.status !== "accepted")) throw new Error("ingestion rejected items");
  }
  const s = (performance.now() - t) / 1000;
  console.log(`ingestion: ${batches} batches of 1,000 in ${s.toFixed(2)} s = ${Math.round((batches * 1000) / s)} items/s`);
  await deps.db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

const sizes = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
const times: number[] = [];
for (const n of sizes) {
  console.log(`sweep over ${n.toLocaleString("en")} open items (${DUE} due):`);
  times.push(await sweepOnce(n));
}
if (times.length === 2) console.log(`ratio ${sizes[1]!.toLocaleString("en")} / ${sizes[0]!.toLocaleString("en")}: ${(times[1]! / times[0]!).toFixed(2)} (target < 1.5; target time < 1000 ms)`);
await ingestion();
