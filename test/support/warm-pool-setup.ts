// A setup file of the warm pool (test/support/warm-pool.ts), run after Stryker's own before each test file is
// imported. In a new thread no mutant is active while the modules load, unless Stryker asked for a "static"
// activation; in the kept thread the previous mutant's id is still set, so a table built at module load would be
// built with the previous mutant in it. Put the thread back in a new thread's state.
import { inject } from "vitest";

const ns = (globalThis as Record<string, { activeMutant?: string } | undefined>)[inject("globalNamespace" as never) as string];
const isStaticMutantRun = (inject("mode" as never) as string) === "mutant" && (inject("mutantActivation" as never) as string) === "static";
if (ns && !isStaticMutantRun) ns.activeMutant = undefined;
