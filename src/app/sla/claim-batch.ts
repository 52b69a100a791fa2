// Claims a batch of due SLA items in ONE statement: each row is updated only if its status, reminder
// counters and next reminder time are still what the sweep read, and RETURNING says which rows this sweep won. A reminder is only
// ever sent after its counters moved, so two replicas never send the same one. (Per-row Prisma updates cost
// about 2 ms each through the query compiler; one statement for 500 rows keeps the sweep in budget.)
import type { Tx } from "../../db/client.js";

/** The new state of one item, guarded by what was read. */
export interface ClaimPlan {
  id: number;
  status: string;
  warningsSent: number;
  escalationStep: number;
  nextReminderAt: Date | null;
  next: { warningsSent: number; escalationStep: number; nextReminderAt: Date | null; breachedAt: Date | null };
}

// The better-sqlite3 driver adapter stores DateTime as ISO 8601 text with "+00:00"; raw SQL must match it.
const sqlDate = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);

/** Applies the plans whose guard still holds; returns the ids claimed. */
export async function claimBatch(tx: Tx, plans: readonly ClaimPlan[], now: Date): Promise<Set<number>> {
  if (plans.length === 0) return new Set();
  const values = plans.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
  const args = plans.flatMap((p) => [p.id, p.status, p.warningsSent, p.escalationStep, p.next.warningsSent, p.next.escalationStep, sqlDate(p.next.nextReminderAt), sqlDate(p.next.breachedAt), sqlDate(p.nextReminderAt)]);
  const rows = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `UPDATE "SlaItem" AS s SET "warningsSent" = v.column5, "escalationStep" = v.column6, "nextReminderAt" = v.column7,
       "breachedAt" = COALESCE(s."breachedAt", v.column8), "updatedAt" = ?
     FROM (VALUES ${values}) AS v
     WHERE s."id" = v.column1 AND s."status" = v.column2 AND s."warningsSent" = v.column3 AND s."escalationStep" = v.column4
       AND s."nextReminderAt" IS v.column9
     RETURNING "id" AS id`,
    sqlDate(now),
    ...args,
  );
  return new Set(rows.map((r) => Number(r.id)));
}
