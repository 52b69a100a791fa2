// Approve, request changes (back to the author or to an earlier level, 退回), reject: one decision on the level
// a review is asking, from a card button or a command. Checks, decision, what follows, audit row and card
// updates share one transaction, so concurrent clicks on one card produce exactly one outcome.
import { reviewCopy } from "../../../templates/review/review-copy.js";
import { outcomeLine } from "../../../templates/review/review-lines.js";
import { reviewNotices } from "../../../templates/review/review-notices.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { decisionNeedsReason, evaluateLevel, stepAfter, type ReviewDecisionKind, type ReviewStep } from "../../domain/reviews/rules.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import { requireRelation } from "../permissions.js";
import type { RequestScope } from "../scope.js";
import { cardContext, postRequestCards, refreshReviewCards, sendAlert } from "./review-cards.js";
import { bumpReview, closePass, moveTopic, openLevel } from "./review-levels.js";
import { authorsOf, currentPass, decisionsOf, loadReviewState, lockReview, reviewTx, versionOf, type LevelRecord, type ReviewState } from "./review-records.js";
import { namesOf } from "./review-people.js";
import { earlierApprovers, fmtAt, levelLineView, type ViewContext } from "./review-view-model.js";

/** One decision. `passId` comes from a card button: the pass that card asked about. */
export interface DecideInput {
  reviewId: number;
  decision: ReviewDecisionKind;
  reason?: string;
  /** For "changes": an earlier level to send it back to; absent or null sends it back to the author. */
  sendBackTo?: number | null;
  passId?: number;
}

/** Records the actor's decision on the level the review is asking and moves the review on. */
export async function decideReview(scope: RequestScope, input: DecideInput): Promise<void> {
  const locale = scope.actor.locale;
  if (decisionNeedsReason(input.decision) && !input.reason) {
    throw new AppError("review.reason_required", { what: reviewNotices[locale].reasonWhat[input.decision === "reject" ? "reject" : "changes"] });
  }
  await reviewTx(scope.deps.db, async (tx) => {
    await lockReview(tx, scope.team.id, input.reviewId);
    const s = await loadReviewState(tx, scope.team.id, input.reviewId);
    const pass = decidablePass(scope, s, await cardContext(tx, scope, s), input);
    // decidablePass refused anyone who is not asked on this level (review.not_reviewer, audited).
    await requireRelation(scope, () => ["level_reviewer"]);
    const def = s.review.chain.levels[pass.level - 1]!;
    const levels = s.review.chain.levels.length;
    const approvedBy = decisionsOf(s, pass).filter((d) => d.decision === "approve").map((d) => d.reviewerId);
    if (input.decision === "approve") approvedBy.push(scope.actor.id);
    const verdict = evaluateLevel({ rule: def.rule, reviewers: pass.reviewers, approvedBy, earlierApprovers: earlierApprovers(s, pass), isLast: pass.level === levels });
    const step = stepAfter({ decision: input.decision, sendBackTo: input.sendBackTo ?? null, level: pass.level, levels, verdict });
    await recordDecision(tx, scope, s, pass, input);
    const opened = await applyStep(tx, scope, s, pass, step, input.reason ?? null);
    await audit(tx, {
      teamId: scope.team.id, actorId: scope.actor.id, action: `review.${input.decision}`, subjectType: "review", subjectId: s.review.id,
      after: { version: pass.version, level: pass.level, pass: pass.pass, sendBackTo: input.sendBackTo ?? null, outcome: step.kind }, reason: input.reason ?? null, at: scope.now,
    });
    const after = await loadReviewState(tx, scope.team.id, s.review.id);
    const ctx = await cardContext(tx, scope, after);
    await refreshReviewCards(tx, scope, after, ctx, [pass]);
    if (opened) await postRequestCards(tx, scope, after, opened, ctx);
    await tellOutcome(tx, scope, after, ctx, step, pass, input.reason ?? null);
    if (input.passId === undefined) await replyNotice(tx, scope, reviewNotices[locale].decided(s.review.id, reviewCopy[locale].decision[input.decision], pass.level, levels));
  });
}

