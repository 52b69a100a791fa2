// Mutation testing (`npm run mutate`): StrykerJS changes the code of src/domain and src/app/kpi one small
// mutation at a time and runs the tests that cover it; a mutant no test notices points at a missing test.
// Not part of CI. How to run it, what it costs and the latest figures: docs/mutation.md. In short:
//   MEDIAOPS_MUTATE_TESTS=unit npx stryker run --mutate "src/domain/kpi/**/*.ts"
// Incremental: a run re-tests only mutants whose code or covering tests changed since the last run of the same
// scope. The full run keeps reports/mutation/incremental.json; a run narrowed with --mutate keeps its own file
// under reports/mutation/incremental/ (one report per scope), so a narrow run never wipes the full run's results.

/** The --mutate (-m) argument of this run, if narrowed. */
function narrowedTo(argv) {
  const i = argv.findIndex((a) => a === "--mutate" || a === "-m");
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith("--mutate="))?.slice("--mutate=".length);
}

const scope = narrowedTo(process.argv);
const slug = (s) => s.replace(/\*\*\/\*\.ts|\*\.ts|\.ts/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // vitest.mutate.config.ts: the unit tests (and the integration tests unless MEDIAOPS_MUTATE_TESTS=unit), run
  // in one worker thread kept for the whole run (test/support/warm-pool.ts).
  vitest: { configFile: "vitest.mutate.config.ts", related: true },
  mutate: ["src/domain/**/*.ts", "src/app/kpi/**/*.ts"],
  // Each mutant runs only the tests that executed its code in the first (coverage) run.
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: scope ? `reports/mutation/incremental/${slug(scope)}.json` : "reports/mutation/incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Two cores shared with everything else: one test runner at a time keeps the machine usable (-c 2 at most).
  concurrency: 1,
  // A mutant's covering unit tests take well under a second; a mutant that makes a loop endless (working-time
  // walks, Qn's pair loop) is stopped 10 s after the expected time instead of a minute, and counts as detected.
  timeoutMS: 10_000,
  // The first run with coverage of every test takes over Stryker's 5-minute default on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  // Static initialisers (label tables, schemas) would need every test re-run per mutant; measured instead by the tests of their users.
  ignoreStatic: true,
  thresholds: { high: 85, low: 70, break: null },
  cleanTempDir: "always",
};
