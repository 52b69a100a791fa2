// /review status, /review pending, /review board: reading reviews, replied to the actor only.
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import type { ReviewListItem } from "../../../templates/review/review-view.js";
import { currentPass, decisionsOf, loadReviewState, type ReviewState } from "./review-records.js";
import { statusView, listItem } from "./review-status-view.js";
import { viewContext } from "./review-view-model.js";

/** How many open reviews a list shows at most. */
export const LIST_LIMIT = 50;

/** Replies with the review's chain and every version's history. */
export async function reviewStatus(scope: RequestScope, id: number): Promise<void> {
  const { db } = scope.deps;
  const s = await loadReviewState(db, scope.team.id, id);
  const ctx = await viewContext(db, s, scope.team.timezone, scope.now, scope.deps.buttonKey);
  await enqueueReply(db, scope, { template: "review.status", model: statusView(s, ctx, true) });
}

/** The team's open reviews, oldest first. */
async function openReviews(scope: RequestScope): Promise<ReviewState[]> {
  const { db } = scope.deps;
  const rows = await db.review.findMany({ where: { teamId: scope.team.id, status: "open" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: { id: true } });
  return Promise.all(rows.map((r) => loadReviewState(db, scope.team.id, r.id)));
}

async function replyList(scope: RequestScope, kind: "board" | "pending", states: ReviewState[]): Promise<void> {
  const { db } = scope.deps;
  const items: ReviewListItem[] = [];
  for (const s of states) {
    const item = listItem(s, await viewContext(db, s, scope.team.timezone, scope.now, scope.deps.buttonKey));
    if (item) items.push(item);
  }
  await enqueueReply(db, scope, { template: "review.list", model: { kind, items } });
}

/** Replies with everything in review, oldest first, overdue marked. */
export async function reviewBoard(scope: RequestScope): Promise<void> {
  await replyList(scope, "board", await openReviews(scope));
}

/** Replies with the reviews whose current level waits on the actor. */
export async function reviewPending(scope: RequestScope): Promise<void> {
  const mine = (await openReviews(scope)).filter((s) => {
    const pass = currentPass(s);
    return pass !== undefined && pass.reviewers.includes(scope.actor.id) && !decisionsOf(s, pass).some((d) => d.reviewerId === scope.actor.id);
  });
  await replyList(scope, "pending", mine);
}
