// Every refusal the code can raise has a message in both languages.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../../templates/strings/errors.js";

const ROOT = join(import.meta.dirname, "../../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const codes = new Set<string>();
for (const f of ["src", "commands", "templates"].flatMap((d) => files(join(ROOT, d)))) {
  const text = readFileSync(f, "utf8");
  for (const m of text.matchAll(/AppError\(\s*"([a-z_]+\.[a-z_]+)"/g)) codes.add(m[1]!);
  for (const m of text.matchAll(/message:\s*"([a-z_]+\.[a-z_]+)"/g)) codes.add(m[1]!);
}

describe("error catalogue", () => {
  it("finds the codes in the sources", () => {
    expect(codes.size).toBeGreaterThan(30);
  });
  it.each(["en", "zh-CN"] as const)("has a %s message for every code", (locale) => {
    const missing = [...codes].filter((c) => !ERROR_MESSAGES[locale][c]);
    expect(missing).toEqual([]);
  });
  it("has the same codes in both languages", () => {
    expect(Object.keys(ERROR_MESSAGES.en).sort()).toEqual(Object.keys(ERROR_MESSAGES["zh-CN"]).sort());
  });
});
