// Splits command text into words and options. Written for chat, not shells: "quoted" and “full-width
// quoted” words, full-width spaces, and the em dash that phones and macOS make of "--" all work.
// An option's value runs until the next option, so `--angle why small brands win` needs no quotes.
import { AppError } from "../src/domain/errors.js";

/** Command text split into leading words (before any option) and options with their values. */
export interface Tokenized {
  words: string[];
  options: Map<string, string>;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "「": "」" };

/** Splits text into tokens, honouring quotes; throws on an unclosed quote. */
export function splitWords(text: string): { token: string; quoted: boolean }[] {
  const out: { token: string; quoted: boolean }[] = [];
  const s = text.replace(/\u3000/g, " ").trim();
  let i = 0;
  while (i < s.length) {
    while (s[i] === " " || s[i] === "\t" || s[i] === "\n") i++;
    if (i >= s.length) break;
    const close = QUOTES[s[i]!];
    if (close) {
      const end = s.indexOf(close, i + 1);
      if (end < 0) throw new AppError("command.unclosed_quote", { quote: s[i]! });
      out.push({ token: s.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else {
      let j = i;
      while (j < s.length && !/\s/.test(s[j]!)) j++;
      out.push({ token: s.slice(i, j), quoted: false });
      i = j;
    }
  }
  return out;
}

/** "--date", "—date", "——date" → "date"; anything else → undefined. */
function optionName(token: string): string | undefined {
  const m = /^(?:--|—{1,2}|－－)([A-Za-z][\w-]*)$/.exec(token);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Tokenizes the part of a command after its command words. */
export function tokenize(text: string): Tokenized {
  const words: string[] = [];
  const options = new Map<string, string>();
  let current: string | undefined;
  for (const { token, quoted } of splitWords(text)) {
    const name = quoted ? undefined : optionName(token);
    if (name !== undefined) {
      if (options.has(name)) throw new AppError("command.repeated_option", { option: name });
      options.set(name, "");
      current = name;
    } else if (current === undefined) {
      words.push(token);
    } else {
      const sofar = options.get(current)!;
      options.set(current, sofar ? `${sofar} ${token}` : token);
    }
  }
  return { words, options };
}
