// Admins see what the sender owes and retry what it gave up on.
import { AppError } from "../../domain/errors.js";
import { encodeAction, type TActionPayload } from "../../messaging/action.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";

/** How many dead letters one card lists (the oldest first). */
const DEAD_SHOWN = 10;

/** Replies with the outbox counts and the dead letters. */
export async function showOutbox(scope: RequestScope): Promise<void> {
  const { db } = scope.deps;
  const grouped = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const count = (s: string) => grouped.find((g) => g.status === s)?._count._all ?? 0;
  const dead = await db.outboxMessage.findMany({ where: { status: "dead" }, orderBy: { id: "asc" }, take: DEAD_SHOWN });
  const model = {
    counts: { pending: count("pending"), sending: count("sending"), sent: count("sent"), dead: count("dead") },
    dead: dead.map((d) => ({
      id: d.id, kind: d.kind, template: d.template, attempts: d.attempts, lastError: (d.lastError ?? "").slice(0, 200),
      retry: encodeAction({ action: "retry", subjectType: "outbox", subjectId: String(d.id), stateVersion: d.attempts }, scope.deps.buttonKey),
    })),
  };
  await enqueueReply(db, scope, { template: "admin.outbox", model });
}

/** The Retry button: a dead letter goes back to pending with a fresh count of tries. */
export async function handleOutboxAction(scope: RequestScope, p: TActionPayload): Promise<void> {
  if (p.action !== "retry") throw new AppError("action.unknown", { action: `outbox.${p.action}` });
  const id = Number(p.subjectId);
  await scope.deps.db.$transaction(async (tx) => {
    const res = await tx.outboxMessage.updateMany({ where: { id, status: "dead" }, data: { status: "pending", attempts: 0, nextAttemptAt: scope.now, lastError: null } });
    if (res.count === 0) throw new AppError("outbox.not_dead", { id });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "outbox.retry", subjectType: "outbox", subjectId: id, at: scope.now });
    await replyNotice(tx, scope, scope.actor.locale === "en" ? `Message #${id} will be sent again.` : `消息 #${id} 将重新发送。`);
  });
}
