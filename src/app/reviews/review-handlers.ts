// Binds each review command to its use case; spread into HANDLERS in src/app/commands/dispatch.ts.
import type { ArgsOf } from "../../../commands/index.js";
import type { REVIEW_COMMANDS } from "../../../commands/review/index.js";
import type { RequestScope } from "../scope.js";
import { importChainsCommand, listChains, removeChain, setChain, setDefaultChain } from "./chain-commands.js";
import { decideReview } from "./decide-review.js";
import { addReviewer, transferReview } from "./reassign-review.js";
import { reviewBoard, reviewPending, reviewStatus } from "./review-queries.js";
import { submitReview } from "./submit-review.js";
import { nudgeReview, withdrawReview } from "./withdraw-review.js";

type ReviewCommandId = keyof typeof REVIEW_COMMANDS;

/** Review command id → use case. */
export const REVIEW_HANDLERS: { [K in ReviewCommandId]: (scope: RequestScope, args: ArgsOf<K>) => Promise<unknown> } = {
  "review.submit": submitReview,
  "review.approve": (scope, a) => decideReview(scope, { reviewId: a.id, decision: "approve", reason: a.note || undefined }),
  "review.changes": (scope, a) => decideReview(scope, { reviewId: a.id, decision: "changes", reason: a.reason, sendBackTo: a.to ?? null }),
  "review.reject": (scope, a) => decideReview(scope, { reviewId: a.id, decision: "reject", reason: a.reason }),
  "review.withdraw": (scope, a) => withdrawReview(scope, a.id, a.reason || undefined),
  "review.nudge": (scope, a) => nudgeReview(scope, a.id),
  "review.transfer": (scope, a) => transferReview(scope, a.id, a.to, a.reason || undefined, a.from),
  "review.add": (scope, a) => addReviewer(scope, a.id, a.user, a.reason || undefined),
  "review.status": (scope, a) => reviewStatus(scope, a.id),
  "review.pending": (scope) => reviewPending(scope),
  "review.board": (scope) => reviewBoard(scope),
  "review.chain.list": (scope) => listChains(scope),
  "review.chain.set": setChain,
  "review.chain.default": (scope, a) => setDefaultChain(scope, a.name),
  "review.chain.remove": (scope, a) => removeChain(scope, a.name),
  "review.chain.import": (scope) => importChainsCommand(scope),
};
