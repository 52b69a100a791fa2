// Claims a batch of due SLA items in ONE statement: each row is updated only if its status, reminder
// counters and next reminder time are still what the sweep read, and RETURNING says which rows this sweep won. A reminder is only
// ever sent after its counters moved, so two replicas never send the same one. (Per-row Prisma updates cost
// about 2 ms each through the query compiler; one statement for 500 rows keeps the sweep in budget.)
import type { Tx } from "../../db/client.js";
import { intParam, textParam, timestampParam, timestampValue, type SqlDialect } from "../../db/dialect.js";

/** The new state of one item, guarded by what was read. */
export interface ClaimPlan {
  id: number;
  status: string;
  warningsSent: number;
  escalationStep: number;
  nextReminderAt: Date | null;
  next: { warningsSent: number; escalationStep: number; nextReminderAt: Date | null; breachedAt: Date | null };
  /** The item's cards change (a warning or the breach is told): its version moves on, so they are updated. */
  bump: boolean;
}

/** Applies the plans whose guard still holds; returns the ids claimed. Written once for SQLite and PostgreSQL. */
export async function claimBatch(tx: Tx, plans: readonly ClaimPlan[], now: Date, dialect: SqlDialect): Promise<Set<number>> {
  if (plans.length === 0) return new Set();
  const args: unknown[] = [timestampValue(dialect, now)];
  const rows: string[] = [];
  for (const p of plans) {
    const n = args.length;
    args.push(p.id, p.status, p.warningsSent, p.escalationStep, p.next.warningsSent, p.next.escalationStep, timestampValue(dialect, p.next.nextReminderAt), timestampValue(dialect, p.next.breachedAt), timestampValue(dialect, p.nextReminderAt), p.bump ? 1 : 0);
    const i = (k: number) => n + k;
    rows.push(`(${intParam(dialect, i(1))}, ${textParam(dialect, i(2))}, ${intParam(dialect, i(3))}, ${intParam(dialect, i(4))}, ${intParam(dialect, i(5))}, ${intParam(dialect, i(6))}, ${timestampParam(dialect, i(7))}, ${timestampParam(dialect, i(8))}, ${timestampParam(dialect, i(9))}, ${intParam(dialect, i(10))})`);
  }
  const claimed = await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
    `UPDATE "SlaItem" AS s SET "warningsSent" = v.column5, "escalationStep" = v.column6, "nextReminderAt" = v.column7,
       "breachedAt" = COALESCE(s."breachedAt", v.column8), "version" = s."version" + v.column10, "updatedAt" = ${timestampParam(dialect, 1)}
     FROM (VALUES ${rows.join(", ")}) AS v
     WHERE s."id" = v.column1 AND s."status" = v.column2 AND s."warningsSent" = v.column3 AND s."escalationStep" = v.column4
       AND s."nextReminderAt" IS NOT DISTINCT FROM v.column9
     RETURNING "id" AS id`,
    ...args,
  );
  return new Set(claimed.map((r) => Number(r.id)));
}
