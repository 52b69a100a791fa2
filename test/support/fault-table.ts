// The fault table's rows and markdown, from vitest's results (pure, so test/unit/support checks it).
import type { FaultMeta } from "./fault-report.js";

/** One row: a scenario, whether it passed its own assertions, and its figures (absent when never counted). */
export interface FaultRow {
  fault: string;
  /** "passed", or why it failed. */
  result: string;
  passed: boolean;
  attempted?: number;
  lost?: number;
  duplicated?: number;
  maxLost: number;
  maxDuplicated: number;
}

/** The state of one fault test as vitest reports it. */
export interface FaultTestResult {
  meta: FaultMeta;
  state: "passed" | "failed" | "skipped" | "pending";
  /** The first error's message, for a failed test. */
  error?: string;
  /** The test was skipped because its file or suite failed around it (not filtered out by the user). */
  setupFailed?: boolean;
}

/** The row for a test result; null for a test the user filtered out. */
export function faultRow(r: FaultTestResult): FaultRow | null {
  const { fault, maxLost, maxDuplicated, attempted, lost, duplicated, checked } = r.meta;
  const base = { fault, maxLost, maxDuplicated, attempted, lost, duplicated };
  if (r.state === "skipped" && !r.setupFailed) return null;
  if (r.state === "passed" && checked) return { ...base, result: "passed", passed: true };
  const why =
    r.state === "failed" ? (r.error ?? "failed") : r.state === "pending" ? "did not finish" : r.state === "skipped" ? "did not run: its file or suite failed first" : "never reached its lost/duplicated assertions";
  return { ...base, result: `FAILED: ${why}`, passed: false };
}

function cell(text: string): string {
  const line = text.split("\n").find((l) => l.trim()) ?? text;
  const short = line.length > 140 ? `${line.slice(0, 139)}…` : line;
  return short.replace(/\|/g, "\\|").trim();
}

function figure(n: number | undefined, max: number): string {
  if (n === undefined) return "–";
  return max > 0 ? `${n} (≤ ${max} allowed)` : String(n);
}

/** The markdown table: one row per scenario, failures first so a red run is read from the top. */
export function faultTable(rows: readonly FaultRow[]): string {
  const sorted = [...rows].sort((a, b) => Number(a.passed) - Number(b.passed));
  const lines = sorted.map((r) => `| ${cell(r.fault)} | ${cell(r.result)} | ${r.attempted ?? "–"} | ${figure(r.lost, r.maxLost)} | ${figure(r.duplicated, r.maxDuplicated)} |`);
  const failed = rows.filter((r) => !r.passed).length;
  const summary = failed ? `${failed} of ${rows.length} fault scenarios FAILED.` : `All ${rows.length} fault scenarios passed their own lost and duplicated assertions.`;
  return ["| fault injected | result | operations attempted | lost | duplicated |", "|---|---|---|---|---|", ...lines, "", summary, ""].join("\n");
}
