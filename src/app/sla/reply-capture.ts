// WeCom's Reply: a template card cannot ask for text, so the click opens a ten-minute wait in that conversation
// and the person's next plain message there (not a /command) is taken as the reply. The wait is a Setting row
// per person and conversation, so any replica sees it; taking it deletes it (guarded), so one message is one reply.
import { slaCopy } from "../../../templates/sla/sla-copy.js";
import { AppError } from "../../domain/errors.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { loadOpenItem } from "./sla-actions.js";

/** How long after clicking Reply the next message counts as the reply. */
export const REPLY_WAIT_MINUTES = 10;

const keyOf = (scope: RequestScope) => `sla.reply_wait:${scope.actor.id}:${scope.channel.id}`;

/** After a Reply click without text: waits for the actor's next message here. */
export async function askForReply(scope: RequestScope, id: number): Promise<void> {
  const row = await loadOpenItem(scope, id);
  if (row.replyStatus === "sending") throw new AppError("sla.reply_in_flight", { id });
  const until = new Date(scope.now.getTime() + REPLY_WAIT_MINUTES * 60_000);
  const value = JSON.stringify({ itemId: id, until: until.toISOString() });
  await scope.deps.db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: keyOf(scope) }, create: { key: keyOf(scope), value }, update: { value } });
    await replyNotice(tx, scope, slaCopy[scope.actor.locale].replyAsk(id, REPLY_WAIT_MINUTES), [], "info");
  });
}

/** The item the actor's message answers, when they clicked Reply here in the last ten minutes (the wait ends). */
export async function takeWaitingReply(scope: RequestScope): Promise<number | undefined> {
  const { db } = scope.deps;
  const row = await db.setting.findUnique({ where: { key: keyOf(scope) } });
  if (!row) return undefined;
  const taken = await db.setting.deleteMany({ where: { key: row.key, value: row.value } });
  if (taken.count === 0) return undefined; // another delivery took it
  try {
    const w = JSON.parse(row.value) as { itemId?: unknown; until?: unknown };
    if (typeof w.itemId !== "number" || typeof w.until !== "string") return undefined;
    return new Date(w.until) > scope.now ? w.itemId : undefined;
  } catch {
    return undefined;
  }
}
