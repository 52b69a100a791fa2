// The whole path, run as a second vitest over scenario files made to fail (test/fixtures/fault-table): the
// run exits non-zero and the table marks each failure, including a file that never loads and a setup that fails.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "fault-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runFixtures(pattern: string): Promise<{ code: number | null; report: string }> {
  const report = join(dir, `${pattern.replace(/\W/g, "_")}.md`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "test/fixtures/fault-table/vitest.config.ts"], {
      cwd: ROOT,
      env: { ...process.env, MEDIAOPS_FAULT_REPORT: report, FAULT_FIXTURES: pattern, CI: "true" },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve({ code, report: readFileSync(report, "utf8") }));
  });
}

describe("the fault table of a run", () => {
  it("fails the run and marks every broken scenario FAILED", async () => {
    const { code, report } = await runFixtures("*.scenario.ts");
    expect(code).toBe(1);
    const rows = Object.fromEntries(report.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| fault")).map((l) => [l.split(" | ")[0]!.slice(2), l]));
    expect(rows["loses one of two"]).toMatch(/\| FAILED: lost .*dropped.* \| 2 \| 1 \| 0 \|$/);
    expect(rows["sends one twice"]).toMatch(/\| FAILED: duplicated .*twice ×2.* \| 1 \| 0 \| 1 \|$/);
    expect(rows["throws before it counts"]).toContain("| FAILED: the fake platform never answered | 1 | 1 | 0 |");
    expect(rows["never reaches its row"]).toContain("| FAILED: did not run");
    expect(rows["test/fixtures/fault-table/unloadable.scenario.ts"]).toContain("| FAILED: the file did not load");
    expect(rows["healthy: 3 cards, each seen once"]).toContain("| passed | 3 | 0 | 0 |");
    expect(rows["bounded: 1 of 2 may be lost"]).toContain("| passed | 2 | 1 (≤ 1 allowed) | 0 |");
    expect(report).toContain("5 of 7 fault scenarios FAILED.");
  }, 120_000);

  it("passes a run whose scenarios all hold", async () => {
    const { code, report } = await runFixtures("healthy.scenario.ts");
    expect(code).toBe(0);
    expect(report).toContain("All 2 fault scenarios passed");
  }, 120_000);
});
