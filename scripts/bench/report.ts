// Machine facts and the markdown the benchmark prints and writes to docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import type { LoadResult } from "./load.js";

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim();
  } catch (err) {
    return `(${cmd} failed: ${String(err)})`;
  }
}

/** What the figures were measured on. */
export function machineFacts(): string {
  const model = cpus()[0]?.model ?? "?";
  const autocannon = (JSON.parse(readFileSync(new URL("../../node_modules/autocannon/package.json", import.meta.url), "utf8")) as { version: string }).version;
  const bolt = (JSON.parse(readFileSync(new URL("../../node_modules/@slack/bolt/package.json", import.meta.url), "utf8")) as { version: string }).version;
  return [
    "```",
    `$ uname -a\n${sh("uname", ["-a"])}`,
    `$ nproc\n${sh("nproc", [])}   (${model})`,
    `$ free -m\n${sh("free", ["-m"])}`,
    `$ node --version\n${process.version}`,
    `load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}`,
    `autocannon ${autocannon}, @slack/bolt ${bolt}`,
    "```",
  ].join("\n");
}

/** One measured row. */
export interface Row {
  target: "mediaops" | "bare Bolt";
  database: string;
  request: string;
  result: LoadResult;
  /** Our p99 over the bare app's for the same request and clients. */
  ratio?: number;
  /** Seconds from the end of the run until the fake Slack stopped receiving the work behind the acks. */
  drainS: number;
  /** Web API / response_url calls the fake received for this run (the work behind the acks). */
  calls: number;
  drained: boolean;
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
/** autocannon records whole milliseconds. */
const ms = (n: number) => (n < 1 ? "<1" : n.toFixed(0));

export function loadTable(rows: Row[]): string {
  const head = "| target | db | request | clients | acks/s | p50 ms | p99 ms | max ms | p99 ÷ bare | non-2xx / errors | load avg (1 min) at start | work behind the acks (one result per request) |\n|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|";
  const body = rows.map((r) => {
    const x = r.result;
    const work =
      r.target === "bare Bolt"
        ? "none (ack only)"
        : r.drained
          ? `${r.calls} results, all delivered ${f1(r.drainS)} s after the run`
          : `${r.calls} of ${x.requests} delivered ${f1(r.drainS)} s after the run${r.request.includes("propose") ? " (cards paced 1/s per channel)" : "; backlog dropped"}`;
    return `| ${r.target} | ${r.database} | ${r.request} | ${x.connections} | ${Math.round(x.rps)} | ${ms(x.p50)} | ${ms(x.p99)} | ${ms(x.max)} | ${r.ratio === undefined ? "–" : f2(r.ratio)} | ${x.non2xx} / ${x.errors} | ${f2(x.load1)} | ${work} |`;
  });
  return [head, ...body].join("\n");
}

export interface MemRow {
  process: string;
  idle: number;
  peak: number;
  idleAfter?: number;
}

export function memTable(rows: MemRow[]): string {
  const head = "| process | RSS idle after start | peak RSS under load | RSS idle after the load runs |\n|---|--:|--:|--:|";
  return [head, ...rows.map((r) => `| ${r.process} | ${f1(r.idle)} MB | ${f1(r.peak)} MB | ${r.idleAfter === undefined ? "–" : `${f1(r.idleAfter)} MB`} |`)].join("\n");
}
