// Changing who decides on the current level: transfer a place to someone else (转交) or add a reviewer (加签).
// The level's cards update in place, and the new reviewer gets the request card directly.
import { reviewCopy } from "../../../templates/review/review-copy.js";
import { reviewNotices } from "../../../templates/review/review-notices.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { audit } from "../audit.js";
import { memberByHandle, type Member } from "../members.js";
import { requireRelation } from "../permissions.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { cardContext, postRequestCards, refreshReviewCards } from "./review-cards.js";
import { bumpReview } from "./review-levels.js";
import { authorsOf, currentPass, decisionsOf, loadReviewState, lockReview, reviewTx, versionOf, type LevelRecord, type ReviewState } from "./review-records.js";

/** The open review's current pass, checked to take `newcomer` as a reviewer. */
function passFor(scope: RequestScope, s: ReviewState, newcomer: Member): LevelRecord {
  const pass = currentPass(s);
  if (s.review.status !== "open" || !pass) throw new AppError("review.not_waiting", { id: s.review.id, status: reviewCopy[scope.actor.locale].reviewStatus[s.review.status] });
  if (authorsOf(s, versionOf(s, pass.version).submittedById).includes(newcomer.id)) throw new AppError("review.author_cannot_review", { name: newcomer.displayName });
  if (pass.reviewers.includes(newcomer.id)) throw new AppError("review.already_on_level", { name: newcomer.displayName });
  return pass;
}

/** Writes the new reviewer list, its audit row, the card updates and the newcomer's request card. */
async function changeReviewers(tx: Tx, scope: RequestScope, s: ReviewState, pass: LevelRecord, reviewers: string[], action: string, after: Record<string, unknown>, reason: string | undefined, newcomer: string): Promise<void> {
  const res = await tx.reviewLevelState.updateMany({ where: { id: pass.id, status: "pending" }, data: { reviewersJson: JSON.stringify(reviewers) } });
  if (res.count === 0) throw new AppError("review.changed_meanwhile", { id: s.review.id });
  await bumpReview(tx, s.review, {}, scope.now);
  await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action, subjectType: "review", subjectId: s.review.id, after: { version: pass.version, level: pass.level, ...after }, reason: reason ?? null, at: scope.now });
  const fresh = await loadReviewState(tx, scope.team.id, s.review.id);
  const ctx = await cardContext(tx, scope, fresh);
  await refreshReviewCards(tx, scope, fresh, ctx, [pass]);
  await postRequestCards(tx, scope, fresh, fresh.levels.find((l) => l.id === pass.id)!, ctx, { to: [newcomer], channel: false });
}

/** Hands `from`'s (default: the actor's) undecided place on the current level to `toHandle`. */
export async function transferReview(scope: RequestScope, reviewId: number, toHandle: string, reason?: string, fromHandle?: string): Promise<void> {
  const { db } = scope.deps;
  const locale = scope.actor.locale;
  const to = await memberByHandle(db, scope.team.id, toHandle);
  const from = fromHandle ? await memberByHandle(db, scope.team.id, fromHandle) : scope.actor;
  await reviewTx(db, async (tx) => {
    await lockReview(tx, scope.team.id, reviewId);
    const s = await loadReviewState(tx, scope.team.id, reviewId);
    const pass = passFor(scope, s, to);
    // A reviewer of the level hands over their own place; anyone else's place takes a manager.
    await requireRelation(scope, () => (from.id === scope.actor.id ? ["level_reviewer"] : []));
    if (!pass.reviewers.includes(from.id) || decisionsOf(s, pass).some((d) => d.reviewerId === from.id)) throw new AppError("review.not_pending_reviewer", { name: from.displayName });
    const reviewers = pass.reviewers.map((r) => (r === from.id ? to.id : r));
    await changeReviewers(tx, scope, s, pass, reviewers, "review.transfer", { from: from.id, to: to.id }, reason, to.id);
    await replyNotice(tx, scope, reviewNotices[locale].transferred(reviewId, from.displayName, to.displayName));
  });
}

/** Adds `handle` to the current level; its reviewers and managers may. On an all-of level they must approve too. */
export async function addReviewer(scope: RequestScope, reviewId: number, handle: string, reason?: string): Promise<void> {
  const { db } = scope.deps;
  const locale = scope.actor.locale;
  const user = await memberByHandle(db, scope.team.id, handle);
  await reviewTx(db, async (tx) => {
    await lockReview(tx, scope.team.id, reviewId);
    const s = await loadReviewState(tx, scope.team.id, reviewId);
    const pass = passFor(scope, s, user);
    await requireRelation(scope, () => (pass.reviewers.includes(scope.actor.id) ? ["level_reviewer"] : []));
    await changeReviewers(tx, scope, s, pass, [...pass.reviewers, user.id], "review.add_reviewer", { added: user.id }, reason, user.id);
    await replyNotice(tx, scope, reviewNotices[locale].added(reviewId, user.displayName, pass.level));
  });
}

/**
 * A person leaving the team (/mediaops remove): their undecided place on review `reviewId`'s current level goes to
 * `to`, inside the admin's request (no relation check: removing people is the admin's). False when there is no
 * such place, or `to` cannot take it (the author, already on the level): the caller lists the review instead.
 */
export async function handOverReviewPlace(scope: RequestScope, reviewId: number, from: Member, to: Member): Promise<boolean> {
  return reviewTx(scope.deps.db, async (tx) => {
    await lockReview(tx, scope.team.id, reviewId);
    const s = await loadReviewState(tx, scope.team.id, reviewId);
    const pass = currentPass(s);
    if (s.review.status !== "open" || !pass || !pass.reviewers.includes(from.id) || decisionsOf(s, pass).some((d) => d.reviewerId === from.id)) return false;
    if (pass.reviewers.includes(to.id) || authorsOf(s, versionOf(s, pass.version).submittedById).includes(to.id)) return false;
    const reviewers = pass.reviewers.map((r) => (r === from.id ? to.id : r));
    await changeReviewers(tx, scope, s, pass, reviewers, "review.transfer", { from: from.id, to: to.id }, "people.remove", to.id);
    return true;
  });
}
