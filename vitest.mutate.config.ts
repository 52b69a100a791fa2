// The tests Stryker runs against each mutant of src/domain and src/app/kpi (stryker.config.mjs): the unit and
// integration tests. MEDIAOPS_MUTATE_TESTS=unit: the unit tests alone, which cover src/domain and cost tens of
// milliseconds per mutant; the integration tests (a real service on SQLite per file) cover src/app/kpi and cost
// seconds. The end-to-end tests (real processes, a browser) cover the same code more slowly still.
import { defineConfig } from "vitest/config";
import { warmThreads } from "./test/support/warm-pool.js";

const unitOnly = process.env.MEDIAOPS_MUTATE_TESTS === "unit";
// MEDIAOPS_MUTATE_COLD=1: vitest's own pool, a new thread per mutant (slow; to compare results with the warm pool).
const cold = process.env.MEDIAOPS_MUTATE_COLD === "1";

export default defineConfig({
  plugins: cold ? [] : [warmThreads()],
  test: {
    include: unitOnly ? ["test/unit/**/*.test.ts"] : ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    // The fault-table tests run a second vitest over fixtures, and the architecture tests read files:
    // neither tests the mutated code.
    exclude: ["test/unit/support/**", "test/unit/architecture/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One thread for the whole Stryker run, modules shared between test files (a mutant then costs its tests).
    isolate: false,
    maxWorkers: 1,
    // The kept thread starts each run with no mutant active while the modules load, as a new thread would.
    setupFiles: cold ? [] : ["test/support/warm-pool-setup.ts"],
  },
});
