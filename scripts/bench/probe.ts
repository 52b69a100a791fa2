// Manual probe (not run by npm run bench): the fake and one service (PROBE_DB=pg for PostgreSQL), N sequential
// signed /topic list requests (PROBE_N, default 5), ack times, then the service's log tail. PROBE_PROF=<dir>
// writes the service's CPU profile there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../test/support/postgres.js";
import { startFakeSlackProc, startMediaops, stopChild } from "./procs.js";
import { command } from "./requests.js";

const fake = await startFakeSlackProc();
const pg = process.env.PROBE_DB === "pg";
const n = Number(process.env.PROBE_N ?? 5);
const dir = mkdtempSync(join(tmpdir(), "mediaops-probe-"));
const url = pg ? await createTestDatabase() : `file:${join(dir, "probe.db")}`;
const svc = await startMediaops(fake.apiUrl, url, process.env.PROBE_PROF).catch(async (err: unknown) => {
  await stopChild(fake.child);
  if (pg) await dropTestDatabase(url);
  throw err;
});
try {
  const acks: number[] = [];
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const r = command(process.env.PROBE_TEXT ?? "list", fake.responseBase);
    const t0 = performance.now();
    const res = await fetch(`${svc.url}/slack/events`, { method: "POST", headers: r.headers, body: r.body });
    await res.text();
    acks.push(performance.now() - t0);
  }
  const wall = performance.now() - t;
  while ((await fake.total()) < n + 1) await new Promise((r) => setTimeout(r, 100));
  const all = performance.now() - t;
  acks.sort((a, b) => a - b);
  console.log(`${n} acks in ${wall.toFixed(0)} ms, all work done after ${all.toFixed(0)} ms (${(all / n).toFixed(1)} ms/request); ack p50 ${acks[Math.floor(n / 2)]!.toFixed(1)} max ${acks.at(-1)!.toFixed(1)}`);
  console.log(svc.output().slice(-1500));
} finally {
  console.log("stop:", await stopChild(svc.child, 30_000));
  await stopChild(fake.child);
  if (pg) await dropTestDatabase(url);
  rmSync(dir, { recursive: true, force: true });
}
