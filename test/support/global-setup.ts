// Runs once around the whole suite: starts the fault report afresh and prints it at the end.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const REPORT = join(import.meta.dirname, "../../test-results/fault-report.md");

export function setup(): void {
  rmSync(REPORT, { force: true });
}

export function teardown(): void {
  if (existsSync(REPORT)) console.log(`\nFault report (test-results/fault-report.md):\n${readFileSync(REPORT, "utf8")}`);
}
