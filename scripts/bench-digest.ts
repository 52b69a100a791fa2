// npm run bench:digest — fills a year of daily metrics for 20 accounts × 30 metrics (219,000 rows) and 50
// subscriptions, builds every digest (the same buildDigest the job uses: one grouped SQL query over the
// (teamId, day, platform, metric, value) covering index, indexed once into a grid; no rows loaded into memory),
// then runs the digest job once for all 50. Prints the time per digest, in total, the time per chart (wall and
// CPU), and the load average. Targets: under 100 ms per digest, under 300 ms per chart once warm.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { buildDigest } from "../src/app/kpi/build-digest.js";
import { runDueDigests } from "../src/app/kpi/run-due-digests.js";
import { toSubscription } from "../src/app/kpi/subscriptions.js";
import { chartPng } from "../src/adapters/charts/render-chart.js";
import { ConsoleChannel } from "../src/adapters/console/channel.js";
import { dailyDigestCard } from "../templates/kpi/daily-digest.card.js";
import { consoleStore } from "../src/app/console/console-messages.js";
import { seedDemoTeam, DEFAULT_TEAM_ID } from "../src/app/seed/demo-team.js";
import { createDb } from "../src/db/client.js";
import { migrateSqlite } from "../src/db/migrate.js";
import { addDays } from "../src/domain/calendar/local-day.js";
import { STORED_METRICS } from "../src/domain/kpi/catalogue.js";
import { PLATFORMS } from "../src/domain/topics/vocabulary.js";
import { createLogger } from "../src/lib/logger.js";
import { MIGRATIONS_DIR } from "../src/service.js";

const DAYS = 365;
const ACCOUNTS = 20;
const METRIC_COUNT = 30;
const SUBSCRIPTIONS = 50;
// Thursday 2026-11-26 09:30 in Shanghai: every 09:00 subscription is due.
const NOW = new Date("2026-11-26T01:30:00Z");

