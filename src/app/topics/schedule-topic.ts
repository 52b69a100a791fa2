// /topic schedule: the publish date and time. An approved topic becomes scheduled; earlier in its life the
// date is kept as the plan and the topic is scheduled once it is approved.
import { topicNotices } from "../../../templates/topic/topic-notices.js";
import { STATUS_NAMES, nameOf } from "../../../templates/strings/labels.js";
import { AppError } from "../../domain/errors.js";
import { parsePlannedWhen } from "../../domain/topics/plan-date.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { CLOSED_STATUSES } from "./assign-topic.js";
import { changeTopic } from "./change-topic.js";
import { findTopic } from "./load-topic.js";

/** Sets the planned day and time; refuses closed topics and, for a real schedule, a missing time. */
export async function scheduleTopic(scope: RequestScope, id: number, whenText: string): Promise<void> {
  const { db } = scope.deps;
  const topic = await findTopic(db, scope.team.id, id);
  const when = parsePlannedWhen(whenText, { now: scope.now, zone: scope.team.timezone });
  const locale = scope.actor.locale;
  if ((CLOSED_STATUSES as readonly string[]).includes(topic.status)) {
    throw new AppError("topic.closed", { id, status: nameOf(STATUS_NAMES, locale, topic.status) });
  }
  const ready = topic.status === "approved" || topic.status === "scheduled";
  if (ready && !when.time) throw new AppError("topic.time_required", { id });
  const label = `${when.day}${when.time ? ` ${when.time}` : ""}`;
  await db.$transaction(async (tx) => {
    const change = { plannedDay: when.day, plannedTime: when.time ?? null, ...(ready ? { status: "scheduled" as const } : {}) };
    const after = await changeTopic(tx, scope, topic, change, "topic.schedule");
    const n = topicNotices[locale];
    await replyNotice(tx, scope, ready ? n.scheduled(id, label) : n.planned(id, label, nameOf(STATUS_NAMES, locale, after.status)));
  });
}
