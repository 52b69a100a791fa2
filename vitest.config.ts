import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hang guards, not measurements: nothing in the suite asserts elapsed time (benchmarks live in scripts/).
    // Seven people share two cores; a real process start can take half a minute, so the guards are generous.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // The fault reporter writes test-results/fault-report.md from the fault scenarios' own results.
    reporters: ["default", "./test/support/fault-reporter.ts"],
  },
});
