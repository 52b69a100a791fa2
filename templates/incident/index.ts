// The incident templates, spread into TEMPLATES in templates/index.ts.
import { incidentNoticeCard } from "./incident-notice.card.js";
import { incidentCard } from "./incident.card.js";
import { libraryCard } from "./library.card.js";
import { playbooksCard } from "./playbooks.card.js";
import { reviewCard } from "./review.card.js";
import { riskWarningCard, thresholdsCard } from "./warning.card.js";

/** Template id → renderer, for incidents. */
export const INCIDENT_TEMPLATES = {
  "incident.card": incidentCard,
  "incident.notice": incidentNoticeCard,
  "incident.playbooks": playbooksCard,
  "incident.review": reviewCard,
  "incident.library": libraryCard,
  "incident.warning": riskWarningCard,
  "incident.thresholds": thresholdsCard,
} as const;
