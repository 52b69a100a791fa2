// Deterministic run keys: inserting the key is the claim, so each slot of a job runs once however many
// replicas are up, and a run missed while the service was down is run once when it comes back.
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";

/** Claims `runKey` for `jobId`; false when another replica (or an earlier start) already has it. */
export async function claimRun(db: Db, runKey: string, jobId: string, now: Date): Promise<boolean> {
  try {
    await db.jobRun.create({ data: { runKey, jobId, startedAt: now } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Records how a claimed run ended. */
export async function finishRun(db: Db, runKey: string, now: Date, error?: unknown): Promise<void> {
  await db.jobRun.update({ where: { runKey }, data: { finishedAt: now, error: error === undefined ? null : String(error).slice(0, 500) } });
}
