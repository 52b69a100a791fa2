// Storing an inbound event before the platform hears "received": one insert that is also the de-duplication
// (the unique source + eventKey), refused when too much is already waiting (backpressure: the platform
// retries a non-2xx answer, memory stays bounded).
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { makeDurable } from "../../db/durable.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Locale } from "../../domain/locale.js";
import type { InboundEvent } from "../../messaging/inbound.js";

/** What the worker needs to run the event and answer its sender. */
export interface InboxPayload {
  event: InboundEvent;
  /** Language of refusals for someone the service does not know yet. */
  locale?: Locale;
  /** How the adapter answers a refusal (e.g. Slack's response_url); the adapter reads it back. */
  reply?: Record<string, string>;
}

/** The outcome of storing: stored (with its row id), a redelivery of a stored event, or refused as busy. */
export type StoreResult = { kind: "stored"; id: number } | { kind: "duplicate" } | { kind: "busy"; waiting: number };

/** Stored already claimed by the request that stores it (`leaseMs`), which then runs it itself. */
export interface ClaimOnStore {
  leaseMs: number;
}

/** The queue key of a conversation: its events run one at a time, in order. */
export function conversationKeyOf(event: InboundEvent): string {
  return `${event.conversation.platform}:${event.conversation.externalId}`;
}

/** One inbox row as stored: who delivered it, its delivery id (the de-duplication), its conversation, the work. */
export interface InboxRow {
  source: string;
  eventKey: string;
  conversationKey: string;
  payloadJson: string;
}

/** The row of a chat event (a command or a click); a delivery without an id of its own gets a random one. */
export function chatRow(payload: InboxPayload): InboxRow {
  const event = payload.event;
  return { source: event.actor.platform, eventKey: event.eventId ?? `local:${randomUUID()}`, conversationKey: conversationKeyOf(event), payloadJson: JSON.stringify(payload) };
}

/** The last store of each database handle in this process: stores take turns (see storeRow). */
const storeTurns = new WeakMap<Db, Promise<unknown>>();

/**
 * Runs `fn` in this process's turn on `db`: a count of waiting events and what follows from it (an insert, an
 * admission) are two statements, and a burst of concurrent requests must not all read the same count and
 * overshoot the bound (PostgreSQL's connection pool let them).
 */
export function inStoreTurn<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const previous = storeTurns.get(db) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(fn);
  storeTurns.set(db, mine);
  return mine;
}

/**
 * Inserts the row unless it was stored before or `max` events are already waiting, in this process's store turn
 * (see inStoreTurn). Several replicas may still together store a few more than `max`, which is the bound's
 * slack, not a leak.
 */
export async function storeRow(db: Db, row: InboxRow, now: Date, max: number, claim?: ClaimOnStore): Promise<StoreResult> {
  const stored = await inStoreTurn(db, () => storeNow(db, row, now, max, claim));
  // The platform hears "received" after this, so the row must survive the machine, not only the process. Outside
  // the turn: the stores of a burst share one flush (src/db/durable.ts).
  if (stored.kind === "stored") await makeDurable(db);
  return stored;
}

async function storeNow(db: Db, row: InboxRow, now: Date, max: number, claim?: ClaimOnStore): Promise<StoreResult> {
  const waiting = await db.inboundEvent.count({ where: { status: { not: "done" } } });
  if (waiting >= max) return { kind: "busy", waiting };
  try {
    const created = await db.inboundEvent.create({
      data: {
        ...row,
        createdAt: now,
        // A request that runs its own event holds it from the start, so no worker takes it from under it;
        // should the process die, the lease runs out and a worker does.
        ...(claim ? { status: "working", attempts: 1, leaseUntil: new Date(now.getTime() + claim.leaseMs) } : {}),
      },
      select: { id: true },
    });
    return { kind: "stored", id: created.id };
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: "duplicate" };
    throw err;
  }
}
