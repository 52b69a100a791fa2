// One bounded autocannon run against POST /slack/events, with each request built and signed on the fly, while
// the resident set size (VmRSS) of the watched processes is sampled every 200 ms.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import type { SignedRequest } from "./requests.js";

/** VmRSS of a process in MB, or undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** What one run measured. */
export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** 1-minute load average when the run started. */
  load1: number;
  /** Peak VmRSS (MB) of each watched pid during the run. */
  peakRss: Map<number, number>;
}

/** Runs `connections` clients for `seconds` against `url`, each request from `next()`. */
export async function runLoad(opts: { url: string; connections: number; seconds: number; next: () => SignedRequest; watch: number[] }): Promise<LoadResult> {
  const peakRss = new Map<number, number>();
  const sample = () => {
    for (const pid of opts.watch) {
      const mb = rssMb(pid);
      if (mb !== undefined && mb > (peakRss.get(pid) ?? 0)) peakRss.set(pid, mb);
    }
  };
  sample();
  const sampler = setInterval(sample, 200);
  const load1 = loadavg()[0]!;
  try {
    const result = await autocannon({
      url: opts.url,
      connections: opts.connections,
      duration: opts.seconds,
      timeout: 10,
      method: "POST",
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const r = opts.next();
            return { ...req, method: "POST", body: r.body, headers: r.headers };
          },
        },
      ],
    });
    sample();
    const total = Object.values(result.statusCodeStats).reduce((s, c) => s + Number(c.count), 0);
    return {
      connections: opts.connections,
      requests: total,
      rps: total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors: result.errors,
      non2xx: result.non2xx,
      load1,
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}
