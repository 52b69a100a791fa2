// The review commands by id, spread into COMMANDS in commands/registry.ts.
import { reviewChainDefault, reviewChainImport, reviewChainList, reviewChainRemove, reviewChainSet } from "./chain.js";
import { reviewApprove, reviewChanges, reviewReject } from "./decide.js";
import { reviewAdd, reviewNudge, reviewTransfer, reviewWithdraw } from "./manage.js";
import { reviewSubmit } from "./submit.js";
import { reviewBoard, reviewPending, reviewStatus } from "./view.js";

/** Every review command. */
export const REVIEW_COMMANDS = {
  "review.submit": reviewSubmit,
  "review.approve": reviewApprove,
  "review.changes": reviewChanges,
  "review.reject": reviewReject,
  "review.withdraw": reviewWithdraw,
  "review.nudge": reviewNudge,
  "review.transfer": reviewTransfer,
  "review.add": reviewAdd,
  "review.status": reviewStatus,
  "review.pending": reviewPending,
  "review.board": reviewBoard,
  "review.chain.list": reviewChainList,
  "review.chain.set": reviewChainSet,
  "review.chain.default": reviewChainDefault,
  "review.chain.remove": reviewChainRemove,
  "review.chain.import": reviewChainImport,
} as const;