const dir = mkdtempSync(join(tmpdir(), "mediaops-bench-"));
const dbPath = join(dir, "bench.db");
const clock = { now: () => NOW };
try {
  migrateSqlite(dbPath, MIGRATIONS_DIR, clock.now);
  const db = await createDb(dbPath);
  await seedDemoTeam(db, clock, { timezone: "Asia/Shanghai", locale: "zh-CN" });

  // 30 metric codes: every stored catalogue metric, topped up with codes a platform export may carry.
  const metrics = [...STORED_METRICS, ...Array.from({ length: METRIC_COUNT - STORED_METRICS.length }, (_, i) => `export_extra_${i + 1}`)].slice(0, METRIC_COUNT);
  const fillStarted = performance.now();
  const raw = new Database(dbPath);
  const insert = raw.prepare("INSERT INTO MetricValue (teamId, platform, account, metric, day, value, source, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 'api', ?)");
  raw.transaction(() => {
    for (let a = 0; a < ACCOUNTS; a++) {
      const platform = PLATFORMS[a % PLATFORMS.length]!;
      for (let d = 1; d <= DAYS; d++) {
        const day = addDays("2026-11-26", -d);
        metrics.forEach((m, i) => insert.run(DEFAULT_TEAM_ID, platform, `acct-${a}`, m, day, Math.round(1000 + 500 * Math.sin(d / 7 + i) + a * 10 + (d === 1 && i === 3 ? 5000 : 0)), NOW.getTime()));
      }
    }
  })();
  raw.close();
  const fillMs = performance.now() - fillStarted;

  const creator = await db.user.findFirstOrThrow({ where: { handle: "wang.fang" } });
  const channel = await db.channel.findFirstOrThrow({ where: { externalId: "kpi" } });
  for (let s = 0; s < SUBSCRIPTIONS; s++) {
    const platforms = s % 3 === 0 ? [] : PLATFORMS.slice(s % PLATFORMS.length, (s % PLATFORMS.length) + 1 + (s % 4));
    await db.digestSubscription.create({
      data: { teamId: DEFAULT_TEAM_ID, targetKey: `bench:${s}`, channelId: channel.id, platformsJson: JSON.stringify(platforms), metricsJson: "[]", sendTime: "09:00", timezone: "Asia/Shanghai", workdaysOnly: true, locale: s % 2 ? "en" : "zh-CN", createdBy: creator.id, createdAt: new Date("2026-01-01T00:00:00Z"), updatedAt: NOW },
    });
  }
  await db.kpiTarget.createMany({
    data: [
      { teamId: DEFAULT_TEAM_ID, metric: "followers", baseline: 20_000, goal: 26_000, goalText: "+30%", startDay: "2026-09-01", endDay: "2027-03-01", createdBy: creator.id, createdAt: NOW },
      { teamId: DEFAULT_TEAM_ID, metric: "interaction_rate", baseline: 3.5, goal: 4.2, goalText: "+20%", startDay: "2026-09-01", endDay: "2027-03-01", createdBy: creator.id, createdAt: NOW },
      { teamId: DEFAULT_TEAM_ID, metric: "reads", platform: "douyin", baseline: 3000, goal: 3750, goalText: "+25%", startDay: "2026-09-01", endDay: "2027-03-01", createdBy: creator.id, createdAt: NOW },
      { teamId: DEFAULT_TEAM_ID, metric: "conversion_rate", baseline: 1, goal: 1.15, goalText: "+15%", startDay: "2026-09-01", endDay: "2027-03-01", createdBy: creator.id, createdAt: NOW },
    ],
  });

  const subs = (await db.digestSubscription.findMany()).map(toSubscription);
  const team = await db.team.findUniqueOrThrow({ where: { id: DEFAULT_TEAM_ID } });
  await buildDigest(db, { teamId: team.id, teamName: team.name, sentDay: "2026-11-26", timezone: "Asia/Shanghai", teamTimezone: team.timezone, platforms: [], metrics: [], muted: [], preview: true, subscriptionId: null, buttonKey: "bench" }, NOW); // warm-up
  const loadAtStart = loadavg();
  const times: number[] = [];
  const chartTimes: { digest: "first" | "warm"; wallMs: number; cpuMs: number }[] = [];
  let charts = 0; // digests with charts so far
  let moves = 0;
  const started = performance.now();
  for (const s of subs) {
    const t0 = performance.now();
    const view = await buildDigest(db, { teamId: team.id, teamName: team.name, sentDay: "2026-11-26", timezone: s.timezone, teamTimezone: team.timezone, platforms: s.platforms, metrics: s.metrics, muted: s.muted, preview: false, subscriptionId: s.id, buttonKey: "bench" }, NOW);
    times.push(performance.now() - t0);
    moves += view.moves.length;
    // The charts of the digest drawn as PNGs, as a platform adapter does before attaching them (the first
    // digest's charts include loading the CJK font: the "cold" figure).
    // Each chart timed alone, in wall time and in this process's CPU time (user + system): on a shared machine
    // the CPU time moves less with the other processes' load than the wall time does.
    const blocks = dailyDigestCard(view, s.locale === "en" ? "en" : "zh-CN").blocks.flatMap((b) => (b.type === "chart" ? [b.chart] : []));
    for (const chart of blocks) {
      const c0 = performance.now();
      const cpu0 = process.cpuUsage();
      await chartPng(chart);
      const cpu = process.cpuUsage(cpu0);
      chartTimes.push({ digest: charts === 0 ? "first" : "warm", wallMs: performance.now() - c0, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    charts += blocks.length > 0 ? 1 : 0;
  }
  const buildTotal = performance.now() - started;

  const log = createLogger("silent");
  const deps = { db, clock, log, channels: new Map([["console" as const, new ConsoleChannel(consoleStore(db, clock))]]), buttonKey: "bench" };
  const jobStarted = performance.now();
  const report = await runDueDigests(deps as never, NOW);
  const jobMs = performance.now() - jobStarted;

  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
  const rows = await db.metricValue.count();
  console.log(`rows: ${rows} metric values (${ACCOUNTS} accounts × ${METRIC_COUNT} metrics × ${DAYS} days), ${subs.length} subscriptions; fill ${(fillMs / 1000).toFixed(1)} s`);
  const buildOnly = times.reduce((a, b) => a + b, 0);
  // buildTotal also holds the charts drawn in the loop; the per-digest mean is of buildDigest alone.
  console.log(`buildDigest: ${subs.length} digests in ${buildOnly.toFixed(0)} ms (${buildTotal.toFixed(0)} ms with their charts); per digest mean ${(buildOnly / subs.length).toFixed(1)} ms, median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ${moves} unusual moves found`);
  const cold = chartTimes.filter((c) => c.digest === "first");
  const warm = chartTimes.filter((c) => c.digest === "warm");
  const stats = (xs: number[]) => {
    const o = [...xs].sort((a, b) => a - b);
    const at = (p: number) => o[Math.min(o.length - 1, Math.floor(p * o.length))]!.toFixed(1);
    return o.length > 0 ? `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${o.at(-1)!.toFixed(1)} ms` : "n/a";
  };
  console.log(`charts (ECharts SVG + resvg PNG, CJK font): ${chartTimes.length} drawn; first digest's ${cold.length} (cold, loading the renderer and font): ${cold.map((c) => c.wallMs.toFixed(0)).join(", ")} ms`);
  console.log(`  warm per chart, wall: ${stats(warm.map((c) => c.wallMs))}`);
  console.log(`  warm per chart, CPU:  ${stats(warm.map((c) => c.cpuMs))}`);
  console.log(`runDueDigests (claim + enqueue + deliver to the console): ${report.sent.length} sent, ${report.failed.length} failed in ${jobMs.toFixed(0)} ms (${(jobMs / Math.max(1, report.sent.length)).toFixed(1)} ms per digest)`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
  console.log(`load average (1, 5, 15 min) ${load(loadAtStart)} at the start, ${load(loadavg())} at the end, on ${cpus().length} cores`);
  console.log(sorted.at(-1)! < 100 ? "OK: every digest under 100 ms" : "SLOW: a digest took 100 ms or more");
  console.log(warm.every((c) => c.wallMs < 300) ? "OK: every warm chart under 300 ms" : "SLOW: a warm chart took 300 ms or more");
  await db.$disconnect();
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${dbPath}`);
  else rmSync(dir, { recursive: true, force: true });
}
