// The suite's own discipline, checked on its sources: a test waits on events, never for a guessed time (a
// sleep followed by "nothing happened" passes falsely on a slow machine); no assertion measures elapsed wall
// time (benchmarks live in scripts/bench); nothing is skipped, left to do, or run alone. The one waiting
// primitive is until() in test/support/wait.ts; a service's own after-the-answer work is awaited with
// svc.idle() (src/service.ts).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const THIS_FILE = relative(ROOT, import.meta.filename);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts|mjs)$/.test(name) ? [p] : [];
  });
}

/** Every test source but this file (whose patterns would match themselves). */
const sources = files(join(ROOT, "test"))
  .map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, "utf8") }))
  .filter((f) => f.path !== THIS_FILE);

/** "path:line: text" for each line of `scope` matching `pattern`. */
function offenders(scope: (path: string) => boolean, pattern: RegExp): string[] {
  return sources
    .filter((f) => scope(f.path))
    .flatMap((f) => f.text.split("\n").flatMap((line, i) => (pattern.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])));
}

const everywhere = () => true;
const testFiles = (path: string) => path.endsWith(".test.ts");

describe("the suite waits on events, not on time", () => {
  it("finds the test sources", () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it("has no sleep: no promise resolved by a timer, no sleep() helper (until() in test/support/wait.ts is the one wait)", () => {
    const sleep = /new Promise\w*\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*setTimeout\(\s*\1\s*,|\bsleep\(|setTimeout\(\s*resolve\s*,|timers\/promises/;
    expect(offenders((p) => p !== "test/support/wait.ts", sleep)).toEqual([]);
  });

  it("asserts no elapsed wall time: no performance.now(), hrtime or Date.now() minus a start in a test", () => {
    expect(offenders(testFiles, /performance\.now\(|process\.hrtime|Date\.now\(\)\s*-\s*[A-Za-z_]|[A-Za-z_)]\s*-\s*Date\.now\(\)/)).toEqual([]);
  });

  it("skips nothing: no .skip, .todo, .only, skipIf or runIf", () => {
    expect(offenders(everywhere, /\b(it|test|describe|suite|ctx|context)\.(skip|todo|only|skipIf|runIf)\b|\.skip\(\)/)).toEqual([]);
  });
});
