// /topic show: the topic's card and its history from the audit trail, to the actor only.
import dayjs from "../../lib/dayjs.js";
import { topicCopy, topicHistoryLine } from "../../../templates/topic/topic-copy.js";
import { displayNames } from "../members.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { findTopic } from "./load-topic.js";
import { buildTopicView } from "./topic-view-model.js";

/** Replies with the topic card (buttons included while undecided) and a history notice. */
export async function showTopic(scope: RequestScope, id: number): Promise<void> {
  const { db } = scope.deps;
  const topic = await findTopic(db, scope.team.id, id);
  const model = await buildTopicView(db, topic, scope.deps.buttonKey, scope.team.timezone);
  const rows = await db.auditLog.findMany({ where: { subjectType: "topic", subjectId: String(id) }, orderBy: { id: "asc" } });
  const names = await displayNames(db, rows.map((r) => r.actorId));
  const lines = rows.map((r) =>
    topicHistoryLine(scope.actor.locale, { at: dayjs(r.createdAt).tz(scope.team.timezone).format("YYYY-MM-DD HH:mm"), who: r.actorId ? (names.get(r.actorId) ?? "?") : null, action: r.action, reason: r.reason }),
  );
  await enqueueReply(db, scope, { template: "topic.card", model });
  await enqueueReply(db, scope, { template: "notice", model: { title: topicCopy[scope.actor.locale].history, lines, tone: "neutral" } });
}
