// Finds the code's own words in text a person reads: snake_case codes, lower-case enum values and English code
// words in a zh-CN text, and validator (zod) messages in either language. Used by test/words/*.test.ts.
import { ALL_COMMANDS } from "../../commands/registry.js";
import type { Card } from "../../src/messaging/card.js";

/** Every text a person can read on a card, one entry per line (buttons and prompts included). */
export function readableTexts(card: Card): string[] {
  const texts = [card.title];
  for (const b of card.blocks) {
    if (b.type === "text" || b.type === "context" || b.type === "outcome") texts.push(b.text);
    else if (b.type === "list") texts.push(...b.items);
    else if (b.type === "fields") texts.push(...b.fields.flatMap((f) => [f.label, f.value]));
    else if (b.type === "actions") texts.push(...b.buttons.flatMap((x) => [x.label, ...(x.reasonPrompt ? [x.reasonPrompt] : [])]));
    else if (b.type === "link") texts.push(b.label);
  }
  texts.push(card.fallbackText);
  return texts.flatMap((t) => t.split("\n"));
}

// Words of the command syntax a person types (/topic propose, --platform): code the help rightly shows.
const COMMAND_WORDS = new Set(ALL_COMMANDS.flatMap((c) => [...c.words, "mediaops"]));
const OPTION_NAMES = new Set(ALL_COMMANDS.flatMap((c) => c.options.map((o) => o.name)));

/**
 * Terms a zh-CN text may carry as they are: acronyms and proper names Chinese teams write in Latin letters,
 * and the formats a person is asked to type (YYYY-MM-DD).
 */
const ALLOWED_TERMS = [
  /\bSEV[1-4](?:-4)?\b/g, /\bP\d{2}\b/g, /\bKPI\b/g, /\bSLA\b/g, /\bCSV\b/g, /\bGBK\b/g, /\bUTF-8\b/g, /\bJSON\b/g, /\bYAML\b/g,
  /\bH5\b/g, /\bID\b/g, /\bURL\b/g, /\bIANA\b/g, /\bAPI\b/g, /\bPNG\b/g, /\bROI\b/g, /\bLTV\b/g, /\bCTR\b/g, /\bPR\b/g,
  /\bYYYY-MM-DD\b/g, /\bHH:mm\b/g, /\bMM-DD\b/g, /\bSlack\b/g, /\bFeishu\b/g, /\bLark\b/g, /\bWeCom\b/g,
];

/** Ids and handles: @chen.jie, #12, R5, v2, 2h/90m/30d, Asia/Shanghai, file names, links and mail addresses. */
const ID_PATTERNS = [
  /https?:\/\/\S+/g, /[\w.+-]+@[\w-]+\.[\w.]+/g, /\bgh_[0-9a-z]+\b/g, /\bnpx tsx\b/g, /@[\w.\-]+/g, /#[\w-]+/g, /\bR\d+\b/g, /\bv\d+\b/g,
  /\b[A-Z0-9]{8,12}\b/g, /\b\d+(?:\.\d+)?(?:h|m|d|ms|s|k|w|万)\b/g, /\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, /[^\s：:]*\.(?:ya?ml|csv|json|png|ts|xlsx)\b/g,
];

/** A command as typed: "/topic propose" and every known word after it; "--option". */
function stripCommandSyntax(text: string): string {
  let out = text.replace(/[/／]([a-z]+)((?:\s+[a-z_-]+)*)/g, (whole, root: string, rest: string) => {
    if (!COMMAND_WORDS.has(root)) return whole;
    const words = rest.trim().split(/\s+/).filter(Boolean);
    let n = 0;
    while (n < words.length && COMMAND_WORDS.has(words[n]!)) n++;
    return " " + words.slice(n).join(" ");
  });
  out = out.replace(/(?:--|—)([a-z][a-z_-]*)/g, (whole, name: string) => (OPTION_NAMES.has(name) ? " " : whole));
  return out;
}

/** Options for one text. */
export interface RawWordOptions {
  /** Strings the person or the team wrote (titles, names, notes): never flagged, whatever their letters. */
  userContent?: readonly string[];
}

/** The raw identifiers in a zh-CN text: each word in Latin letters that is not an id, a term or user content. */
export function rawIdentifiersZh(text: string, opts: RawWordOptions = {}): string[] {
  let rest = text;
  for (const p of ID_PATTERNS) rest = rest.replace(p, " ");
  rest = stripCommandSyntax(rest);
  for (const u of [...(opts.userContent ?? [])].sort((a, b) => b.length - a.length)) if (u) rest = rest.split(u).join(" ");
  for (const p of ALLOWED_TERMS) rest = rest.replace(p, " ");
  return [...rest.matchAll(/[A-Za-z][A-Za-z0-9_]*(?:[._-][A-Za-z0-9]+)*/g)].map((m) => m[0]).filter((w) => w.length >= 2 || /_/.test(w));
}

/** zod's own sentences (v3 and v4), which must never reach a person raw. */
const VALIDATOR_PATTERNS = [
  /\bInvalid (?:input|type|option|enum value|literal|string|url|email|uuid|date|union|arguments|return type|key|element)\b/i,
  /\bToo (?:big|small):/i, /\bexpected (?:string|number|boolean|object|array|bigint|date|undefined|null|one of)\b/i,
  /\bString must contain\b/i, /\bNumber must be\b/i, /\bArray must contain\b/i, /\bUnrecognized key/i, /^Required$/,
  /\breceived (?:undefined|null|string|number|object|array|boolean|NaN)\b/i,
];

/** The validator sentence inside `text`, if any (either language). */
export function validatorMessage(text: string): string | undefined {
  for (const p of VALIDATOR_PATTERNS) {
    const m = p.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** One finding: what produced it (a template id, an error code, "help", "refusal"), where exactly, the text, the words. */
export interface RawWordFinding {
  source: string;
  where: string;
  text: string;
  words: string[];
}

/** Checks the lines of one message: zh-CN lines for raw identifiers, every line for validator sentences. */
export function findRawWords(source: string, where: string, lines: readonly string[], locale: "zh-CN" | "en", opts: RawWordOptions = {}): RawWordFinding[] {
  const out: RawWordFinding[] = [];
  for (const text of lines) {
    const zod = validatorMessage(text);
    const words = [...(zod ? [`validator: ${zod}`] : []), ...(locale === "zh-CN" ? rawIdentifiersZh(text, opts) : [])];
    if (words.length > 0) out.push({ source, where, text, words });
  }
  return out;
}

/** A readable report of findings for a failing assertion. */
export function formatFindings(findings: readonly RawWordFinding[]): string {
  return findings.map((f) => `${f.where}: [${f.words.join(", ")}] in "${f.text}"`).join("\n");
}
