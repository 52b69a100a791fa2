// The lifecycle of a topic proposal, from idea to published piece. The table is the single source of truth:
// buttons, commands and the use cases all ask it which moves are possible, so a stale card cannot push a
// topic into a state the team never agreed on.

import { AppError } from "../errors.js";

/** Every state a topic can be in, in the order a topic normally passes through them. */
export const TOPIC_STATUSES = [
  "idea",
  "accepted",
  "drafting",
  "in_review",
  "approved",
  "scheduled",
  "published",
  "rejected",
  "archived",
] as const;
/** A topic lifecycle state. */
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

// Backward moves are deliberate: in_review → drafting is "changes requested", approved → drafting is a late
// edit, scheduled → approved is "unscheduled", rejected → idea is "reopened" (rejected ideas are kept, with
// their reason, precisely so that a later topic meeting can revive them). archived is terminal.
const TRANSITIONS: Readonly<Record<TopicStatus, readonly TopicStatus[]>> = {
  idea: ["accepted", "rejected", "archived"],
  accepted: ["drafting", "rejected", "archived"],
  drafting: ["in_review", "archived"],
  in_review: ["approved", "drafting", "rejected"],
  approved: ["scheduled", "published", "archived", "drafting"],
  scheduled: ["published", "approved", "archived"],
  published: ["archived"],
  rejected: ["idea", "archived"],
  archived: [],
};

/** True when `value` is one of the lifecycle states (e.g. a string read from the database). */
export function isTopicStatus(value: string): value is TopicStatus {
  return (TOPIC_STATUSES as readonly string[]).includes(value);
}

/** The states a topic in `from` may move to, in table order. */
export function allowedTransitions(from: TopicStatus): readonly TopicStatus[] {
  return TRANSITIONS[from];
}

/** True when the lifecycle allows moving from `from` to `to`. */
export function canTransition(from: TopicStatus, to: TopicStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws AppError("topic.illegal_transition", { from, to, allowed }) unless `from` → `to` is allowed. */
export function assertTransition(from: TopicStatus, to: TopicStatus): void {
  if (canTransition(from, to)) return;
  const allowed = TRANSITIONS[from];
  throw new AppError("topic.illegal_transition", {
    from,
    to,
    allowed: allowed.length > 0 ? allowed.join(", ") : "none",
  });
}

/** True for the states that must be entered with a reason (rejected and archived ideas are kept with why). */
export function requiresReason(to: TopicStatus): boolean {
  return to === "rejected" || to === "archived";
}
