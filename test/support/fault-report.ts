// The fault tests' table: faults injected, operations attempted, lost, duplicated. Each test file appends
// its rows to test-results/fault-report.md and prints them, so CI output carries the figures.
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FILE = join(import.meta.dirname, "../../test-results/fault-report.md");

/** One fault scenario's outcome. */
export interface FaultRow {
  fault: string;
  attempted: number;
  lost: number;
  duplicated: number;
}

/** Appends a row to the report (creating it with its header) and prints it. */
export function recordFault(row: FaultRow): void {
  mkdirSync(join(FILE, ".."), { recursive: true });
  if (!existsSync(FILE)) writeFileSync(FILE, "| fault injected | operations attempted | lost | duplicated |\n|---|---|---|---|\n");
  const line = `| ${row.fault} | ${row.attempted} | ${row.lost} | ${row.duplicated} |`;
  appendFileSync(FILE, `${line}\n`);
  console.log(`[fault report] ${line}`);
}
