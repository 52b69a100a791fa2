// Writing to the outbox: every message and card update the bot sends starts here, inside the transaction of
// the change that causes it (a crash after commit loses nothing; the worker sends it later).
import type { Db, Tx } from "../../db/client.js";
import type { ModelOf, TemplateId } from "../../../templates/index.js";
import type { RequestScope } from "../scope.js";

/** A card to render from a template and its view model. */
export interface OutboundCard<K extends TemplateId = TemplateId> {
  template: K;
  model: ModelOf<K>;
}

/**
 * How long a new row is left to the request that wrote it before the background worker (on any replica) may
 * take it. The writer delivers its rows itself right after the commit and answers with what it sent; a worker
 * taking a fresh row first would send it just once too, but the writer's answer would lack it (the console's
 * reply without its card). The worker remains the safety net: after a crash the row goes out this much later.
 */
export const WRITER_FIRST_MS = 15_000;

/** What writing a row needs of the request: its time, and where to note the row for delivery after it. */
type Writer = Pick<RequestScope, "now" | "outboxIds">;

async function write(
  tx: Tx | Db,
  scope: Writer,
  row: { kind: string; channelId?: string; userId?: string; subjectKey?: string; stateVersion?: number; locale?: string; card: OutboundCard; holdUntil?: Date },
): Promise<void> {
  const created = await tx.outboxMessage.create({
    data: {
      kind: row.kind,
      channelId: row.channelId ?? null,
      userId: row.userId ?? null,
      subjectKey: row.subjectKey ?? null,
      stateVersion: row.stateVersion ?? null,
      locale: row.locale ?? null,
      template: row.card.template,
      modelJson: JSON.stringify(row.card.model),
      nextAttemptAt: row.holdUntil ?? new Date(scope.now.getTime() + WRITER_FIRST_MS),
      createdAt: scope.now,
    },
    select: { id: true },
  });
  // A held row is not the request's to deliver: the outbox worker sends it once it is due.
  if (!row.holdUntil) scope.outboxIds.push(created.id);
}

/** Posts a card to the request's channel (or `channelId`), in the actor's language. */
export function enqueuePost<K extends TemplateId>(
  tx: Tx | Db,
  scope: RequestScope,
  card: OutboundCard<K>,
  opts: { subjectKey?: string; stateVersion?: number; channelId?: string } = {},
): Promise<void> {
  return write(tx, scope, { kind: "post", channelId: opts.channelId ?? scope.channel.id, locale: scope.actor.locale, card, ...opts });
}

/**
 * Shows a card only to the actor, in the channel they wrote in. With a `subjectKey` the card is one that later
 * changes update in place: it is kept as a PostedCard, and goes to a direct chat instead on platforms whose
 * ephemerals cannot be updated but which have direct chats (Slack).
 */
export function enqueueReply<K extends TemplateId>(tx: Tx | Db, scope: RequestScope, card: OutboundCard<K>, opts: { subjectKey?: string; stateVersion?: number } = {}): Promise<void> {
  return write(tx, scope, { kind: "ephemeral", channelId: scope.channel.id, userId: scope.actor.id, locale: scope.actor.locale, card, ...opts });
}

/**
 * Sends a card to one person in a direct chat on the platform where they are reached (their first linked
 * identity on a platform that has direct chats). Skipped where they have none; use a channel post as well.
 * With `holdUntil` (the end of the person's quiet hours) it waits in the outbox until then.
 */
export function enqueueDirect<K extends TemplateId>(
  tx: Tx | Db,
  scope: RequestScope,
  userId: string,
  locale: string,
  card: OutboundCard<K>,
  opts: { subjectKey?: string; stateVersion?: number; holdUntil?: Date } = {},
): Promise<void> {
  return write(tx, scope, { kind: "direct", userId, locale, card, ...opts });
}

/** Updates every posted card of `subjectKey` to the subject's state at `stateVersion`, wherever it was posted. */
export function enqueueUpdate<K extends TemplateId>(
  tx: Tx | Db,
  scope: Writer,
  subjectKey: string,
  stateVersion: number,
  card: OutboundCard<K>,
): Promise<void> {
  return write(tx, scope, { kind: "update", subjectKey, stateVersion, card });
}

/** The template column of a platform send row (it is not a card: the delivery calls the platform's API). */
export const PLATFORM_REPLY_TEMPLATE = "platform.reply";

/**
 * Writes a send to a content platform (a reply to a comment or a message) as an outbox row of kind
 * "platform_reply", so it is durable and retried like every card; `model` is what src/app/sla/reply-delivery.ts
 * reads back.
 */
export async function enqueuePlatformReply(tx: Tx | Db, scope: Writer, model: { itemId: number; text: string; byId: string; channelId: string | null }): Promise<void> {
  const created = await tx.outboxMessage.create({
    data: {
      kind: "platform_reply",
      subjectKey: `sla:${model.itemId}`,
      template: PLATFORM_REPLY_TEMPLATE,
      modelJson: JSON.stringify(model),
      nextAttemptAt: new Date(scope.now.getTime() + WRITER_FIRST_MS),
      createdAt: scope.now,
    },
    select: { id: true },
  });
  scope.outboxIds.push(created.id);
}
