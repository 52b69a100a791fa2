// How each metric source last went (MetricSourceStatus): the last day it stored and its last failure. Written by
// every intake path (the pull, the signed endpoint, CSV, typed values); read by /kpi sources.
import type { Db, Tx } from "../../db/client.js";
import type { TSourceError } from "../../domain/kpi/sources.js";

/** Notes that `source` stored values up to `lastDay` (a later day is kept if one was already noted). */
export async function noteStored(tx: Db | Tx, teamId: string, source: string, account: string, days: readonly string[], now: Date): Promise<void> {
  if (days.length === 0) return;
  const newest = [...days].sort().at(-1)!;
  const where = { teamId_source_account: { teamId, source, account } };
  const old = await tx.metricSourceStatus.findUnique({ where });
  const lastDay = old?.lastDay && old.lastDay > newest ? old.lastDay : newest;
  await tx.metricSourceStatus.upsert({ where, create: { teamId, source, account, lastDay, lastStoredAt: now }, update: { lastDay, lastStoredAt: now } });
}

/** Notes the last failure of `source`. */
export async function noteFailure(tx: Db | Tx, teamId: string, source: string, account: string, error: TSourceError, now: Date): Promise<void> {
  const where = { teamId_source_account: { teamId, source, account } };
  const lastError = JSON.stringify(error);
  await tx.metricSourceStatus.upsert({ where, create: { teamId, source, account, lastError, lastErrorAt: now }, update: { lastError, lastErrorAt: now } });
}

/** A refusal (AppError-shaped) as a stored source error. */
export function refusalOf(err: { code: string; params: Record<string, unknown> }, row?: number): TSourceError {
  const params = Object.fromEntries(Object.entries(err.params).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"));
  return { kind: "refused", code: err.code, params, ...(row !== undefined ? { row } : {}) };
}
