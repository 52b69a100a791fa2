// Card buttons by subject type. A feature adds its handler here; handle-inbound decodes and routes.
import type { TActionPayload } from "../messaging/action.js";
import type { RequestScope } from "./scope.js";
import { handleOutboxAction } from "./admin/outbox-admin.js";
import { handleIncidentAction } from "./incidents/incident-actions.js";
import { handleKpiAction } from "./kpi/digest-actions.js";
import { handleReviewAction } from "./reviews/review-actions.js";
import { handleTopicAction } from "./topics/topic-actions.js";
import { handleSlaAction } from "./sla/sla-actions.js";

/** Runs one decoded button click of a subject type; `reason` is what the clicker typed, if asked. */
export type ActionHandler = (scope: RequestScope, payload: TActionPayload, reason: string | undefined) => Promise<void>;

/** Subject type (the payload's `subjectType`) → handler. */
export const ACTION_HANDLERS: Record<string, ActionHandler> = {
  topic: handleTopicAction,
  sla: handleSlaAction,
  outbox: handleOutboxAction,
  review: handleReviewAction,
  incident: handleIncidentAction,
  kpi: handleKpiAction,
};
