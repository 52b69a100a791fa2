// /topic assign: an owner for the topic; an accepted idea starts drafting with its owner.
import { topicNotices } from "../../../templates/topic/topic-notices.js";
import { STATUS_NAMES, nameOf } from "../../../templates/strings/labels.js";
import { AppError } from "../../domain/errors.js";
import { memberByHandle } from "../members.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { changeTopic } from "./change-topic.js";
import { findTopic } from "./load-topic.js";

/** Statuses in which a topic's work is over, so it takes no owner or date. */
export const CLOSED_STATUSES = ["rejected", "archived", "published"] as const;

/** Sets the owner; returns nothing, the cards and a notice say what happened. */
export async function assignTopic(scope: RequestScope, id: number, handle: string): Promise<void> {
  const { db } = scope.deps;
  const owner = await memberByHandle(db, scope.team.id, handle);
  const topic = await findTopic(db, scope.team.id, id);
  if ((CLOSED_STATUSES as readonly string[]).includes(topic.status)) {
    throw new AppError("topic.closed", { id, status: nameOf(STATUS_NAMES, scope.actor.locale, topic.status) });
  }
  await db.$transaction(async (tx) => {
    const status = topic.status === "accepted" ? "drafting" : topic.status;
    const after = await changeTopic(tx, scope, topic, { ownerId: owner.id, status }, "topic.assign");
    const note = topicNotices[scope.actor.locale].assigned(id, owner.displayName, nameOf(STATUS_NAMES, scope.actor.locale, after.status));
    await replyNotice(tx, scope, note);
  });
}
