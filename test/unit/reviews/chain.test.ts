// Chain definitions: the shipped file, the two-person rule, quorums, and file-level checks.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import { levelName, minimumApprovals, parseChain, parseChainsFile } from "../../../src/domain/reviews/chain.js";

const level = (over: Record<string, unknown> = {}) => ({ name: "L", reviewers: { users: ["a", "b"] }, rule: "any", hours: 8, escalateTo: { role: "manager" }, ...over });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${JSON.stringify(e.params)}` : String(e);
  }
  return undefined;
}

describe("chain definitions", () => {
  it("accepts the shipped templates/review-chains.json with one default", () => {
    const file = parseChainsFile(JSON.parse(readFileSync(new URL("../../../templates/review-chains.json", import.meta.url), "utf8")));
    expect(file.chains.map((c) => [c.name, c.default])).toEqual([["standard", true], ["sensitive", false], ["urgent", false]]);
    const standard = file.chains[0]!;
    expect(standard.levels.map((l) => l.rule)).toEqual(["any", "all", { atLeast: 2 }]);
    expect(standard.levels[0]!.repeatHours).toBe(4);
    expect(levelName(standard.levels[1]!.name, "en")).toBe("Compliance");
    expect(levelName(standard.levels[1]!.name, "zh-CN")).toBe("合规审核");
  });

  it("refuses a chain that one approval could pass (two-person rule), even an urgent lane", () => {
    expect(codeOf(() => parseChain({ name: "fast", levels: [level()], when: { urgent: true } }))).toBe('review.two_person {"chain":"fast"}');
    expect(parseChain({ name: "fast", levels: [level({ rule: { atLeast: 2 } })] }).levels).toHaveLength(1);
    expect(parseChain({ name: "two", levels: [level(), level()] }).levels).toHaveLength(2);
  });

  it("counts an all-of level by the people it names and a role as at least one", () => {
    expect(minimumApprovals({ rule: "all", reviewers: { users: ["a", "b", "c"] } })).toBe(3);
    expect(minimumApprovals({ rule: "all", reviewers: { users: [], role: "reviewer" } })).toBe(1);
    expect(minimumApprovals({ rule: { atLeast: 2 }, reviewers: { users: [], role: "reviewer" } })).toBe(2);
  });

  it("refuses a quorum larger than the people named, unless a role can supply them", () => {
    expect(codeOf(() => parseChain({ name: "x", levels: [level({ rule: { atLeast: 3 } })] }))).toBe('review.quorum_too_big {"level":1,"need":3,"listed":2}');
    expect(parseChain({ name: "x", levels: [level({ rule: { atLeast: 3 }, reviewers: { users: ["a"], role: "reviewer" } })] }).name).toBe("x");
  });

  it("explains malformed input with its path", () => {
    expect(codeOf(() => parseChain({ name: "x", levels: [level({ rule: "most" })] }))).toMatch(/^review\.chain_invalid .*levels\.0\.rule/);
    expect(codeOf(() => parseChain({ name: "x", levels: [level({ reviewers: {} })] }))).toMatch(/name at least one user or a role/);
    expect(codeOf(() => parseChain({ name: "x", levels: [level()], when: { colour: "red" } }))).toMatch(/^review\.chain_invalid/);
  });

  it("requires unique names and exactly one default in a file", () => {
    const chain = { name: "a", levels: [level({ rule: "all" })] };
    expect(codeOf(() => parseChainsFile({ chains: [chain] }))).toMatch(/0 chains are marked default/);
    expect(codeOf(() => parseChainsFile({ chains: [{ ...chain, default: true }, { ...chain, default: true, name: "b" }] }))).toMatch(/2 chains are marked default/);
    expect(codeOf(() => parseChainsFile({ chains: [{ ...chain, default: true }, chain] }))).toMatch(/is listed twice/);
  });

  it("strips @ from handles and fills defaults", () => {
    const c = parseChain({ name: "编辑流程", levels: [level({ rule: "all", reviewers: { users: ["@li.wei", "＠zhang.min"] } })], cc: ["@wang.fang"] });
    expect(c.levels[0]!.reviewers.users).toEqual(["li.wei", "zhang.min"]);
    expect(c).toMatchObject({ priority: 100, when: {}, cc: ["wang.fang"] });
  });
});
