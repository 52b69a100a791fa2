// The incident timeline: one IncidentEvent per change, written in the change's transaction.
import type { Tx } from "../../db/client.js";

/** Appends an event to incident `incidentId`'s timeline. */
export async function addEvent(tx: Tx, incidentId: number, kind: string, actorId: string | null, data: Record<string, unknown>, at: Date): Promise<void> {
  await tx.incidentEvent.create({ data: { incidentId, kind, actorId, dataJson: JSON.stringify(data), at } });
}
