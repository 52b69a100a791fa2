// Why the signed intake (/ingest/comments, /ingest/metrics) does its work inside the request instead of storing
// an inbox event for the workers: its answer is the work's result (each item accepted with its id and deadline,
// a duplicate with the id it already has, or rejected with the reason; each metric row created, replaced or
// unchanged), which a worker could only give after the answer. Done directly, the inbox's promises hold all the
// same:
// - stored before the answer: the items commit in one transaction and are flushed to disk (makeDurable, as the
//   inbox row is) before the 200; a request cut off before it answers stored nothing or everything, and the
//   sender, having had no 200, sends it again;
// - de-duplicated by the insert: an SLA item's (platform, externalId) is unique and inserted ON CONFLICT DO
//   NOTHING (reported "duplicate"), a metric's (team, platform, account, metric, day) is unique and a re-sent
//   value is "unchanged";
// - nothing held after the answer, and bounded before it: each request in progress counts against
//   MEDIAOPS_INBOX_MAX with the inbox's waiting events (Inbox.admitDirect); beyond it the sender hears 503
//   with Retry-After and sends it again, as it does for any non-2xx answer.
import type { FastifyReply } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import { makeDurable } from "../../db/durable.js";

/** Seconds a refused sender is asked to wait before trying again. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** Runs `work` admitted against the inbox's bound and made durable before it resolves; "busy": not run. */
export async function workBeforeAnswer<T>(deps: AppDeps, work: () => Promise<T>): Promise<T | "busy"> {
  const release = deps.inbox ? await deps.inbox.admitDirect() : () => undefined;
  if (release === "busy") return "busy";
  try {
    const result = await work();
    await makeDurable(deps.db);
    return result;
  } finally {
    release();
  }
}

/** The refusal when the inbox is full: nothing was stored, the sender retries. */
export function busyAnswer(reply: FastifyReply, body: Record<string, unknown>): FastifyReply {
  return reply.code(503).header("retry-after", String(BUSY_RETRY_AFTER_SECONDS)).send(body);
}
