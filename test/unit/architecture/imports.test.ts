// The one rule, on the real module graph: dependency-cruiser resolves every import (static, dynamic, side-effect
// and type-only; npm packages and Node built-ins) and checks it against the directions written once in
// .dependency-cruiser.cjs. A miniature with planted wrong-way imports proves each rule fires.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const FIXTURE = join(ROOT, "test/fixtures/import-rules");

/** "rule: from → to" for each violation, the way a reader fixes it. */
const lines = (violations: readonly IViolation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const options = await extractDepcruiseOptions(join(ROOT, ".dependency-cruiser.cjs"));
  const tsConfig = extractTSConfig(join(ROOT, "tsconfig.json"));
  const { output } = await cruise(roots, { ...options, baseDir, validate: true }, undefined, { tsConfig });
  return lines((output as ICruiseResult).summary.violations);
}

describe("import direction (dependency-cruiser, .dependency-cruiser.cjs)", () => {
  it("holds for src, templates and commands", async () => {
    const found = await violations(ROOT, ["src", "templates", "commands"]);
    expect(found, `wrong-way imports:\n${found.join("\n")}`).toEqual([]);
  }, 120_000);

  it("catches each kind of wrong-way import in a planted miniature", async () => {
    expect(await violations(FIXTURE, ["src", "templates"])).toEqual([
      "app-knows-no-adapter: src/app/calls-adapter.ts → src/adapters/slack/index.ts",
      "chart-renderer-loaded-on-use: src/adapters/console/draws-eagerly.ts → src/adapters/charts/render-chart.ts",
      "domain-is-pure: src/domain/types-from-db.ts → src/db/client.ts",
      "domain-no-node-builtins: src/domain/reads-files.ts → fs",
      expect.stringMatching(/^domain-uses-pure-packages-only: src\/domain\/uses-pg\.ts → .*node_modules\/pg\//),
      "messaging-is-the-contract: src/messaging/lazy-db.ts → src/db/client.ts",
      "templates-and-commands-stay-pure: templates/registers-slack.ts → src/adapters/slack/index.ts",
    ]);
  }, 120_000);

  it("the domain never reads the clock itself", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
      });
    const offenders = files(join(ROOT, "src/domain")).filter((f) => /Date\.now\(|new Date\(\)/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
