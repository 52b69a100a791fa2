// Accept, reject, archive, publish: status moves that record who decided, from a command or a card button.
import { topicNotices } from "../../../templates/topic/topic-notices.js";
import { STATUS_NAMES, nameOf } from "../../../templates/strings/labels.js";
import { AppError } from "../../domain/errors.js";
import { assertTransition, requiresReason, type TopicStatus } from "../../domain/topics/lifecycle.js";
import { displayNames } from "../members.js";
import { replyNotice } from "../notify.js";
import { requireRelation } from "../permissions.js";
import type { RequestScope } from "../scope.js";
import { changeTopic } from "./change-topic.js";
import { findTopic, type TopicRecord } from "./load-topic.js";
import dayjs from "../../lib/dayjs.js";

/** The verbs a decision can take, with the status each leads to. */
export const DECISIONS = { accept: "accepted", reject: "rejected", archive: "archived", publish: "published" } as const satisfies Record<string, TopicStatus>;
/** One decision verb. */
export type Decision = keyof typeof DECISIONS;

/** "accepted by Wang Fang · 11-26 10:42", for refusing a click on a card that was already decided. */
export async function outcomeText(scope: RequestScope, t: TopicRecord): Promise<string> {
  const status = nameOf(STATUS_NAMES, scope.actor.locale, t.status);
  if (!t.decidedById || !t.decidedAt) return status;
  const by = (await displayNames(scope.deps.db, [t.decidedById])).get(t.decidedById) ?? "?";
  const at = dayjs(t.decidedAt).tz(scope.team.timezone).format("MM-DD HH:mm");
  return scope.actor.locale === "en" ? `already ${status} by ${by} · ${at}` : `已由 ${by} ${status} · ${at}`;
}

/**
 * Moves topic `id` by `decision`. From a button (`viaCard`), only an undecided idea can be decided; any
 * other state means someone was first, and the clicker is told who and when instead of deciding twice.
 */
export async function decideTopic(scope: RequestScope, id: number, decision: Decision, reason: string | undefined, viaCard = false): Promise<void> {
  const to = DECISIONS[decision];
  const topic = await findTopic(scope.deps.db, scope.team.id, id);
  await requireRelation(scope, () => (topic.proposerId === scope.actor.id ? ["proposer"] : []));
  if (viaCard && topic.status !== "idea") throw new AppError("action.stale", { outcome: await outcomeText(scope, topic) });
  assertTransition(topic.status, to);
  if (requiresReason(to) && !reason) throw new AppError("topic.reason_required", { what: decision });
  await scope.deps.db.$transaction(async (tx) => {
    const after = await changeTopic(tx, scope, topic, { status: to, reason: reason ?? topic.reason, decided: true }, `topic.${decision}`);
    if (!viaCard) await replyNotice(tx, scope, topicNotices[scope.actor.locale].transitioned(after.id, nameOf(STATUS_NAMES, scope.actor.locale, to)));
  });
}
