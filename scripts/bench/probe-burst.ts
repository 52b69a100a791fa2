// Manual probe (not run by npm run bench): one service (PROBE_DB=pg for PostgreSQL), a burst of signed
// /topic list requests (PROBE_CONNS clients for PROBE_SECONDS), then the work delivered to the fake Slack
// every 2 s for PROBE_WATCH_S seconds, the RSS, and the service's log tail.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../test/support/postgres.js";
import { rssMb, runLoad } from "./load.js";
import { startFakeSlackProc, startMediaops, stopChild } from "./procs.js";
import { command } from "./requests.js";

const fake = await startFakeSlackProc();
const pg = process.env.PROBE_DB === "pg";
const dir = mkdtempSync(join(tmpdir(), "mediaops-probe-"));
const url = pg ? await createTestDatabase() : `file:${join(dir, "probe.db")}`;
const svc = await startMediaops(fake.apiUrl, url).catch(async (err: unknown) => {
  await stopChild(fake.child);
  if (pg) await dropTestDatabase(url);
  throw err;
});
try {
  const before = await fake.total();
  const r = await runLoad({ url: `${svc.url}/slack/events`, connections: Number(process.env.PROBE_CONNS ?? 50), seconds: Number(process.env.PROBE_SECONDS ?? 2), next: () => command("list", fake.responseBase), watch: [svc.child.pid!] });
  console.log(`burst: ${r.requests} requests acked, ${Math.round(r.rps)} req/s, p99 ${r.p99} ms`);
  for (let s = 0; s < Number(process.env.PROBE_WATCH_S ?? 30); s += 2) {
    await new Promise((res) => setTimeout(res, 2000));
    console.log(`+${s + 2}s: ${(await fake.total()) - before} Slack calls, RSS ${rssMb(svc.child.pid!)?.toFixed(0)} MB`);
  }
  console.log(svc.output().split("\n").filter((l) => !l.includes("FSTDEP") && !l.includes("trace-warnings")).slice(-12).join("\n").slice(0, 4000));
} finally {
  console.log("stop:", await stopChild(svc.child, 5000));
  await stopChild(fake.child);
  if (pg) await dropTestDatabase(url);
  rmSync(dir, { recursive: true, force: true });
}
