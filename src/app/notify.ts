// Short confirmations to the person who acted, through the outbox like every other message.
import type { Db, Tx } from "../db/client.js";
import type { Tone } from "../messaging/card.js";
import { enqueueReply } from "./outbox/enqueue.js";
import type { RequestScope } from "./scope.js";

/** Tells the actor `title` (already in their language), visible to them only. */
export function replyNotice(db: Db | Tx, scope: RequestScope, title: string, lines: string[] = [], tone: Tone = "success"): Promise<void> {
  return enqueueReply(db, scope, { template: "notice", model: { title, lines, tone } });
}
