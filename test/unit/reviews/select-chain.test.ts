// Choosing a chain for a piece, and reading submission flags.
import { describe, expect, it } from "vitest";
import { parseChain } from "../../../src/domain/reviews/chain.js";
import { matches, parseFlags, selectChain, type PieceFacts } from "../../../src/domain/reviews/select-chain.js";

const levels = [{ name: "L", reviewers: { users: ["a", "b"] }, rule: "all", hours: 8, escalateTo: { role: "manager" } }];
const chain = (name: string, when: Record<string, unknown>, priority = 100) => parseChain({ name, levels, when, priority });
const piece: PieceFacts = { platforms: ["douyin", "weibo"], format: "short_video", theme: "news", sensitive: false, urgent: false };

const chains = [
  { chain: chain("standard", {}), isDefault: true },
  { chain: chain("urgent", { urgent: true }, 20), isDefault: false },
  { chain: chain("sensitive", { sensitive: true }, 10), isDefault: false },
  { chain: chain("live", { formats: ["live"] }, 30), isDefault: false },
];

describe("selecting a chain", () => {
  it("falls back to the default chain when nothing matches", () => {
    expect(selectChain(chains, piece)?.chain.name).toBe("standard");
  });

  it("takes the first match by priority: sensitive before urgent", () => {
    expect(selectChain(chains, { ...piece, urgent: true })?.chain.name).toBe("urgent");
    expect(selectChain(chains, { ...piece, urgent: true, sensitive: true })?.chain.name).toBe("sensitive");
    expect(selectChain(chains, { ...piece, format: "live" })?.chain.name).toBe("live");
  });

  it("matches platforms by overlap and needs every condition", () => {
    expect(matches({ platforms: ["weibo", "bilibili"] }, piece)).toBe(true);
    expect(matches({ platforms: ["bilibili"] }, piece)).toBe(false);
    expect(matches({ themes: ["news"], urgent: true }, piece)).toBe(false);
    expect(matches({ formats: ["article"] }, { ...piece, format: null })).toBe(false);
    expect(matches({ urgent: false }, piece)).toBe(true);
  });

  it("returns nothing without chains", () => {
    expect(selectChain([], piece)).toBeUndefined();
  });
});

describe("flags", () => {
  it("reads English and Chinese words and refuses others", () => {
    expect(parseFlags("urgent")).toEqual({ urgent: true, sensitive: false });
    expect(parseFlags("紧急，敏感")).toEqual({ urgent: true, sensitive: true });
    expect(() => parseFlags("hot")).toThrow(/review.unknown_flag/);
  });
});
