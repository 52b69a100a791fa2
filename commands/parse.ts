// Text → a registered command with validated arguments, or a specific, localizable refusal.
import type { z } from "zod";
import { AppError } from "../src/domain/errors.js";
import { ALL_COMMANDS, type ParsedCommand } from "./registry.js";
import type { CommandSpec } from "./spec.js";
import { tokenize } from "./tokenize.js";

/** Strips the leading slash (or ／) and an optional "mediaops" prefix, and splits off the first word. */
export function splitCommandWords(text: string): string[] {
  const trimmed = text.trim().replace(/^[/／]/, "");
  const words = trimmed.split(/[\s\u3000]+/).filter(Boolean);
  if (words[0]?.toLowerCase() === "mediaops") words.shift();
  return words;
}

/** The spec whose words start `words`, longest match first. */
function findSpec(words: string[]): CommandSpec | undefined {
  const lower = words.map((w) => w.toLowerCase());
  return [...ALL_COMMANDS]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => lower[i] === w));
}

/** Parses command text. A root with subcommands typed alone ("/topic") or "/topic help" is help for that root. */
export function parseCommand(text: string): ParsedCommand {
  const words = splitCommandWords(text);
  if (words.length === 0) return { id: "help", args: {} };
  const root = words[0]!.toLowerCase();
  const sub = words[1]?.toLowerCase();
  const isRoot = ALL_COMMANDS.some((c) => c.words[0] === root);
  const hasSubcommands = ALL_COMMANDS.some((c) => c.words[0] === root && c.words.length > 1);
  if (hasSubcommands && (sub === undefined || sub === "help")) return { id: "help", args: { topic: root } };
  const spec = findSpec(words);
  const lower = words.map((w) => w.toLowerCase());
  if (!spec && ALL_COMMANDS.some((c) => c.words.length > lower.length && lower.every((w, i) => c.words[i] === w))) {
    return { id: "help", args: { topic: lower.join(" ") } }; // a command group typed alone: "/review chain"
  }
  if (!spec) {
    if (isRoot) throw new AppError("command.unknown_subcommand", { root, word: sub ?? "", known: subcommandsOf(root) });
    throw new AppError("command.unknown", { word: root });
  }
  const rest = text.trim().replace(/^[/／]/, "").replace(/^mediaops\s+/i, "");
  const newline = rest.indexOf("\n");
  const [firstLine, body] = spec.acceptsBody && newline >= 0 ? [rest.slice(0, newline), rest.slice(newline + 1)] : [rest, undefined];
  const afterWords = stripWords(firstLine, spec.words.length);
  return { id: spec.id, args: parseArgs(spec, afterWords, body) } as ParsedCommand;
}

/** The subcommands under a root as typed ("/topic propose, /topic list"), for "did you mean" lists. */
export function subcommandsOf(root: string): string {
  return [...new Set(ALL_COMMANDS.filter((c) => c.words[0] === root && c.words[1]).map((c) => `/${root} ${c.words[1]}`))].join(", ");
}

function stripWords(text: string, count: number): string {
  let s = text.trimStart();
  for (let i = 0; i < count; i++) s = s.replace(/^\S+[\s\u3000]*/, "");
  return s;
}

/** Maps words and options onto the spec's arguments and validates them. */
function parseArgs(spec: CommandSpec, text: string, body?: string): unknown {
  const { words, options } = tokenize(text);
  const raw: Record<string, string> = body === undefined ? {} : { body };
  let i = 0;
  for (const p of spec.positionals) {
    if (i >= words.length) break;
    raw[p.name] = p.rest ? words.slice(i).join(" ") : words[i]!;
    i = p.rest ? words.length : i + 1;
  }
  if (i < words.length) throw new AppError("command.extra_words", { words: words.slice(i).join(" "), usage: spec.usage });
  const known = spec.options.map((o) => o.name);
  for (const [name, value] of options) {
    if (!known.includes(name)) {
      throw new AppError("command.unknown_option", { option: name, known: known.map((k) => `--${k}`).join(" ") || "-" });
    }
    if (value === "") throw new AppError("command.option_needs_value", { option: name });
    raw[name] = value;
  }
  const parsed = (spec.args as z.ZodType).safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const arg = String(issue.path[0] ?? "");
  if (issue.code === "invalid_type" && raw[arg] === undefined) throw new AppError("command.missing_arg", { arg, usage: spec.usage });
  const params = (issue as { params?: Record<string, string | number> }).params ?? {};
  if (/^[a-z]+\.[a-z_]+$/.test(issue.message)) throw new AppError(issue.message, { arg, value: raw[arg] ?? "", ...params });
  throw new AppError("command.bad_value", { arg, value: raw[arg] ?? "", usage: spec.usage });
}
