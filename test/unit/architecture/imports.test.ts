// The one rule: the domain, the messaging contract, templates and commands import no SDK, no Prisma, no adapter.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const PURE = ["src/domain", "src/messaging", "templates", "commands"];
const FORBIDDEN = [/@prisma\//, /generated\/prisma/, /@slack\//, /@larksuiteoapi\//, /better-sqlite3/, /fastify/, /\/adapters\//, /\/app\//, /\/db\//, /node:fs/, /node:http/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("import direction", () => {
  for (const dir of PURE) {
    it(`${dir} stays free of I/O, SDKs and adapters`, () => {
      const offenders = files(join(ROOT, dir)).flatMap((f) => {
        const imports = [...readFileSync(f, "utf8").matchAll(/^\s*(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
        return imports.filter((i) => FORBIDDEN.some((re) => re.test(i))).map((i) => `${f.slice(ROOT.length + 1)} imports ${i}`);
      });
      expect(offenders).toEqual([]);
    });
  }
  it("the domain never reads the clock itself", () => {
    const offenders = files(join(ROOT, "src/domain")).filter((f) => /Date\.now\(|new Date\(\)/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
