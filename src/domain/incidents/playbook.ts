// Incident playbooks as data (templates/playbooks/*.yaml): the schema, and a parser whose refusals name the
// file, the line and the field, so whoever edits a playbook can fix it without reading code.
import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { CORE_ROLES, RISK_TYPES, SEVERITIES } from "./vocabulary.js";

const ZLocalized = z.object({ "zh-CN": z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const ZKey = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "use lowercase letters, digits and _ (at most 32)");

/** A role the playbook needs beyond (or in addition to) the core ones. */
export const ZPlaybookRole = z.object({ id: ZKey, name: ZLocalized, required: z.boolean().default(false) }).strict();

/** One step: what to do, who does it, by when (minutes after declaration), and whether it blocks resolving. */
export const ZPlaybookStep = z
  .object({ id: ZKey, text: ZLocalized, role: ZKey, dueMinutes: z.number().int().min(0).max(60 * 24 * 30), blocking: z.boolean().default(false) })
  .strict();

/** A contact or resource to reach in an emergency (legal, PR, the platform's account manager, backup accounts). */
export const ZPlaybookContact = z
  .object({
    kind: z.enum(["legal", "pr", "platform_manager", "backup_account", "expert", "budget", "other"]),
    name: ZLocalized,
    detail: z.string().trim().min(1),
  })
  .strict();

/** A whole playbook as its file declares it. */
export const ZPlaybook = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "use lowercase letters, digits and - (at most 40)"),
    riskType: z.enum(RISK_TYPES),
    severities: z.array(z.enum(SEVERITIES)).min(1),
    name: ZLocalized,
    summary: ZLocalized,
    roles: z.array(ZPlaybookRole).default([]),
    steps: z.array(ZPlaybookStep).min(1),
    /** Minutes between status updates, per severity the playbook applies to. */
    updateCadence: z.partialRecord(z.enum(SEVERITIES), z.number().int().min(5).max(60 * 24 * 7)),
    contacts: z.array(ZPlaybookContact).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const roleIds = new Set<string>([...CORE_ROLES, ...p.roles.map((r) => r.id)]);
    const seen = new Set<string>();
    p.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `step id "${s.id}" is used twice`, params: problem({ code: "step_id_twice", id: s.id }) });
      seen.add(s.id);
      if (!roleIds.has(s.role)) {
        const known = [...roleIds];
        ctx.addIssue({ code: "custom", path: ["steps", i, "role"], message: `unknown role "${s.role}"; known: ${known.join(", ")}`, params: problem({ code: "unknown_role", role: s.role, known }) });
      }
    });
    for (const sev of p.severities) {
      if (p.updateCadence[sev] === undefined) ctx.addIssue({ code: "custom", path: ["updateCadence"], message: `no update cadence for ${sev}`, params: problem({ code: "no_cadence", severity: sev }) });
    }
  });
/** A validated playbook. */
export type TPlaybook = z.output<typeof ZPlaybook>;

/** Why a playbook file was refused: where, which field, what is wrong. */
export interface PlaybookError {
  file: string;
  line: number;
  field: string;
  /** The validator's sentence (English), for the log. */
  problem: string;
  /** What is wrong, as data, so chat can say it in the reader's language. */
  kind?: PlaybookProblem;
}

/** What is wrong with a playbook field, independent of language. */
export type PlaybookProblem =
  | { code: "syntax" }
  | { code: "wrong_type"; expected: string }
  | { code: "too_small"; limit: number }
  | { code: "too_big"; limit: number }
  | { code: "not_one_of"; options: string[] }
  | { code: "unknown_field" }
  | { code: "id_not_file_name"; expected: string }
  | { code: "defined_twice"; id: string }
  /** A step or role id not of lowercase letters, digits and _ (at most 32), starting with a letter. */
  | { code: "key_format" }
  /** The playbook's id not of lowercase letters, digits and - (at most 40), starting with a letter. */
  | { code: "id_format" }
  | { code: "step_id_twice"; id: string }
  | { code: "unknown_role"; role: string; known: string[] }
  | { code: "no_cadence"; severity: string }
  | { code: "other" };

/** A playbook rule's finding carries its problem as data in the issue's params, for {@link problemOf}. */
function problem(p: PlaybookProblem): { problem: PlaybookProblem } {
  return { problem: p };
}

/** The language-free kind of a validator finding. */
function problemOf(issue: z.core.$ZodIssue): PlaybookProblem {
  switch (issue.code) {
    case "invalid_type": return { code: "wrong_type", expected: String(issue.expected) };
    case "too_small": return { code: "too_small", limit: Number(issue.minimum) };
    case "too_big": return { code: "too_big", limit: Number(issue.maximum) };
    case "invalid_value": return { code: "not_one_of", options: issue.values.map(String) };
    case "unrecognized_keys": return { code: "unknown_field" };
    // The only formats checked are the two id patterns: the playbook's own id (top level), and step and role ids.
    case "invalid_format": return issue.path.length === 1 && issue.path[0] === "id" ? { code: "id_format" } : { code: "key_format" };
    case "custom": return (issue.params as { problem?: PlaybookProblem } | undefined)?.problem ?? { code: "other" };
    default: return { code: "other" };
  }
}

/** "file:line: field: problem", the one line an admin is shown. */
export function formatPlaybookError(e: PlaybookError): string {
  return `${e.file}:${e.line}: ${e.field}: ${e.problem}`;
}

/** The outcome of parsing one file. */
export type PlaybookParse = { ok: true; playbook: TPlaybook } | { ok: false; error: PlaybookError };

/** "steps.3.dueMinutes" as people read it: steps[3].dueMinutes. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "") || "(document)";
}

/** The line of the deepest node that exists along `path` (a missing field points at its parent). */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** Parses and validates one playbook file's text (YAML, or JSON, which is YAML too). */
export function parsePlaybook(file: string, text: string): PlaybookParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? lines.linePos(syntax.pos[0]).line;
    return { ok: false, error: { file, line, field: "(syntax)", problem: syntax.message.split("\n")[0]!, kind: { code: "syntax" } } };
  }
  const parsed = ZPlaybook.safeParse(doc.toJS());
  if (parsed.success) {
    const expected = file.replace(/^.*[\\/]/, "").replace(/\.(ya?ml|json)$/i, "");
    if (parsed.data.id !== expected) {
      return { ok: false, error: { file, line: lineOf(doc, lines, ["id"]), field: "id", problem: `must match the file name ("${expected}")`, kind: { code: "id_not_file_name", expected } } };
    }
    return { ok: true, playbook: parsed.data };
  }
  const issue = parsed.error.issues[0]!;
  // An unknown key has no node of its own in zod's path; point at it by name.
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const path = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
  return { ok: false, error: { file, line: lineOf(doc, lines, path), field: fieldName(path), problem: issue.message, kind: problemOf(issue) } };
}
