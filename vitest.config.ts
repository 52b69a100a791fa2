import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The fault reporter writes test-results/fault-report.md from the fault scenarios' own results.
    reporters: ["default", "./test/support/fault-reporter.ts"],
  },
});
