// /topic list: the backlog with filters, newest first.
import type { ArgsOf } from "../../../commands/index.js";
import { memberByHandle } from "../members.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { toTopicRecord } from "./load-topic.js";

/** How many rows one reply shows; the total is still reported. */
export const LIST_LIMIT = 30;

/** Replies to the actor with the matching topics. */
export async function listTopics(scope: RequestScope, args: ArgsOf<"topic.list">): Promise<void> {
  const { db } = scope.deps;
  const owner = args.owner ? await memberByHandle(db, scope.team.id, args.owner) : undefined;
  const where = {
    teamId: scope.team.id,
    ...(args.status ? { status: args.status } : {}),
    ...(owner ? { ownerId: owner.id } : {}),
    ...(args.theme ? { theme: args.theme } : {}),
    // Platforms are a JSON array; the quoted code cannot match inside another code.
    ...(args.platform ? { platforms: { contains: `"${args.platform}"` } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.topic.findMany({ where, orderBy: { id: "desc" }, take: LIST_LIMIT }),
    db.topic.count({ where }),
  ]);
  const topics = rows.map(toTopicRecord);
  const handles = await db.user.findMany({ where: { id: { in: topics.flatMap((t) => (t.ownerId ? [t.ownerId] : [])) } }, select: { id: true, handle: true } });
  const handleOf = new Map(handles.map((h) => [h.id, h.handle]));
  const items = topics.map((t) => ({ id: t.id, title: t.title, status: t.status, platforms: t.platforms, plannedDay: t.plannedDay, owner: t.ownerId ? (handleOf.get(t.ownerId) ?? null) : null }));
  await enqueueReply(db, scope, { template: "topic.list", model: { items, total } });
}
