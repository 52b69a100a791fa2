// What changed between two versions of a draft, for the reviewers of a resubmission: a line diff for text
// drafts (longest common subsequence), the inner change of a one-line text, or old link → new link.

/** One line of a diff as a card shows it. */
export interface DiffLine {
  op: "add" | "del";
  text: string;
}

/** Lines of changes shown at most; the card says how many more there were. */
export const MAX_DIFF_LINES = 12;
/** Characters of unchanged text kept around a change inside one line. */
const CONTEXT_CHARS = 12;

/** True when a draft is a single link rather than text. */
export function isLink(content: string): boolean {
  return /^https?:\/\/\S+$/i.test(content.trim());
}

/** The changes from `before` to `after` (empty when equal), and how many were left out. */
export function diffDrafts(before: string, after: string): { lines: DiffLine[]; omitted: number } {
  if (before === after) return { lines: [], omitted: 0 };
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const all = a.length === 1 && b.length === 1 && !isLink(before) && !isLink(after) ? inlineChange(before, after) : lineDiff(a, b);
  return { lines: all.slice(0, MAX_DIFF_LINES), omitted: Math.max(0, all.length - MAX_DIFF_LINES) };
}

/** A one-line change, trimmed to the part that differs with a little context: "…旧标题…" → "…新标题…". */
function inlineChange(before: string, after: string): DiffLine[] {
  const x = [...before];
  const y = [...after];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const cut = (chars: string[]) => {
    const from = Math.max(0, p - CONTEXT_CHARS);
    const to = Math.min(chars.length, chars.length - s + CONTEXT_CHARS);
    return `${from > 0 ? "…" : ""}${chars.slice(from, to).join("")}${to < chars.length ? "…" : ""}`;
  };
  return [{ op: "del", text: cut(x) }, { op: "add", text: cut(y) }];
}

/** Removed and added lines, in order, by the longest common subsequence of lines. */
function lineDiff(a: string[], b: string[]): DiffLine[] {
  // Drafts are a few hundred lines at most; the O(n·m) table is small. Longer texts fall back to a plain swap.
  if (a.length * b.length > 250_000) return [...a.map((text) => ({ op: "del" as const, text })), ...b.map((text) => ({ op: "add" as const, text }))];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ op: "del", text: a[i++]! });
    } else {
      out.push({ op: "add", text: b[j++]! });
    }
  }
  return out.filter((l) => l.text.trim() !== "");
}
