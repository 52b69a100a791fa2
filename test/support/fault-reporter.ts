// A vitest reporter (listed in vitest.config.ts) that writes the fault table at the end of the run, from
// the results of the tests declared with faultTest (test/support/fault-report.ts).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { faultRow, faultTable, type FaultRow } from "./fault-table.js";

const ROOT = join(import.meta.dirname, "../..");
/** Where the table goes; MEDIAOPS_FAULT_REPORT moves it (the reporter's own test runs a second vitest). */
const REPORT = process.env.MEDIAOPS_FAULT_REPORT ?? join(ROOT, "test-results/fault-report.md");

function rowsOf(modules: ReadonlyArray<TestModule>): FaultRow[] {
  const rows: FaultRow[] = [];
  for (const mod of modules) {
    const setupFailed = mod.state() === "failed" && mod.errors().length > 0;
    let found = 0;
    for (const test of mod.children.allTests()) {
      const meta = test.meta().fault;
      if (!meta) continue;
      found++;
      const result = test.result();
      const parentFailed = test.parent.type === "suite" && test.parent.state() === "failed";
      const row = faultRow({ meta, state: result.state, error: result.errors?.[0]?.message, setupFailed: setupFailed || parentFailed });
      if (row) rows.push(row);
    }
    // A file that failed before its tests were even collected still owes its scenarios: say so.
    if (found === 0 && mod.errors().length > 0 && existsSync(mod.moduleId) && readFileSync(mod.moduleId, "utf8").includes("faultTest(")) {
      rows.push({ fault: relative(ROOT, mod.moduleId), result: `FAILED: the file did not load (${mod.errors()[0]?.message ?? "error"})`, passed: false, maxLost: 0, maxDuplicated: 0 });
    }
  }
  return rows;
}

export default class FaultReporter implements Reporter {
  onInit(): void {
    rmSync(REPORT, { force: true });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = rowsOf(modules);
    if (rows.length === 0) return;
    const table = faultTable(rows);
    mkdirSync(join(REPORT, ".."), { recursive: true });
    writeFileSync(REPORT, table);
    const shown = REPORT.startsWith(ROOT) ? relative(ROOT, REPORT) : REPORT;
    console.log(`\nFault report (${shown}):\n${table}`);
  }
}
