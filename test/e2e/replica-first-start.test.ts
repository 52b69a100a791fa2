// Two replicas started together on an empty PostgreSQL database, three times: both come up, and the first-start
// work (migrations, the demo seed, the empty team, the setup code, the button key, the playbooks) happened once.
// Before, one replica exited on the demo seed's unique team id (3 of 3 runs). This test runs against the
// loopback PostgreSQL server in both legs of the suite (SQLite and PostgreSQL; server from
// MEDIAOPS_TEST_PG_URL, as test/support/postgres.ts): a race between processes at first start is a
// PostgreSQL deployment's problem, since replicas sharing one SQLite file are not a supported deployment.
import pg from "pg";
import { describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { createTestDatabase, dropTestDatabase } from "../support/postgres.js";
import { spawnService, type ServiceProcess } from "../support/process.js";

const RUNS = 3;

async function one(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe("replicas starting together on an empty PostgreSQL database", () => {
  faultTest(`two replicas started together on an empty PostgreSQL database (${RUNS} runs)`, async (ledger) => {
    for (let run = 1; run <= RUNS; run++) {
      const databaseUrl = await createTestDatabase();
      const started: ServiceProcess[] = [];
      try {
        for (const r of ["a", "b"]) ledger.attempt(`run ${run} replica ${r}`);
        // Both spawned before either is awaited: they migrate and seed at the same moment.
        const results = await Promise.allSettled(["a", "b"].map(() => spawnService({ DATABASE_URL: databaseUrl })));
        results.forEach((r, i) => {
          if (r.status === "fulfilled") {
            started.push(r.value);
            ledger.seen(`run ${run} replica ${"ab"[i]}`);
          }
        });
        const failed = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason).slice(0, 600)] : []));
        expect(failed, `a replica did not come up in run ${run}`).toEqual([]);
        // The first-start work happened once: one demo team, its people once, one button key.
        expect(await one(databaseUrl, `SELECT COUNT(*) AS n FROM "Team"`)).toBe(1);
        expect(await one(databaseUrl, `SELECT COUNT(*) AS n FROM "User" WHERE handle = 'wang.fang'`)).toBe(1);
        expect(await one(databaseUrl, `SELECT COUNT(*) AS n FROM "_prisma_migrations"`)).toBeGreaterThan(0);
        // Both serve the same team.
        for (const s of started) expect((await fetch(`${s.url}/console/api/users`)).status).toBe(200);
      } finally {
        for (const s of started) s.child.kill("SIGTERM");
        await Promise.all(started.map((s) => s.exited));
        await dropTestDatabase(databaseUrl);
      }
    }
  }, { timeout: 600_000 });
});
