// Topic record → the view model its card is rendered from.
import dayjs from "../../lib/dayjs.js";
import type { TopicView } from "../../../templates/topic/topic-view.js";
import type { Db, Tx } from "../../db/client.js";
import { bestPublishTime } from "../../domain/topics/publish-times.js";
import { encodeAction } from "../../messaging/action.js";
import { displayNames } from "../members.js";
import type { TopicRecord } from "./load-topic.js";

/** The subject key under which every card of this topic is posted and updated. */
export function topicSubject(id: number): string {
  return `topic:${id}`;
}

/** Builds the card model; buttons only while the idea waits for a decision. */
export async function buildTopicView(db: Db | Tx, t: TopicRecord, buttonKey: string, zone: string): Promise<TopicView> {
  const votes = await db.topicVote.findMany({ where: { topicId: t.id }, orderBy: { createdAt: "asc" } });
  const names = await displayNames(db, [t.proposerId, t.ownerId, t.decidedById, ...votes.map((v) => v.userId)]);
  const dup = t.duplicateOf ? await db.topic.findUnique({ where: { id: t.duplicateOf }, select: { id: true, title: true } }) : null;
  const button = (action: string) => encodeAction({ action, subjectType: "topic", subjectId: String(t.id), stateVersion: t.version }, buttonKey);
  const first = t.platforms[0];
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    theme: (t.theme as TopicView["theme"]) ?? null,
    platforms: t.platforms,
    format: (t.format as TopicView["format"]) ?? null,
    plannedDay: t.plannedDay,
    plannedTime: t.plannedTime,
    suggestedTime: t.plannedDay && !t.plannedTime && first ? bestPublishTime(first) : null,
    angle: t.angle,
    references: t.references,
    reason: t.reason,
    proposer: names.get(t.proposerId) ?? "?",
    owner: t.ownerId ? (names.get(t.ownerId) ?? null) : null,
    voters: votes.map((v) => names.get(v.userId) ?? "?"),
    duplicateOf: dup ? { ...dup, show: encodeAction({ action: "show", subjectType: "topic", subjectId: String(dup.id), stateVersion: 0 }, buttonKey) } : null,
    decision: t.decidedById && t.decidedAt ? { by: names.get(t.decidedById) ?? "?", at: dayjs(t.decidedAt).tz(zone).format("MM-DD HH:mm") } : null,
    version: t.version,
    buttons: t.status === "idea" ? { accept: button("accept"), reject: button("reject"), vote: button("vote") } : null,
  };
}
