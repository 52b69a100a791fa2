// Which chain a piece follows: the first chain (by priority, then name) whose conditions hold for the piece,
// else the team's default chain. Firewall-style ordering is easy to predict from a list, unlike "most specific".
import { AppError } from "../errors.js";
import type { Platform, Theme, TopicFormat } from "../topics/vocabulary.js";
import type { TChain, TMatch } from "./chain.js";

/** The piece's facts a chain can be chosen by. */
export interface PieceFacts {
  platforms: readonly Platform[];
  format: TopicFormat | null;
  theme: Theme | null;
  sensitive: boolean;
  urgent: boolean;
}

/** The flags a submission may carry. */
export const REVIEW_FLAGS = ["urgent", "sensitive"] as const;
/** One flag. */
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

const FLAG_WORDS: Record<string, ReviewFlag> = {
  urgent: "urgent", 紧急: "urgent", 加急: "urgent",
  sensitive: "sensitive", 敏感: "sensitive",
};

/** "urgent,sensitive", "紧急，敏感" → the flags; refuses an unknown word and names the known ones. */
export function parseFlags(text: string): { urgent: boolean; sensitive: boolean } {
  const out = { urgent: false, sensitive: false };
  for (const word of text.split(/[,，、\s]+/).filter(Boolean)) {
    const flag = FLAG_WORDS[word.toLowerCase()];
    if (!flag) throw new AppError("review.unknown_flag", { value: word, known: "urgent, sensitive" });
    out[flag] = true;
  }
  return out;
}

/** True when every condition of `when` holds for `piece`. */
export function matches(when: TMatch, piece: PieceFacts): boolean {
  if (when.platforms && !when.platforms.some((p) => piece.platforms.includes(p))) return false;
  if (when.formats && (!piece.format || !when.formats.includes(piece.format))) return false;
  if (when.themes && (!piece.theme || !when.themes.includes(piece.theme))) return false;
  if (when.sensitive !== undefined && when.sensitive !== piece.sensitive) return false;
  if (when.urgent !== undefined && when.urgent !== piece.urgent) return false;
  return true;
}

/** A stored chain with its default mark. */
export interface ChainChoice {
  chain: TChain;
  isDefault: boolean;
}

/** True when a chain names at least one condition (a chain without any would match every piece). */
export function hasConditions(when: TMatch): boolean {
  return Object.values(when).some((v) => v !== undefined);
}

/**
 * The chain for `piece`. The rule: chains with conditions are tried first, in their declared order (priority,
 * then name), and the first whose conditions all hold is used; the default chain is used only when none
 * matches. A chain without conditions is therefore only ever used as the default. Undefined if none.
 */
export function selectChain<C extends ChainChoice>(chains: readonly C[], piece: PieceFacts): C | undefined {
  const ordered = chains
    .filter((c) => !c.isDefault && hasConditions(c.chain.when))
    .sort((a, b) => a.chain.priority - b.chain.priority || a.chain.name.localeCompare(b.chain.name));
  return ordered.find((c) => matches(c.chain.when, piece)) ?? chains.find((c) => c.isDefault);
}
