// Near-duplicate topic titles, so a topic meeting does not accept the same idea twice. Titles are Chinese,
// English or mixed, so one similarity has to work for both scripts: Chinese has no spaces, so CJK text is
// compared as overlapping character bigrams; Latin text is compared word by word.
//
// Threshold 0.6, chosen from the table in test/unit/topics/duplicates.test.ts:
//   same topic, reworded                         0.83 – 1.00 (春节返乡攻略 ±2026, skincare routine, air fryer)
//   "十个省电小技巧" vs "10个省电小技巧"           0.83 (十 and 10 are different tokens, the rest carries it)
//   same guide, narrower ("双十一(护肤品)购物指南") 0.67 (worth a look before accepting)
//   same subject, different topic                0.33 – 0.50 (返乡 vs 旅游 攻略, air fryer recipes vs cleaning)
//   unrelated                                    0
// 0.6 sits in the gap between "different topic on the same subject" (≤ 0.5) and "same or narrower
// topic" (≥ 0.67). It only flags a possible duplicate for a human; it never blocks, so erring low is cheap.

/** Default similarity at or above which two titles are reported as near duplicates. */
export const DUPLICATE_THRESHOLD = 0.6;

// Words that carry no topic: English function words and "how/why" openers; Chinese particles and the
// "如何/怎么" openers. "一个" goes too so "一个小技巧" and "小技巧" compare equal.
const EN_STOP_WORDS = new Set(["the", "a", "an", "of", "to", "and", "for", "in", "on", "how", "why"]);
// Longest first so "一个" is removed whole. Removal joins the neighbours ("春节的攻略" → "春节攻略"), which
// makes "X的Y" match "XY"; that it also clips words like "现在" is symmetric and harmless for a score.
const ZH_STOP_WORDS = /如何|怎么|一个|[的了和是在]/gu;

const HAN_RUN = /\p{Script=Han}+|[^\s\p{Script=Han}]+/gu;
const IS_HAN = /^\p{Script=Han}/u;

/** Lowercased, width-folded title with punctuation and symbols (ASCII and CJK) turned into spaces. */
function normalise(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    // Apostrophes join rather than split, so "nurse's" becomes "nurses" (then "nurse"), not "nurse" + "s".
    .replace(/['’‘`]/gu, "")
    .replace(/[\p{P}\p{S}\p{Cf}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Strips a simple English plural so "tips" matches "tip" and "stories" matches "story". */
function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith("s") || word.endsWith("ss")) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

/** The token multiset of a title: CJK bigrams (unigram for a lone character), words, digit runs. */
export function titleTokens(title: string): string[] {
  const tokens: string[] = [];
  for (const run of normalise(title).match(HAN_RUN) ?? []) {
    if (IS_HAN.test(run)) {
      const text = run.replace(ZH_STOP_WORDS, "");
      if (text.length === 1) tokens.push(text);
      for (let i = 0; i + 1 < text.length; i++) tokens.push(text.slice(i, i + 2));
    } else if (!EN_STOP_WORDS.has(run)) {
      // Digits stay as tokens: "2026" vs "2025" is a real difference, and "10" is not equated with "十".
      tokens.push(singular(run));
    }
  }
  return tokens;
}

/** Counts of each token, for a multiset intersection. */
function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Dice coefficient 2|A∩B| / (|A|+|B|) over token multisets; 0 when either side has no tokens. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const countsB = countTokens(b);
  let shared = 0;
  for (const [token, n] of countTokens(a)) shared += Math.min(n, countsB.get(token) ?? 0);
  return (2 * shared) / (a.length + b.length);
}

/** Similarity of two titles in [0, 1]: 1 for the same words in any order and casing, 0 for nothing shared. */
export function titleSimilarity(a: string, b: string): number {
  return dice(titleTokens(a), titleTokens(b));
}

/** A candidate title that looks like the one being proposed. */
export interface NearDuplicate {
  id: number;
  title: string;
  score: number;
}

/** The (at most 3) candidates whose title scores at least `threshold`, best first, ties by lower id. */
export function findNearDuplicates(
  title: string,
  candidates: readonly { id: number; title: string }[],
  threshold: number = DUPLICATE_THRESHOLD,
): NearDuplicate[] {
  const mine = titleTokens(title);
  return candidates
    .map((c) => ({ id: c.id, title: c.title, score: dice(mine, titleTokens(c.title)) }))
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score || x.id - y.id)
    .slice(0, 3);
}
