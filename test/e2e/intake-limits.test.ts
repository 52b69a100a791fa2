// Large bodies nobody signed: 20 concurrent unsigned 19 MB posts to /ingest/metrics (10 JSON, 10 CSV) and 10
// more with a fresh timestamp and a forged signature (5 JSON, 5 CSV), all at once, against the real service
// process. Each is refused (413 or 401), nothing is stored, and the service's memory stays bounded: the
// headers are checked before the body is read, JSON is held to 256 KB by its Content-Length, and a CSV upload
// is streamed into its HMAC and a temporary file instead of into memory. Memory is the child process's own
// peak resident set (VmHWM in /proc/<pid>/status, reset to the current RSS just before the burst by writing 5
// to /proc/<pid>/clear_refs), compared with its RSS at that moment. Before the limits every body was read
// whole first: 351 MB more for 20 posts.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { faultTest } from "../support/fault-report.js";
import { spawnService } from "../support/process.js";
import { tempDir } from "../support/service.js";

const SECRET = "intake-limits-secret";
/** The stated bound on the service's memory growth during the burst. */
const MAX_GROWTH_MB = 60;
const BIG = 19 * 1024 * 1024;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kb(status: string, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  if (!m) throw new Error(`no ${field} in /proc status`);
  return Number(m[1]);
}

function metricRows(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM MetricValue").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("large unsigned bodies", () => {
  faultTest("20 concurrent unsigned 19 MB posts (and 10 forged) to /ingest/metrics: refused, memory bounded", async (ledger) => {
    const dbFile = join(dir, "mediaops.db");
    const svc = await spawnService({ DATABASE_URL: `file:${dbFile}`, MEDIAOPS_INGEST_SECRET: SECRET });
    try {
      const url = `${svc.url}/ingest/metrics`;
      const ts = () => String(Math.floor(Date.now() / 1000));
      // Warm the route with one small signed post (a real import), so compiling it is not counted as growth.
      const small = JSON.stringify({ metrics: [{ platform: "douyin", account: "warm", metric: "reads", day: "2026-11-25", value: 1 }] });
      const t0 = ts();
      const warm = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-mediaops-timestamp": t0, "x-mediaops-signature": signIngest(SECRET, t0, small) }, body: small });
      expect(warm.status).toBe(200);
      const storedBefore = metricRows(dbFile);

      const json = Buffer.alloc(BIG, 0x20);
      json.write('{"metrics":[{"platform":"douyin","account":"forged","metric":"reads","day":"2026-11-25","value":1}]', 0);
      json.write("}", BIG - 1);
      const csv = Buffer.alloc(BIG, 0x0a);
      csv.write("platform,account,metric,day,value\ndouyin,forged,reads,2026-11-25,1\n", 0);
      const posts = [
        ...Array.from({ length: 10 }, (_, i) => ({ key: `unsigned json ${i}`, type: "application/json", body: json, signed: false })),
        ...Array.from({ length: 10 }, (_, i) => ({ key: `unsigned csv ${i}`, type: "text/csv", body: csv, signed: false })),
        ...Array.from({ length: 5 }, (_, i) => ({ key: `forged json ${i}`, type: "application/json", body: json, signed: true })),
        ...Array.from({ length: 5 }, (_, i) => ({ key: `forged csv ${i}`, type: "text/csv", body: csv, signed: true })),
      ];
      posts.forEach((p) => ledger.attempt(p.key));

      const proc = `/proc/${svc.child.pid}`;
      writeFileSync(`${proc}/clear_refs`, "5"); // peak RSS := current RSS
      const rssBefore = kb(readFileSync(`${proc}/status`, "utf8"), "VmRSS");
      const answers = await Promise.all(
        posts.map(async (p) => {
          const headers: Record<string, string> = { "content-type": p.type };
          if (p.signed) Object.assign(headers, { "x-mediaops-timestamp": ts(), "x-mediaops-signature": `v1=${"0".repeat(64)}` });
          const res = await fetch(url, { method: "POST", headers, body: p.body });
          await res.arrayBuffer();
          return { key: p.key, status: res.status };
        }),
      );
      const peak = kb(readFileSync(`${proc}/status`, "utf8"), "VmHWM");
      const growthMb = (peak - rssBefore) / 1024;
      console.log(`intake limits: RSS ${Math.round(rssBefore / 1024)} MB before, peak ${Math.round(peak / 1024)} MB during ${posts.length} large posts (+${growthMb.toFixed(1)} MB)`);

      for (const a of answers) if (a.status === 413 || a.status === 401) ledger.seen(a.key);
      expect(answers.filter((a) => a.status !== 413 && a.status !== 401)).toEqual([]);
      // Anything stored from these bodies is an effect nobody asked for.
      ledger.seen("metric rows stored from a refused body", metricRows(dbFile) - storedBefore);
      expect(growthMb, `the service grew ${growthMb.toFixed(1)} MB`).toBeLessThan(MAX_GROWTH_MB);
      // Still serving signed posts afterwards.
      const t1 = ts();
      expect((await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-mediaops-timestamp": t1, "x-mediaops-signature": signIngest(SECRET, t1, small) }, body: small })).status).toBe(200);
    } finally {
      svc.child.kill("SIGTERM");
      await svc.exited;
    }
  }, { timeout: 180_000 });
});
