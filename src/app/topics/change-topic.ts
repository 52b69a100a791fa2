// The one way a topic changes: a guarded update (nobody else changed it meanwhile), an audit row with the
// fields before and after, and an update of every card showing it, all in one transaction.
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { audit } from "../audit.js";
import { enqueueUpdate } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { findTopic, type TopicRecord } from "./load-topic.js";
import { buildTopicView, topicSubject } from "./topic-view-model.js";

/**
 * Fields a change may set. The card's outcome line names who moved the topic to its current status and when,
 * so every status change records its actor and time (and drops a reason given for an earlier status);
 * `decided` records them without a status change.
 */
export interface TopicChange {
  status?: TopicRecord["status"];
  ownerId?: string | null;
  plannedDay?: string | null;
  plannedTime?: string | null;
  reason?: string | null;
  decided?: boolean;
}

/** Applies `change` to `topic` as seen at its current version; returns the topic after the change. */
export async function changeTopic(tx: Tx, scope: RequestScope, topic: TopicRecord, change: TopicChange, action: string): Promise<TopicRecord> {
  const { decided, ...fields } = change;
  const moved = fields.status !== undefined && fields.status !== topic.status;
  const data = {
    ...(moved && !("reason" in fields) ? { reason: null } : {}),
    ...fields,
    ...(decided || moved ? { decidedById: scope.actor.id, decidedAt: scope.now } : {}),
    version: topic.version + 1,
    updatedAt: scope.now,
  };
  const res = await tx.topic.updateMany({ where: { id: topic.id, version: topic.version }, data });
  if (res.count === 0) throw new AppError("topic.changed_meanwhile", { id: topic.id });
  const before = Object.fromEntries(Object.keys(fields).map((k) => [k, topic[k as keyof TopicRecord] ?? null]));
  await audit(tx, {
    teamId: topic.teamId,
    actorId: scope.actor.id,
    action,
    subjectType: "topic",
    subjectId: topic.id,
    before,
    after: fields,
    reason: change.reason ?? null,
    at: scope.now,
  });
  const after = await findTopic(tx, topic.teamId, topic.id);
  await refreshTopicCards(tx, scope, after);
  return after;
}

/** Queues an in-place update of every card of `topic` to its current state. */
export async function refreshTopicCards(tx: Tx, scope: RequestScope, topic: TopicRecord): Promise<void> {
  const model = await buildTopicView(tx, topic, scope.deps.buttonKey, scope.team.timezone);
  await enqueueUpdate(tx, scope, topicSubject(topic.id), topic.version, { template: "topic.card", model });
}
