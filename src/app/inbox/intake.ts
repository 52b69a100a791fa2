// Content-platform intake through the inbox: a delivery whose answer needs no result (the WeChat OA push is
// answered "success") is stored as an inbox event keyed by the platform's delivery id, so the insert is also
// the de-duplication of WeChat's retries (on any replica, after a restart), and a worker stores its items as
// SLA items later, in order per sender. The item store de-duplicates again by external id, so an event retaken
// after a crash cannot open an item twice.
import type { SlaSource } from "../../domain/sla/index.js";
import type { AppDeps } from "../deps.js";
import type { InboundOutcome } from "../handle-inbound.js";
import { ingestSlaItems } from "../sla/ingest-items.js";
import type { InboxRow } from "./store.js";

/** What an intake event carries: raw items for ingestSlaItems, checked when the event runs. */
export interface IntakePayload {
  intake: { source: SlaSource; items: unknown[] };
}

/** Whether a stored payload is intake (chat events carry `event`). */
export function isIntake(payload: object): payload is IntakePayload {
  return "intake" in payload;
}

/**
 * The row of an intake delivery: `deliveryKey` is the platform's id of the delivery (WeChat's MsgId), the
 * conversation the sender's (a sender's messages are stored in the order they came).
 */
export function intakeRow(source: SlaSource, deliveryKey: string, sender: string, items: unknown[]): InboxRow {
  const payload: IntakePayload = { intake: { source, items } };
  return { source, eventKey: deliveryKey, conversationKey: `${source}:${sender}`, payloadJson: JSON.stringify(payload) };
}

/**
 * Stores the event's items (`deps` carry the worker's fenced database). A refused item (an account with no SLA
 * set up) is logged and finished: running it again would refuse it again. A database failure throws, and the
 * event is taken again when its lease runs out.
 */
export async function runIntake(deps: AppDeps, payload: IntakePayload): Promise<InboundOutcome> {
  const { source, items } = payload.intake;
  for (const r of await ingestSlaItems(deps, items, source)) {
    if (r.status === "accepted") deps.log.info({ id: r.id, externalId: r.externalId, source }, "intake: SLA item opened");
    else if (r.status === "duplicate") deps.log.debug({ id: r.id, externalId: r.externalId, source }, "intake: already stored");
    else deps.log.warn({ externalId: r.externalId, source, error: r.error }, "intake: item not stored");
  }
  return { ok: true, delivered: [] };
}
