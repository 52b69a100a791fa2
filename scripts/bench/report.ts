// Machine facts and the markdown the benchmark prints and writes to docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { percentile, type RowResult } from "./clients.js";

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
  const bolt = (JSON.parse(readFileSync(new URL("../../node_modules/@slack/bolt/package.json", import.meta.url), "utf8")) as { version: string }).version;
  return [
    "```",
    `$ uname -a\n${sh("uname", ["-a"])}`,
    `$ nproc\n${sh("nproc", [])}   (${model})`,
    `$ free -m\n${sh("free", ["-m"])}`,
    `$ node --version\n${process.version}`,
    `load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}`,
    `@slack/bolt ${bolt}`,
    "```",
  ].join("\n");
}

/** One measured row. */
export interface Row {
  target: "mediaops" | "bare Bolt";
  /** "SQLite", "PostgreSQL ×2" (replicas), or "–". */
  database: string;
  request: string;
  result: RowResult;
  /** The 1-minute load average when the row started. */
  load1: number;
  /** Our ack p99 over the bare app's for the same request and clients. */
  ratio?: number;
  /** CPU time (user + system) the target's processes spent during the row, in ms. */
  cpuMs?: number;
}

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
/** Milliseconds: one decimal below 10, whole above. */
const ms = (n: number) => (!Number.isFinite(n) ? "–" : n < 10 ? n.toFixed(1) : n.toFixed(0));

/** Completed commands a second over the row (acks a second for the bare app). */
export function rate(r: Row): number {
  const x = r.result;
  return (r.target === "bare Bolt" ? x.acked : x.completed) / (x.spanS || NaN);
}

export function loadTable(rows: Row[]): string {
  const head = [
    "| target | db | request | clients | requests | completed/s | end-to-end p50 ms | end-to-end p99 ms | ack p50 ms | ack p99 ms | ack p99 ÷ bare | refused / missing / errors | work after the last request (s) | CPU ms per request | load avg (1 min) at start |",
    "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ].join("\n");
  const body = rows.map((r) => {
    const x = r.result;
    const bare = r.target === "bare Bolt";
    return `| ${r.target} | ${r.database} | ${r.request} | ${x.clients} | ${x.sent} | ${rate(r).toFixed(0)} | ${bare ? "–" : ms(percentile(x.e2eMs, 50))} | ${bare ? "–" : ms(percentile(x.e2eMs, 99))} | ${ms(percentile(x.ackMs, 50))} | ${ms(percentile(x.ackMs, 99))} | ${r.ratio === undefined ? "–" : f2(r.ratio)} | ${bare ? "–" : x.refused} / ${bare ? "–" : x.missing} / ${x.ackErrors} | ${bare ? "–" : x.tailS.toFixed(1)} | ${r.cpuMs === undefined ? "–" : ms(r.cpuMs / Math.max(1, bare ? x.sent : x.completed))} | ${r.load1.toFixed(2)} |`;
  });
  return [head, ...body].join("\n");
}

export interface MemRow {
  process: string;
  idle: number;
  peak: number;
  idleAfter?: number;
}

const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "–" : `${n.toFixed(1)} MB`);

export function memTable(rows: MemRow[]): string {
  const head = "| process | RSS idle after start | peak RSS under load | RSS idle after the load runs |\n|---|--:|--:|--:|";
  return [head, ...rows.map((r) => `| ${r.process} | ${f1(r.idle)} | ${f1(r.peak)} | ${f1(r.idleAfter)} |`)].join("\n");
}
