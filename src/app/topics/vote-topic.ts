// +1 on a topic card: one per person, not on your own idea, only while it waits for a decision.
import { AppError } from "../../domain/errors.js";
import type { RequestScope } from "../scope.js";
import { changeTopic } from "./change-topic.js";
import { findTopic } from "./load-topic.js";
import { outcomeText } from "./decide-topic.js";

/** Records the actor's +1 and refreshes the topic's cards. */
export async function voteTopic(scope: RequestScope, id: number): Promise<void> {
  const { db } = scope.deps;
  const topic = await findTopic(db, scope.team.id, id);
  if (topic.status !== "idea") throw new AppError("action.stale", { outcome: await outcomeText(scope, topic) });
  if (topic.proposerId === scope.actor.id) throw new AppError("topic.own_vote");
  await db.$transaction(async (tx) => {
    const existing = await tx.topicVote.findUnique({ where: { topicId_userId: { topicId: id, userId: scope.actor.id } } });
    if (existing) throw new AppError("topic.already_voted", { id });
    await tx.topicVote.create({ data: { topicId: id, userId: scope.actor.id, createdAt: scope.now } });
    await changeTopic(tx, scope, topic, {}, "topic.vote");
  });
}
