// Review state → the review's status card and its line on the board.
import { chainDisplayName } from "../../domain/reviews/chain.js";
import type { ReviewListItem, ReviewStatusView } from "../../../templates/review/review-view.js";
import { isOverdue } from "../../domain/reviews/deadlines.js";
import { isReviewStatus } from "../../domain/reviews/status.js";
import { encodeAction } from "../../messaging/action.js";
import { currentPass, type ReviewState } from "./review-records.js";
import { namesOf } from "./review-people.js";
import { fmtAt, latestPass, levelLineView, type ViewContext } from "./review-view-model.js";

/** The status card; `detail` adds every version's history and leaves out the buttons (a private reply). */
export function statusView(s: ReviewState, ctx: ViewContext, detail: boolean): ReviewStatusView {
  const r = s.review;
  const levels = r.chain.levels.length;
  const lines = Array.from({ length: levels }, (_, i) => levelLineView(s, i + 1, latestPass(s, r.currentVersion, i + 1), ctx));
  const history = detail
    ? s.versions.map((v) => ({
        number: v.number,
        by: namesOf(ctx.members, [v.submittedById])[0]!,
        at: fmtAt(v.submittedAt, ctx.zone, ctx.now),
        note: v.note,
        status: isReviewStatus(v.status) ? v.status : "open",
        passes: s.levels.filter((l) => l.version === v.number).map((l) => levelLineView(s, l.level, l, ctx)),
      }))
    : null;
  const closed = r.status === "approved" || r.status === "rejected" || r.status === "withdrawn";
  const button = (action: string) => encodeAction({ action, subjectType: "review", subjectId: String(r.id), stateVersion: r.currentVersion }, ctx.buttonKey);
  return {
    reviewId: r.id,
    topicId: s.topic.id,
    title: s.topic.title,
    author: namesOf(ctx.members, [r.authorId])[0]!,
    chain: chainDisplayName(r.chain),
    status: r.status,
    version: r.currentVersion,
    urgent: r.flags.urgent,
    sensitive: r.flags.sensitive,
    cc: namesOf(ctx.members, r.cc),
    lines,
    history,
    outcome: closed ? { status: r.status, by: namesOf(ctx.members, r.closedById ? [r.closedById] : [])[0] ?? "?", at: fmtAt(r.closedAt ?? ctx.now, ctx.zone, ctx.now), reason: r.closedReason } : null,
    buttons: detail || closed ? null : { nudge: r.status === "open" ? button("nudge") : null, withdraw: button("withdraw") },
  };
}

/** The board line of an open review, or null when it is not asking anyone. */
export function listItem(s: ReviewState, ctx: ViewContext): ReviewListItem | null {
  const pass = currentPass(s);
  if (!pass) return null;
  const line = levelLineView(s, pass.level, pass, ctx);
  const submitted = s.versions.find((v) => v.number === s.review.currentVersion);
  return {
    reviewId: s.review.id,
    topicId: s.topic.id,
    title: s.topic.title,
    version: s.review.currentVersion,
    level: pass.level,
    levels: line.levels,
    levelName: line.name,
    pending: line.pending,
    since: fmtAt(submitted?.submittedAt ?? s.review.createdAt, ctx.zone, ctx.now),
    deadline: fmtAt(pass.deadlineAt, ctx.zone, ctx.now),
    overdue: isOverdue(pass.deadlineAt, ctx.now),
  };
}
