// Level rules (any / all / N-of), the two-person rule, and where a review goes after a decision.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import { evaluateLevel, isStaffed, requiredApprovals, sendBackTargets, stepAfter, type LevelVerdict } from "../../../src/domain/reviews/rules.js";

const met: LevelVerdict = { kind: "met" };
const pending: LevelVerdict = { kind: "pending", approvals: 0, needed: 1, needsSecondPerson: false };

describe("level rules", () => {
  it("needs one, all, or N approvals", () => {
    expect(requiredApprovals("any", 3)).toBe(1);
    expect(requiredApprovals("all", 3)).toBe(3);
    expect(requiredApprovals({ atLeast: 2 }, 3)).toBe(2);
    expect(isStaffed({ atLeast: 2 }, 1)).toBe(false);
    expect(isStaffed("all", 0)).toBe(false);
    expect(isStaffed("any", 1)).toBe(true);
  });

  it("meets an any-of level with the first approval", () => {
    expect(evaluateLevel({ rule: "any", reviewers: ["a", "b"], approvedBy: ["b"], earlierApprovers: [], isLast: false })).toEqual(met);
  });

  it("keeps an all-of level pending until everyone approved, and grows when a reviewer is added", () => {
    expect(evaluateLevel({ rule: "all", reviewers: ["a", "b"], approvedBy: ["a"], earlierApprovers: [], isLast: false })).toEqual({ kind: "pending", approvals: 1, needed: 2, needsSecondPerson: false });
    expect(evaluateLevel({ rule: "all", reviewers: ["a", "b"], approvedBy: ["a", "b"], earlierApprovers: [], isLast: false })).toEqual(met);
    expect(evaluateLevel({ rule: "all", reviewers: ["a", "b", "c"], approvedBy: ["a", "b"], earlierApprovers: [], isLast: false }).kind).toBe("pending");
  });

  it("meets a 2-of-3 level with two approvals and ignores approvals of people no longer on it", () => {
    const rule = { atLeast: 2 };
    expect(evaluateLevel({ rule, reviewers: ["a", "b", "c"], approvedBy: ["c"], earlierApprovers: [], isLast: false }).kind).toBe("pending");
    expect(evaluateLevel({ rule, reviewers: ["a", "b", "c"], approvedBy: ["c", "a"], earlierApprovers: [], isLast: false })).toEqual(met);
    expect(evaluateLevel({ rule, reviewers: ["a", "b", "d"], approvedBy: ["c", "a"], earlierApprovers: [], isLast: false }).kind).toBe("pending");
  });

  it("holds the last level until two different people approved the chain (two-person rule)", () => {
    const alone = evaluateLevel({ rule: "any", reviewers: ["a", "b"], approvedBy: ["a"], earlierApprovers: ["a"], isLast: true });
    expect(alone).toEqual({ kind: "pending", approvals: 1, needed: 1, needsSecondPerson: true });
    expect(evaluateLevel({ rule: "any", reviewers: ["a", "b"], approvedBy: ["a"], earlierApprovers: ["c"], isLast: true })).toEqual(met);
    expect(evaluateLevel({ rule: "any", reviewers: ["a", "b"], approvedBy: ["a"], earlierApprovers: ["a"], isLast: false })).toEqual(met);
  });
});

describe("the next step", () => {
  const base = { sendBackTo: null, level: 2, levels: 3 };
  it("waits, asks the next level, or approves after the last", () => {
    expect(stepAfter({ ...base, decision: "approve", verdict: pending })).toEqual({ kind: "wait", needsSecondPerson: false });
    expect(stepAfter({ ...base, decision: "approve", verdict: met })).toEqual({ kind: "next_level", level: 3 });
    expect(stepAfter({ ...base, level: 3, decision: "approve", verdict: met })).toEqual({ kind: "approved" });
  });

  it("sends changes back to the author or to an earlier level, and ends on reject", () => {
    expect(stepAfter({ ...base, decision: "changes", verdict: pending })).toEqual({ kind: "back_to_author" });
    expect(stepAfter({ ...base, decision: "changes", sendBackTo: 1, verdict: pending })).toEqual({ kind: "back_to_level", level: 1 });
    expect(stepAfter({ ...base, decision: "reject", verdict: met })).toEqual({ kind: "rejected" });
  });

  it("refuses a send-back to the same or a later level", () => {
    for (const target of [2, 3, 0]) {
      try {
        stepAfter({ ...base, decision: "changes", sendBackTo: target, verdict: pending });
        throw new Error("accepted");
      } catch (e) {
        expect((e as AppError).code).toBe("review.bad_send_back");
      }
    }
    expect(sendBackTargets(3)).toEqual([1, 2]);
    expect(sendBackTargets(1)).toEqual([]);
  });
});
