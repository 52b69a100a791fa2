// A small reader of Dockerfiles, enough for the deployment tests: instructions (continuation lines joined,
// comments dropped) grouped by build stage, ARG defaults substituted into FROM.
import { readFileSync } from "node:fs";

/** One instruction: its keyword (upper case) and the rest of the line. */
export interface Instruction {
  keyword: string;
  args: string;
}

/** One stage: its base image (ARGs resolved), its name, its instructions. */
export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Parses the Dockerfile at `path` into stages. */
export function readDockerfile(path: string): Stage[] {
  const lines = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === "ARG" && stages.length === 0) {
      const [name, value = ""] = rest.split("=");
      args.set(name!, value);
      continue;
    }
    if (upper === "FROM") {
      const resolved = rest.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => args.get((a ?? b)!) ?? "");
      const [, image = "", name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(resolved) ?? [];
      stages.push({ from: image, name, instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ keyword: upper, args: rest.replace(/\s+/g, " ") });
  }
  return stages;
}

/** The instructions of `stage` with `keyword`. */
export function all(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** ENV of a stage as a map (both `ENV A=1 B=2` and `ENV A 1`). */
export function envOf(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const args of all(stage, "ENV")) {
    if (!args.includes("=")) {
      const [name, ...value] = args.split(" ");
      env.set(name!, value.join(" "));
      continue;
    }
    for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env.set(m[1]!, m[2]!.replace(/^"|"$/g, ""));
  }
  return env;
}
