// How a level is decided and where a review goes next. Pure: the use cases feed in who may decide and who
// already did, and act on the step this returns, so every path (button, command, concurrent click) agrees.
import { AppError } from "../errors.js";
import type { TRule } from "./chain.js";

/** What a reviewer decides on a level. "changes" sends the piece back (to the author or an earlier level). */
export const DECISIONS = ["approve", "changes", "reject"] as const;
/** One decision. */
export type ReviewDecisionKind = (typeof DECISIONS)[number];

/** Approvals a level needs with `reviewerCount` reviewers on it now (an all-of level grows when one is added). */
export function requiredApprovals(rule: TRule, reviewerCount: number): number {
  if (rule === "any") return 1;
  if (rule === "all") return reviewerCount;
  return rule.atLeast;
}

/** True when a level with these reviewers can be met at all (authors already left out). */
export function isStaffed(rule: TRule, reviewerCount: number): boolean {
  return reviewerCount >= Math.max(1, requiredApprovals(rule, reviewerCount));
}

/** Where a level stands after its approvals so far. */
export type LevelVerdict =
  | { kind: "met" }
  | { kind: "pending"; approvals: number; needed: number; needsSecondPerson: boolean };

/** Input to evaluateLevel. */
export interface LevelFacts {
  rule: TRule;
  /** Who may decide on the level now. */
  reviewers: readonly string[];
  /** Who approved on the level (any others are ignored: they were transferred away before deciding). */
  approvedBy: readonly string[];
  /** Who approved the earlier levels of this version, for the two-person rule. */
  earlierApprovers: readonly string[];
  isLast: boolean;
}

/**
 * A level is met when enough of its reviewers approved. On the last level the two-person rule must also hold:
 * the whole chain was approved by at least two different people, so one person on every level of a short
 * lane cannot approve alone; the level then waits for another of its reviewers.
 */
export function evaluateLevel(f: LevelFacts): LevelVerdict {
  const approvals = f.approvedBy.filter((id) => f.reviewers.includes(id));
  const needed = requiredApprovals(f.rule, f.reviewers.length);
  const distinct = new Set([...f.earlierApprovers, ...approvals]).size;
  const needsSecondPerson = f.isLast && approvals.length >= needed && distinct < 2;
  if (approvals.length >= needed && !needsSecondPerson) return { kind: "met" };
  return { kind: "pending", approvals: approvals.length, needed, needsSecondPerson };
}

/** What happens to the review after a decision. */
export type ReviewStep =
  | { kind: "wait"; needsSecondPerson: boolean }
  | { kind: "next_level"; level: number }
  | { kind: "approved" }
  | { kind: "back_to_author" }
  | { kind: "back_to_level"; level: number }
  | { kind: "rejected" };

/** The step after `decision` on `level` of `levels`, given the level's verdict once an approval is counted. */
export function stepAfter(input: {
  decision: ReviewDecisionKind;
  sendBackTo: number | null;
  level: number;
  levels: number;
  verdict: LevelVerdict;
}): ReviewStep {
  if (input.decision === "reject") return { kind: "rejected" };
  if (input.decision === "changes") {
    if (input.sendBackTo === null) return { kind: "back_to_author" };
    assertSendBackTarget(input.level, input.sendBackTo);
    return { kind: "back_to_level", level: input.sendBackTo };
  }
  if (input.verdict.kind === "pending") return { kind: "wait", needsSecondPerson: input.verdict.needsSecondPerson };
  return input.level >= input.levels ? { kind: "approved" } : { kind: "next_level", level: input.level + 1 };
}

/** The earlier levels a reviewer on `level` may send the piece back to (退回), nearest last. */
export function sendBackTargets(level: number): number[] {
  return Array.from({ length: Math.max(0, level - 1) }, (_, i) => i + 1);
}

/** Refuses a send-back target that is not an earlier level. */
export function assertSendBackTarget(level: number, target: number): void {
  if (!Number.isInteger(target) || target < 1 || target >= level) {
    throw new AppError("review.bad_send_back", { target, level, max: level - 1 });
  }
}

/** True for decisions that must carry a reason. */
export function decisionNeedsReason(d: ReviewDecisionKind): boolean {
  return d !== "approve";
}
