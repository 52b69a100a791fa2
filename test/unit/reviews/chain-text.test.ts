// The one-line chain form typed in chat.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import { parseChain } from "../../../src/domain/reviews/chain.js";
import { parseHours, parseLevelsText, parseRule, parseWhenText } from "../../../src/domain/reviews/chain-text.js";

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${JSON.stringify(e.params)}`;
    throw e;
  }
  throw new Error("did not throw");
}

describe("levels text", () => {
  it("parses the three-level demo chain", () => {
    const levels = parseLevelsText("editors=any:@li.wei,@zhang.min/8h>@wang.fang; compliance=all:@liu.yang,@emma/4h; brand=2:@wang.fang,@liu.yang,@zhang.min/90m>role:manager");
    expect(levels).toEqual([
      { name: "editors", rule: "any", reviewers: { users: ["li.wei", "zhang.min"] }, hours: 8, escalateTo: { users: ["wang.fang"] } },
      { name: "compliance", rule: "all", reviewers: { users: ["liu.yang", "emma"] }, hours: 4, escalateTo: { users: [], role: "manager" } },
      { name: "brand", rule: { atLeast: 2 }, reviewers: { users: ["wang.fang", "liu.yang", "zhang.min"] }, hours: 1.5, escalateTo: { users: [], role: "manager" } },
    ]);
    expect(parseChain({ name: "standard", levels }).levels).toHaveLength(3);
  });

  it("reads full-width punctuation, Chinese rule words and role names, and names unnamed levels", () => {
    const [a, b] = parseLevelsText("编辑＝或签：＠li.wei，@zhang.min／4小时；会签:role:主管");
    expect(a).toMatchObject({ name: "编辑", rule: "any", reviewers: { users: ["li.wei", "zhang.min"] }, hours: 4 });
    expect(b).toMatchObject({ name: "L2", rule: "all", reviewers: { users: [], role: "manager" }, hours: 8 });
  });

  it("refuses what it cannot read, naming the part", () => {
    expect(code(() => parseLevelsText("editors@li.wei"))).toBe('review.bad_level_text {"part":"editors@li.wei"}');
    expect(code(() => parseLevelsText("x=most:@a"))).toBe('review.bad_rule {"value":"most"}');
    expect(code(() => parseLevelsText("x=any:@a/soon"))).toBe('review.bad_duration {"value":"soon"}');
    expect(code(() => parseLevelsText("x=any:role:boss"))).toBe('review.bad_people {"value":"role:boss"}');
    expect(code(() => parseLevelsText(" ; "))).toMatch(/^review\.bad_level_text/);
  });

  it("knows the rule and duration spellings", () => {
    expect(parseRule("至少3")).toEqual({ atLeast: 3 });
    expect(parseRule("2-of")).toEqual({ atLeast: 2 });
    expect(parseRule("ALL")).toBe("all");
    expect(parseHours("30分钟")).toBe(0.5);
    expect(parseHours("1.5h")).toBe(1.5);
  });
});

describe("conditions text", () => {
  it("parses platforms, formats, themes and flags", () => {
    expect(parseWhenText("platform=抖音,weibo format=live theme=news urgent sensitive=no")).toEqual({
      platforms: ["douyin", "weibo"], formats: ["live"], themes: ["news"], urgent: true, sensitive: false,
    });
  });

  it("refuses an unknown condition", () => {
    expect(code(() => parseWhenText("colour=red"))).toBe('review.bad_condition {"value":"colour=red"}');
    expect(code(() => parseWhenText("format=novel"))).toBe('review.bad_condition {"value":"format=novel"}');
  });
});
