// The audit trail: one row per change, written in the same transaction as the change itself.
import type { Tx } from "../db/client.js";

/** One audited change. `before`/`after` are the fields that changed, not whole rows. */
export interface AuditEntry {
  teamId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string | null;
  at: Date;
}

/** Appends an audit row inside `tx`. */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      teamId: e.teamId,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: String(e.subjectId),
      beforeJson: e.before ? JSON.stringify(e.before) : null,
      afterJson: e.after ? JSON.stringify(e.after) : null,
      reason: e.reason ?? null,
      createdAt: e.at,
    },
  });
}
