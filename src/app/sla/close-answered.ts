// Closes items that were answered on the platform itself (a reply written in the WeChat OA backend, seen by the
// comment poll): answered at the reply's time with the reply's text, by nobody in the team's chat. Each close is
// a guarded update (two replicas seeing the same reply close it once), audited, and every card of the item is
// brought up to date through the outbox.
import type { AppDeps } from "../deps.js";
import { audit } from "../audit.js";
import { deliverOutbox } from "../outbox/deliver.js";
import { itemsWithCards, updateItemCards } from "./item-cards.js";
import { loadSlaContext, type SlaContext } from "./sla-context.js";

/** A reply found on the platform. */
export interface PlatformAnswer {
  externalId: string;
  /** When the reply was written. */
  at: Date;
  text: string;
}

/** Closes the open items among `answers` (of `platform`); returns how many this call closed. */
export async function closeAnsweredOnPlatform(deps: AppDeps, platform: string, answers: readonly PlatformAnswer[]): Promise<number> {
  if (answers.length === 0) return 0;
  const { db } = deps;
  const now = deps.clock.now();
  const open = await db.slaItem.findMany({ where: { platform, externalId: { in: answers.map((a) => a.externalId) }, status: { in: ["open", "claimed"] } } });
  if (open.length === 0) return 0;
  const byId = new Map(answers.map((a) => [a.externalId, a]));
  const contexts = new Map<string, SlaContext>();
  const outboxIds: number[] = [];
  let closed = 0;
  for (const row of open) {
    const a = byId.get(row.externalId)!;
    let ctx = contexts.get(row.teamId);
    if (!ctx) contexts.set(row.teamId, (ctx = await loadSlaContext(db, row.teamId)));
    // A reply stamped before the comment (clock skew on the platform) still counts as answered at once.
    const at = a.at < row.createdAt ? row.createdAt : a.at;
    await db.$transaction(async (tx) => {
      const r = await tx.slaItem.updateMany({
        where: { id: row.id, status: row.status, version: row.version },
        data: { status: "answered", answeredAt: at, answeredById: null, answer: a.text || null, nextReminderAt: null, version: { increment: 1 }, updatedAt: now },
      });
      if (r.count === 0) return; // changed meanwhile (a person, or another replica's poll)
      closed++;
      await audit(tx, { teamId: row.teamId, actorId: null, action: "sla.answer", subjectType: "sla", subjectId: row.id, before: { status: row.status }, after: { status: "answered", answeredAt: at.toISOString() }, reason: "answered on the platform", at: now });
      if ((await itemsWithCards(tx, [row.id])).size === 0) return;
      const fresh = await tx.slaItem.findUniqueOrThrow({ where: { id: row.id } });
      await updateItemCards(tx, { deps, now, outboxIds }, fresh, ctx);
    });
  }
  if (outboxIds.length > 0) await deliverOutbox(deps, outboxIds);
  return closed;
}
