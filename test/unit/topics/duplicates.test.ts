import { describe, it, expect } from "vitest";
import {
  DUPLICATE_THRESHOLD,
  findNearDuplicates,
  titleSimilarity,
  titleTokens,
} from "../../../src/domain/topics/duplicates.js";

// The table the threshold (0.6) was chosen from: [a, b, expected score, duplicate?].
const TABLE: [string, string, number, boolean][] = [
  ["2026年春节返乡攻略", "春节返乡攻略2026", 0.923, true],
  // Decision: digits are their own tokens and "十" is not read as "10"; the shared 省电小技巧 still carries it.
  ["十个省电小技巧", "10个省电小技巧", 0.833, true],
  ["How to choose a skincare routine", "How to Choose Your Skincare Routine!", 0.857, true],
  ["Air fryer recipes for beginners", "Beginner air-fryer recipes", 1, true],
  // A year-on-year repeat of the same guide is worth flagging.
  ["2026年春节返乡攻略", "2025年春节返乡攻略", 0.857, true],
  // A narrower version of the same guide.
  ["双十一购物指南", "双十一护肤品购物指南", 0.667, true],
  // Same subject, different topic: must stay below the threshold.
  ["Air fryer recipes for beginners", "Air fryer cleaning tips", 0.5, false],
  ["春节返乡攻略", "春节旅游攻略", 0.4, false],
  ["How to choose a skincare routine", "How to choose a running shoe", 0.333, false],
  // Unrelated.
  ["春节返乡攻略", "双十一购物指南", 0, false],
  ["Product launch live stream", "User story: a nurse's night shift", 0, false],
];

describe("titleSimilarity", () => {
  it.each(TABLE)("%s ~ %s = %d", (a, b, score, dup) => {
    const s = titleSimilarity(a, b);
    expect(s).toBeCloseTo(score, 3);
    expect(s >= DUPLICATE_THRESHOLD).toBe(dup);
  });

  it("is symmetric", () => {
    for (const [a, b] of TABLE) expect(titleSimilarity(a, b)).toBe(titleSimilarity(b, a));
  });

  it("ignores case, width, punctuation and word order", () => {
    expect(titleSimilarity("《如何挑选空气炸锅？》", "挑选空气炸锅")).toBe(1);
    // 【】 splits the tag off, so only 干货 is extra (no 货挑 bigram across the bracket): 10/11.
    expect(titleSimilarity("【干货】挑选空气炸锅", "挑选空气炸锅")).toBeCloseTo(0.909, 3);
    expect(titleSimilarity("ＡＩＲ　ＦＲＹＥＲ", "fryer, air!")).toBe(1);
  });

  it("is 0 when a title has no content words", () => {
    expect(titleSimilarity("如何？", "如何？")).toBe(0);
    expect(titleSimilarity("", "春节")).toBe(0);
  });
});

describe("titleTokens", () => {
  it("uses CJK bigrams, a unigram for a lone character, and word tokens for Latin and digits", () => {
    expect(titleTokens("2026年春节返乡攻略")).toEqual(["2026", "年春", "春节", "节返", "返乡", "乡攻", "攻略"]);
    expect(titleTokens("iPhone 17 开箱：值")).toEqual(["iphone", "17", "开箱", "值"]);
  });

  it("drops stop words and strips simple plurals", () => {
    expect(titleTokens("The stories of a nurse's night shifts")).toEqual(["story", "nurse", "night", "shift"]);
    expect(titleTokens("一个春节的攻略")).toEqual(["春节", "节攻", "攻略"]);
    expect(titleTokens("glass tips bus")).toEqual(["glass", "tip", "bus"]);
  });
});

describe("findNearDuplicates", () => {
  const candidates = [
    { id: 1, title: "春节返乡攻略2026" },
    { id: 2, title: "双十一购物指南" },
    { id: 3, title: "2025年春节返乡攻略" },
    { id: 4, title: "春节旅游攻略" },
    { id: 5, title: "2026 春节返乡攻略！" },
    { id: 6, title: "【2026】春节返乡攻略" },
  ];

  it("returns at most three, best first, ties by lower id, below-threshold ones left out", () => {
    const found = findNearDuplicates("2026年春节返乡攻略", candidates);
    expect(found.map((f) => f.id)).toEqual([1, 5, 6]);
    expect(found[0]).toEqual({ id: 1, title: "春节返乡攻略2026", score: expect.closeTo(0.923, 3) });
  });

  it("honours a custom threshold", () => {
    expect(findNearDuplicates("春节返乡攻略", candidates, 0.95).map((f) => f.id)).toEqual([]);
    expect(findNearDuplicates("春节旅游攻略", candidates, 0.99).map((f) => f.id)).toEqual([4]);
  });

  it("returns nothing for an empty backlog", () => {
    expect(findNearDuplicates("春节返乡攻略", [])).toEqual([]);
  });
});

// Added after mutation testing (npm run mutate) showed these rules could change with no test noticing.
describe("title tokens: what counts as a word", () => {
  it("drops every English function word and how/why opener, keeping the rest singular", () => {
    expect(titleTokens("The a an of to and for in on how why tips")).toEqual(["tip"]);
    expect(titleTokens("Stories about an Island")).toEqual(["story", "about", "island"]);
  });

  it("folds width and case and treats punctuation and symbols as spaces", () => {
    expect(titleTokens("ＡＩ工具：Top-10 ✨ Tools")).toEqual(["ai", "工具", "top", "10", "tool"]);
  });

  it("has no tokens for a title of punctuation only, so it matches nothing", () => {
    expect(titleTokens("！？…—")).toEqual([]);
    expect(titleSimilarity("！？…", "！？…")).toBe(0);
  });
});

describe("near duplicates at the edges", () => {
  it("includes a candidate scoring exactly the threshold", () => {
    const score = titleSimilarity("双十一购物指南", "双十一护肤品购物指南");
    expect(findNearDuplicates("双十一购物指南", [{ id: 1, title: "双十一护肤品购物指南" }], score).map((f) => f.id)).toEqual([1]);
  });

  it("orders equal scores by the lower id, whatever order the backlog comes in", () => {
    const same = [9, 3, 7].map((id) => ({ id, title: "春节返乡攻略" }));
    expect(findNearDuplicates("春节返乡攻略", same).map((f) => f.id)).toEqual([3, 7, 9]);
  });
});
