// The review templates by id, spread into TEMPLATES in templates/index.ts.
import { reviewAlertCard } from "./review-alert.card.js";
import { reviewChainsCard } from "./review-chains.card.js";
import { reviewListCard } from "./review-list.card.js";
import { reviewRequestCard } from "./review-request.card.js";
import { reviewStatusCard } from "./review-status.card.js";

/** Template id → renderer for the review feature. */
export const REVIEW_TEMPLATES = {
  "review.request": reviewRequestCard,
  "review.status": reviewStatusCard,
  "review.list": reviewListCard,
  "review.chains": reviewChainsCard,
  "review.alert": reviewAlertCard,
} as const;
