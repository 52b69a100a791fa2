// /topic propose: a new idea in the backlog, checked for near-duplicates, posted as a card.
import type { ArgsOf } from "../../../commands/index.js";
import { findNearDuplicates } from "../../domain/topics/duplicates.js";
import { parsePlannedWhen } from "../../domain/topics/plan-date.js";
import { audit } from "../audit.js";
import { enqueuePost } from "../outbox/enqueue.js";
import { channelFor, pointToCard } from "../admin/channel-routes.js";
import type { RequestScope } from "../scope.js";
import { toTopicRecord } from "./load-topic.js";
import { buildTopicView, topicSubject } from "./topic-view-model.js";

/** Creates the topic, its audit row and its card in one transaction; returns the new id. */
export async function proposeTopic(scope: RequestScope, args: ArgsOf<"topic.propose">): Promise<number> {
  const { db } = scope.deps;
  const when = args.date ? parsePlannedWhen(args.date, { now: scope.now, zone: scope.team.timezone }) : undefined;
  const candidates = await db.topic.findMany({
    where: { teamId: scope.team.id, status: { notIn: ["archived"] } },
    select: { id: true, title: true },
  });
  const duplicate = findNearDuplicates(args.title, candidates)[0];
  return db.$transaction(async (tx) => {
    const row = await tx.topic.create({
      data: {
        teamId: scope.team.id,
        title: args.title,
        theme: args.theme ?? null,
        platforms: JSON.stringify(args.platform ?? []),
        format: args.format ?? null,
        angle: args.angle || null,
        references: args.refs || null,
        plannedDay: when?.day ?? null,
        plannedTime: when?.time ?? null,
        status: "idea",
        proposerId: scope.actor.id,
        duplicateOf: duplicate?.id ?? null,
        createdAt: scope.now,
        updatedAt: scope.now,
      },
    });
    const topic = toTopicRecord(row);
    await audit(tx, {
      teamId: scope.team.id,
      actorId: scope.actor.id,
      action: "topic.propose",
      subjectType: "topic",
      subjectId: topic.id,
      after: { title: topic.title, status: topic.status, platforms: topic.platforms, plannedDay: topic.plannedDay, duplicateOf: topic.duplicateOf },
      at: scope.now,
    });
    const model = await buildTopicView(tx, topic, scope.deps.buttonKey, scope.team.timezone);
    const channel = await channelFor(tx, scope, "topics");
    await enqueuePost(tx, scope, { template: "topic.card", model }, { subjectKey: topicSubject(topic.id), stateVersion: topic.version, channelId: channel.id });
    await pointToCard(tx, scope, channel);
    return topic.id;
  });
}
