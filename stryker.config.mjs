// Mutation testing (`npm run mutate`): StrykerJS changes the code of src/domain and src/app/kpi one small
// mutation at a time and runs the tests that cover it; a mutant no test notices points at a missing test.
// Not part of CI (it takes a long while on two cores). Incremental: results are kept in
// reports/mutation/incremental.json, so a second run only re-tests what changed. Narrower runs:
//   npx stryker run --mutate "src/domain/topics/**/*.ts"
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: true },
  mutate: ["src/domain/**/*.ts", "src/app/kpi/**/*.ts"],
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Two cores shared with everything else: one test runner at a time keeps the machine usable.
  concurrency: 1,
  timeoutMS: 60_000,
  // The first run with coverage of every test takes over Stryker's 5-minute default on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  // Static initialisers (label tables, schemas) would need every test re-run per mutant; measured instead by the tests of their users.
  ignoreStatic: true,
  thresholds: { high: 85, low: 70, break: null },
  cleanTempDir: "always",
};
