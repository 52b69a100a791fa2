// Fault scenarios and the fault table. A scenario is a test written with `faultTest`: it records what it
// attempted and what a user could see afterwards in a FaultLedger, and the test itself asserts lost = 0 and
// duplicated = 0 (or the bound it states). The table (test-results/fault-report.md, printed at the end of
// `npm test`) is written by test/support/fault-reporter.ts from those tests' results: a scenario whose
// assertions failed, that threw before counting, or whose file never ran shows as FAILED, and since it is
// a failed test it fails the run. How to write one: docs/developing.md, "Fault scenarios".
import { expect, it, type TestContext } from "vitest";
import { FaultLedger, type FaultCounts } from "./fault-ledger.js";

export { FaultLedger } from "./fault-ledger.js";

/** What a fault test leaves on its task for the reporter: its name, bounds, and the figures it counted. */
export interface FaultMeta extends Partial<FaultCounts> {
  fault: string;
  maxLost: number;
  maxDuplicated: number;
  /** Set once the scenario's own assertions on lost and duplicated passed. */
  checked: boolean;
}

declare module "@vitest/runner" {
  interface TaskMeta {
    fault?: FaultMeta;
  }
}

/** Bounds and timeout of a scenario. A bound above zero must be stated in the fault's own words. */
export interface FaultTestOptions {
  timeout?: number;
  /** Operations that may be lost (default 0). */
  maxLost?: number;
  /** Extra effects allowed (default 0). */
  maxDuplicated?: number;
}

/**
 * Declares a fault scenario: a test named `fault` (the row's first cell) that runs `body` with a fresh ledger,
 * then asserts the ledger's lost and duplicated against the bounds. Whatever `body` counted before it threw
 * still reaches the table, marked FAILED.
 */
export function faultTest(fault: string, body: (ledger: FaultLedger, ctx: TestContext) => Promise<void>, opts: FaultTestOptions = {}): void {
  const meta: FaultMeta = { fault, maxLost: opts.maxLost ?? 0, maxDuplicated: opts.maxDuplicated ?? 0, checked: false };
  it(fault, { timeout: opts.timeout, meta: { fault: meta } }, async (ctx) => {
    const ledger = new FaultLedger();
    const own = ctx.task.meta.fault!;
    try {
      await body(ledger, ctx);
    } finally {
      Object.assign(own, ledger.counts());
    }
    const counts = ledger.counts();
    const detail = ledger.detail();
    expect(counts.attempted, "a fault scenario must attempt something (ledger.attempt)").toBeGreaterThan(0);
    expect(counts.lost, `lost (attempted, never seen): ${detail.lost.join(", ")}`).toBeLessThanOrEqual(own.maxLost);
    expect(counts.duplicated, `duplicated (seen more than once, or never attempted): ${detail.duplicated.join(", ")}`).toBeLessThanOrEqual(own.maxDuplicated);
    own.checked = true;
  });
}
