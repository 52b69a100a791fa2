// The tests Stryker runs against each mutant of src/domain and src/app/kpi (stryker.config.mjs): unit and
// integration tests. The end-to-end tests (real processes, a browser) cover the same code more slowly.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // MEDIAOPS_MUTATE_TESTS=unit: the unit tests alone (much quicker; enough for src/domain).
    include: process.env.MEDIAOPS_MUTATE_TESTS === "unit" ? ["test/unit/**/*.test.ts"] : ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    // The fault-table test runs a second vitest over fixtures: not a test of the mutated code.
    exclude: ["test/unit/support/**", "test/unit/architecture/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One worker kept warm across runs: each mutant's run then costs its tests, not a fresh start.
    pool: "threads",
    isolate: false,
    maxWorkers: 1,
  },
});
