// The README's configuration section is what an operator reads to set the service up: every variable the
// service reads is there, and its tables render as tables (a blank line inside one split it, and the rows
// after it showed as a line of pipes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ZEnv } from "../../../src/config/env.js";

const README = readFileSync(join(import.meta.dirname, "../../../README.md"), "utf8");
/** Test-only switches the operator never sets. */
const NOT_FOR_OPERATORS = new Set(["MEDIAOPS_FAULT_INJECTION"]);

/** The lines of the section under `## title`, up to the next `## `. */
function section(title: string): string[] {
  const lines = README.split("\n");
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Runs of consecutive table lines ("| ... |"), each as it would be read: header, separator, rows. */
function tableBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.trimStart().startsWith("|")) (current ??= []).push(line);
    else if (current) blocks.push(current), (current = undefined);
  }
  if (current) blocks.push(current);
  return blocks;
}

describe("the README's configuration section", () => {
  const lines = section("Configuration");

  it("has only whole tables: a header, its separator, then rows", () => {
    const blocks = tableBlocks(lines);
    expect(blocks.length).toBeGreaterThan(0);
    const broken = blocks.filter((b) => b.length < 3 || !/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(b[1]!.trim())).map((b) => b[0]);
    expect(broken).toEqual([]);
  });

  it("names every environment variable the service reads", () => {
    const text = lines.join("\n");
    const missing = Object.keys(ZEnv.shape).filter((name) => !NOT_FOR_OPERATORS.has(name) && !new RegExp(`\`${name}[\`=]`).test(text));
    expect(missing).toEqual([]);
  });
});
