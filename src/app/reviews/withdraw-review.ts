// The author's two actions on a running review: withdraw it (撤回; it stays on record) and nudge the pending
// reviewers (催办; at most once an hour, so a nudge button cannot be used to spam).
import { reviewCopy } from "../../../templates/review/review-copy.js";
import { reviewNotices } from "../../../templates/review/review-notices.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { ACTIVE_REVIEW_STATUSES } from "../../domain/reviews/status.js";
import { audit } from "../audit.js";
import { requireRelation } from "../permissions.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { cardContext, refreshReviewCards, sendAlert } from "./review-cards.js";
import { bumpReview, closePass, moveTopic } from "./review-levels.js";
import { authorsOf, currentPass, decisionsOf, loadReviewState, lockReview, reviewTx, versionOf, type ReviewState } from "./review-records.js";
import { namesOf } from "./review-people.js";
import { fmtAt } from "./review-view-model.js";

/** How often the author may nudge one review. */
export const NUDGE_INTERVAL_MS = 60 * 60 * 1000;

/** "陈杰 已撤回 · 11:01 · 选题暂停" for a closed review, else its status name: what a stale button is told. */
async function closedText(tx: Tx, scope: RequestScope, s: ReviewState): Promise<string> {
  const c = reviewCopy[scope.actor.locale];
  const status = c.reviewStatus[s.review.status];
  if (!s.review.closedById || !s.review.closedAt) return status;
  const ctx = await cardContext(tx, scope, s);
  const line = c.byAt(status, namesOf(ctx.members, [s.review.closedById])[0]!, "", fmtAt(s.review.closedAt, ctx.zone, ctx.now));
  return s.review.closedReason ? `${line} · ${s.review.closedReason}` : line;
}

/** The actor's relation to the review for the permission table: an author of the current version, or none. */
function authorRelation(scope: RequestScope, s: ReviewState): Promise<void> {
  const authors = authorsOf(s, versionOf(s, s.review.currentVersion).submittedById);
  return requireRelation(scope, () => (authors.includes(scope.actor.id) ? ["author"] : []));
}

/** Withdraws the review; `viaCard` answers a click on a closed review's card with who closed it. */
export async function withdrawReview(scope: RequestScope, reviewId: number, reason: string | undefined, viaCard = false): Promise<void> {
  const locale = scope.actor.locale;
  await reviewTx(scope.deps.db, async (tx) => {
    await lockReview(tx, scope.team.id, reviewId);
    const s = await loadReviewState(tx, scope.team.id, reviewId);
    if (!ACTIVE_REVIEW_STATUSES.includes(s.review.status)) {
      if (viaCard) throw new AppError("review.already_decided", { outcome: await closedText(tx, scope, s) });
      throw new AppError("review.closed", { id: reviewId, status: reviewCopy[locale].reviewStatus[s.review.status] });
    }
    await authorRelation(scope, s);
    const pass = currentPass(s);
    if (pass) await closePass(tx, pass, "withdrawn", scope.now);
    if (s.review.status === "open") {
      await tx.reviewVersion.update({ where: { reviewId_number: { reviewId, number: s.review.currentVersion } }, data: { status: "withdrawn" } });
    }
    await bumpReview(tx, s.review, { status: "withdrawn", closedById: scope.actor.id, closedAt: scope.now, closedReason: reason ?? null }, scope.now);
    if (s.topic.status === "in_review") await moveTopic(tx, scope, s.topic, "drafting", { reason: reason ?? null });
    await audit(tx, {
      teamId: scope.team.id, actorId: scope.actor.id, action: "review.withdraw", subjectType: "review", subjectId: reviewId,
      after: { version: s.review.currentVersion, level: s.review.currentLevel }, reason: reason ?? null, at: scope.now,
    });
    const after = await loadReviewState(tx, scope.team.id, reviewId);
    const ctx = await cardContext(tx, scope, after);
    await refreshReviewCards(tx, scope, after, ctx, pass ? [pass] : []);
    const undecided = pass ? pass.reviewers.filter((r) => !decisionsOf(s, pass).some((d) => d.reviewerId === r)) : [];
    await sendAlert(tx, scope, after, ctx, { kind: "withdrawn", pass: pass ? after.levels.find((l) => l.id === pass.id) : undefined, to: [...undecided, ...after.review.cc], channel: true, by: scope.actor.id, reason: reason ?? null });
    if (!viaCard) await replyNotice(tx, scope, reviewNotices[locale].withdrawn(reviewId));
  });
}

/** Reminds the pending reviewers of the current level, directly and in the channel. */
export async function nudgeReview(scope: RequestScope, reviewId: number, viaCard = false): Promise<void> {
  const locale = scope.actor.locale;
  await reviewTx(scope.deps.db, async (tx) => {
    await lockReview(tx, scope.team.id, reviewId);
    const s = await loadReviewState(tx, scope.team.id, reviewId);
    const pass = currentPass(s);
    if (s.review.status !== "open" || !pass) {
      if (viaCard) throw new AppError("review.already_decided", { outcome: await closedText(tx, scope, s) });
      throw new AppError("review.not_waiting", { id: reviewId, status: reviewCopy[locale].reviewStatus[s.review.status] });
    }
    await authorRelation(scope, s);
    const ctx = await cardContext(tx, scope, s);
    const last = s.review.lastNudgeAt;
    const tooSoon = () => new AppError("review.nudge_too_soon", { at: fmtAt(new Date((last?.getTime() ?? 0) + NUDGE_INTERVAL_MS), ctx.zone, ctx.now) });
    if (last && scope.now.getTime() - last.getTime() < NUDGE_INTERVAL_MS) throw tooSoon();
    // Claimed like a sweep row: two nudges at the same moment send one.
    const claimed = await tx.review.updateMany({ where: { id: reviewId, lastNudgeAt: last }, data: { lastNudgeAt: scope.now } });
    if (claimed.count === 0) throw tooSoon();
    const pending = pass.reviewers.filter((r) => !decisionsOf(s, pass).some((d) => d.reviewerId === r));
    await audit(tx, {
      teamId: scope.team.id, actorId: scope.actor.id, action: "review.nudge", subjectType: "review", subjectId: reviewId,
      after: { version: pass.version, level: pass.level, pending }, at: scope.now,
    });
    await sendAlert(tx, scope, s, ctx, { kind: "nudge", pass, to: pending, channel: true, by: scope.actor.id, quiet: true });
    if (!viaCard) await replyNotice(tx, scope, reviewNotices[locale].nudged(reviewId, namesOf(ctx.members, pending).join(locale === "en" ? ", " : "、")));
  });
}