/** The pass the actor may decide now, or the refusal that says why not (stale card, closed, not theirs, twice). */
function decidablePass(scope: RequestScope, s: ReviewState, ctx: ViewContext, input: DecideInput): LevelRecord {
  const c = reviewCopy[scope.actor.locale];
  const stale = (p: LevelRecord) => {
    const line = levelLineView(s, p.level, p, ctx);
    return new AppError("review.already_decided", { outcome: line.outcome ? outcomeLine(line.outcome, p.level, line.levels, scope.actor.locale) : c.reviewStatus[s.review.status] });
  };
  const clicked = input.passId === undefined ? undefined : s.levels.find((l) => l.id === input.passId);
  if (input.passId !== undefined && !clicked) throw new AppError("action.malformed");
  if (clicked && clicked.status !== "pending") throw stale(clicked);
  const pass = currentPass(s);
  if (s.review.status !== "open" || !pass) throw new AppError("review.closed", { id: s.review.id, status: c.reviewStatus[s.review.status] });
  if (clicked && clicked.id !== pass.id) throw stale(clicked);
  const levels = s.review.chain.levels.length;
  if (!pass.reviewers.includes(scope.actor.id)) {
    if (authorsOf(s, versionOf(s, pass.version).submittedById).includes(scope.actor.id)) throw new AppError("review.own_work");
    throw new AppError("review.not_reviewer", { level: pass.level, levels, reviewers: namesOf(ctx.members, pass.reviewers).join(c.sep) });
  }
  const mine = decisionsOf(s, pass).find((d) => d.reviewerId === scope.actor.id);
  if (mine) {
    throw new AppError("review.you_already_decided", { decision: c.decision[mine.decision as ReviewDecisionKind] ?? mine.decision, at: fmtAt(mine.createdAt, ctx.zone, ctx.now), level: pass.level, levels });
  }
  return pass;
}

/** Writes the decision row; the unique key (review, version, level, pass, reviewer) is the last line of defence. */
async function recordDecision(tx: Tx, scope: RequestScope, s: ReviewState, pass: LevelRecord, input: DecideInput): Promise<void> {
  try {
    await tx.reviewDecision.create({
      data: {
        reviewId: s.review.id, version: pass.version, level: pass.level, pass: pass.pass, reviewerId: scope.actor.id,
        decision: input.decision, reason: input.reason ?? null, sendBackTo: input.decision === "changes" ? (input.sendBackTo ?? null) : null, createdAt: scope.now,
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("review.changed_meanwhile", { id: s.review.id });
    throw err;
  }
}

/** Carries out the step; returns the pass it opened, if any. */
async function applyStep(tx: Tx, scope: RequestScope, s: ReviewState, pass: LevelRecord, step: ReviewStep, reason: string | null): Promise<LevelRecord | null> {
  const { review, topic } = s;
  const now = scope.now;
  const authors = authorsOf(s, versionOf(s, pass.version).submittedById);
  const closeVersion = (status: string) => tx.reviewVersion.update({ where: { reviewId_number: { reviewId: review.id, number: pass.version } }, data: { status } });
  const closed = { closedById: scope.actor.id, closedAt: now, closedReason: reason };
  switch (step.kind) {
    case "wait":
      await bumpReview(tx, review, {}, now);
      return null;
    case "next_level":
    case "back_to_level": {
      await closePass(tx, pass, step.kind === "next_level" ? "approved" : "sent_back", now);
      const next = await openLevel(tx, scope, review, pass.version, step.level, authors);
      await bumpReview(tx, review, { currentLevel: step.level }, now);
      return next;
    }
    case "approved":
      await closePass(tx, pass, "approved", now);
      await closeVersion("approved");
      await bumpReview(tx, review, { status: "approved", ...closed, closedReason: null }, now);
      await moveTopic(tx, scope, topic, "approved", { decided: true });
      return null;
    case "back_to_author":
      await closePass(tx, pass, "changes_requested", now);
      await closeVersion("changes_requested");
      await bumpReview(tx, review, { status: "changes_requested" }, now);
      await moveTopic(tx, scope, topic, "drafting", { reason });
      return null;
    case "rejected":
      await closePass(tx, pass, "rejected", now);
      await closeVersion("rejected");
      await bumpReview(tx, review, { status: "rejected", ...closed }, now);
      await moveTopic(tx, scope, topic, "rejected", { reason, decided: true });
      return null;
  }
}

/** Tells the author (and, for a final outcome, the CC list) and the channel when a review ends or comes back. */
async function tellOutcome(tx: Tx, scope: RequestScope, s: ReviewState, ctx: ViewContext, step: ReviewStep, pass: LevelRecord, reason: string | null): Promise<void> {
  const authors = authorsOf(s, versionOf(s, pass.version).submittedById);
  const base = { pass: s.levels.find((l) => l.id === pass.id), channel: true, by: scope.actor.id, reason };
  if (step.kind === "approved") await sendAlert(tx, scope, s, ctx, { ...base, kind: "approved", to: [...authors, ...s.review.cc], reason: null });
  if (step.kind === "rejected") await sendAlert(tx, scope, s, ctx, { ...base, kind: "rejected", to: [...authors, ...s.review.cc] });
  if (step.kind === "back_to_author") await sendAlert(tx, scope, s, ctx, { ...base, kind: "changes_requested", to: authors });
}
