// Writes metric values: a new (platform, account, metric, day) is created; a re-sent one replaces the value and
// keeps the old one in MetricValueHistory. Callers pass a transaction, so a batch is stored whole or not at all.
import type { Tx } from "../../db/client.js";

/** One value to store, already validated. */
export interface MetricInput {
  platform: string;
  account: string;
  metric: string;
  day: string;
  value: number;
}

/** How a batch went. */
export interface StoreResult {
  created: number;
  replaced: number;
  unchanged: number;
}

/** What happened to one row: stored new, replaced (with the value it replaced), or the same value again. */
export type RowOutcome = { kind: "created" } | { kind: "replaced"; old: number } | { kind: "unchanged" };

/** Stores `rows` in `tx`; `source` is api | csv | command, `by` the user id or the integration's name; `outcomes` gets one entry per row. */
export async function storeMetricValues(tx: Tx, teamId: string, rows: readonly MetricInput[], source: string, by: string | null, now: Date, outcomes?: RowOutcome[]): Promise<StoreResult> {
  const result: StoreResult = { created: 0, replaced: 0, unchanged: 0 };
  for (const r of rows) {
    const where = { teamId_platform_account_metric_day: { teamId, platform: r.platform, account: r.account, metric: r.metric, day: r.day } };
    const old = await tx.metricValue.findUnique({ where });
    if (!old) {
      await tx.metricValue.create({ data: { teamId, ...r, source, updatedAt: now, updatedBy: by } });
      result.created++;
      outcomes?.push({ kind: "created" });
    } else if (old.value === r.value) {
      result.unchanged++;
      outcomes?.push({ kind: "unchanged" });
    } else {
      await tx.metricValueHistory.create({ data: { metricValueId: old.id, oldValue: old.value, oldSource: old.source, newValue: r.value, replacedAt: now, replacedBy: by } });
      await tx.metricValue.update({ where: { id: old.id }, data: { value: r.value, source, updatedAt: now, updatedBy: by } });
      result.replaced++;
      outcomes?.push({ kind: "replaced", old: old.value });
    }
  }
  return result;
}
