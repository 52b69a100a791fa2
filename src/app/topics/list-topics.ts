// /topic list: the backlog with filters, newest first.
import type { ArgsOf } from "../../../commands/index.js";
import { memberByHandle } from "../members.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { platformsOf, topicStatus } from "./load-topic.js";

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
  // Only the columns the list card shows; the total is counted only when the page is full (otherwise the
  // page is the total): one statement fewer for a small backlog.
  const rows = await db.topic.findMany({ where, orderBy: { id: "desc" }, take: LIST_LIMIT, select: { id: true, title: true, status: true, platforms: true, plannedDay: true, ownerId: true } });
  const total = rows.length < LIST_LIMIT ? rows.length : await db.topic.count({ where });
  const ownerIds = [...new Set(rows.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))];
  const handles = ownerIds.length ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, handle: true } }) : [];
  const handleOf = new Map(handles.map((h) => [h.id, h.handle]));
  const items = rows.map((t) => ({ id: t.id, title: t.title, status: topicStatus(t), platforms: platformsOf(t), plannedDay: t.plannedDay, owner: t.ownerId ? (handleOf.get(t.ownerId) ?? null) : null }));
  await enqueueReply(db, scope, { template: "topic.list", model: { items, total } });
}
