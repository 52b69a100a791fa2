// What changed between two versions of a draft.
import { describe, expect, it } from "vitest";
import { diffDrafts, isLink, MAX_DIFF_LINES } from "../../../src/domain/reviews/diff.js";

describe("draft diff", () => {
  it("shows an old and a new link", () => {
    expect(isLink("https://docs.example.com/d/1")).toBe(true);
    expect(diffDrafts("https://docs.example.com/d/1", "https://docs.example.com/d/2").lines).toEqual([
      { op: "del", text: "https://docs.example.com/d/1" },
      { op: "add", text: "https://docs.example.com/d/2" },
    ]);
  });

  it("trims a one-line change to the part that differs, with some context", () => {
    const { lines } = diffDrafts("双十一后的退货潮：史上最全退货攻略，看完就会", "双十一后的退货潮：三个省心退货技巧，看完就会");
    expect(lines).toEqual([
      { op: "del", text: "双十一后的退货潮：史上最全退货攻略，看完就会" },
      { op: "add", text: "双十一后的退货潮：三个省心退货技巧，看完就会" },
    ]);
    const long = diffDrafts(`${"a".repeat(40)}OLD${"b".repeat(40)}`, `${"a".repeat(40)}NEW${"b".repeat(40)}`).lines;
    expect(long).toEqual([
      { op: "del", text: `…${"a".repeat(12)}OLD${"b".repeat(12)}…` },
      { op: "add", text: `…${"a".repeat(12)}NEW${"b".repeat(12)}…` },
    ]);
  });

  it("lists removed and added lines of a text draft in order, skipping unchanged ones", () => {
    const before = "标题：退货攻略\n第一段：拍照留证\n第二段：保留包装\n结尾";
    const after = "标题：三个退货技巧\n第一段：拍照留证\n第二段：保留包装和配件\n结尾\n附：客服电话";
    expect(diffDrafts(before, after).lines).toEqual([
      { op: "del", text: "标题：退货攻略" },
      { op: "add", text: "标题：三个退货技巧" },
      { op: "del", text: "第二段：保留包装" },
      { op: "add", text: "第二段：保留包装和配件" },
      { op: "add", text: "附：客服电话" },
    ]);
  });

  it("is empty for the same draft and caps long diffs", () => {
    expect(diffDrafts("same", "same")).toEqual({ lines: [], omitted: 0 });
    const many = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const res = diffDrafts("x\ny", many);
    expect(res.lines).toHaveLength(MAX_DIFF_LINES);
    expect(res.omitted).toBe(22 - MAX_DIFF_LINES);
  });
});
