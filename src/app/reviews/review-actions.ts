// Review card buttons: Approve, Request changes, Reject, Back to level N (request cards; the button's state
// version is the pass it asked about), and Nudge, Withdraw (the status card; its state version is the version).
import { reviewNotices } from "../../../templates/review/review-notices.js";
import { AppError } from "../../domain/errors.js";
import type { TActionPayload } from "../../messaging/action.js";
import type { RequestScope } from "../scope.js";
import { decideReview } from "./decide-review.js";
import { nudgeReview, withdrawReview } from "./withdraw-review.js";

/** Longest reason a button's prompt may carry, as for commands. */
const REASON_MAX = 500;

/** Runs a decoded review button click. */
export async function handleReviewAction(scope: RequestScope, p: TActionPayload, reason: string | undefined): Promise<void> {
  if (!/^\d{1,9}$/.test(p.subjectId)) throw new AppError("action.malformed");
  const reviewId = Number(p.subjectId);
  const why = reason?.trim() || undefined;
  if (why && [...why].length > REASON_MAX) throw new AppError("command.text_too_long", { arg: "reason", max: REASON_MAX });
  const what = reviewNotices[scope.actor.locale].reasonWhat;
  const back = /^back_(\d)$/.exec(p.action);
  if (back) {
    if (!why) throw new AppError("review.reason_required", { what: what.changes });
    return decideReview(scope, { reviewId, decision: "changes", reason: why, sendBackTo: Number(back[1]), passId: p.stateVersion });
  }
  switch (p.action) {
    case "approve":
      return decideReview(scope, { reviewId, decision: "approve", reason: why, passId: p.stateVersion });
    case "changes":
    case "reject":
      if (!why) throw new AppError("review.reason_required", { what: what[p.action] });
      return decideReview(scope, { reviewId, decision: p.action, reason: why, passId: p.stateVersion });
    case "nudge":
      return nudgeReview(scope, reviewId, true);
    case "withdraw":
      return withdrawReview(scope, reviewId, why, true);
    default:
      throw new AppError("action.unknown", { action: `review.${p.action}` });
  }
}
