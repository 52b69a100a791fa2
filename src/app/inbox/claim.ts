// Taking stored events to run, on any replica: a row is takeable when it waits (pending) or its worker's lease
// ran out (a crash), and no earlier event of its conversation is unfinished, so each conversation runs in the
// order its events were stored while conversations run independently. The claim is a guarded update
// (status and attempts as read): of two replicas reading the same row, one wins.
import type { Db } from "../../db/client.js";

/** How long a claimed event stays with its worker without renewal (the worker renews it while running). */
export const INBOX_LEASE_MS = 15_000;

/** A claimed row: `attempts` is the fencing token its transactions check. */
export interface ClaimedEvent {
  id: number;
  source: string;
  conversationKey: string;
  payloadJson: string;
  attempts: number;
  committedAt: Date | null;
}

type Candidate = { id: number; status: string; attempts: number; conversationKey: string };

const FIELDS = { id: true, source: true, conversationKey: true, payloadJson: true, status: true, attempts: true, committedAt: true } as const;

function takeable(now: Date) {
  return { OR: [{ status: "pending" }, { status: "working", leaseUntil: { lt: now } }] };
}

/** Whether nothing stored before `row` in its conversation is unfinished. */
export async function isHeadOfConversation(db: Db, row: Pick<Candidate, "id" | "conversationKey">): Promise<boolean> {
  const earlier = await db.inboundEvent.count({ where: { conversationKey: row.conversationKey, id: { lt: row.id }, status: { not: "done" } } });
  return earlier === 0;
}

/**
 * A guarded update of one row by its id: false when the guard no longer holds (another worker changed the row).
 * `update` with the guard in its where is one statement; `updateMany` is three on SQLite (Prisma wraps it in
 * BEGIN/COMMIT), and these run for every event.
 */
async function guarded(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === "P2025") return false; // no row matched the guard
    throw err;
  }
}

async function tryClaim(db: Db, row: Candidate, now: Date, leaseMs: number): Promise<boolean> {
  if (!(await isHeadOfConversation(db, row))) return false;
  return guarded(() =>
    db.inboundEvent.update({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: { status: "working", attempts: { increment: 1 }, leaseUntil: new Date(now.getTime() + leaseMs) },
      select: { id: true },
    }),
  );
}

/** Claims the oldest takeable event whose conversation is not in `busy` (conversations this process runs). */
export async function claimNext(db: Db, now: Date, busy: ReadonlySet<string>, leaseMs = INBOX_LEASE_MS): Promise<ClaimedEvent | undefined> {
  const rows = await db.inboundEvent.findMany({ where: takeable(now), orderBy: { id: "asc" }, take: 50, select: FIELDS });
  const seen = new Set(busy);
  for (const row of rows) {
    // Only a conversation's oldest row can be its head; later ones of the same conversation are skipped.
    if (seen.has(row.conversationKey)) continue;
    seen.add(row.conversationKey);
    if (await tryClaim(db, row, now, leaseMs)) return { ...row, attempts: row.attempts + 1 };
  }
  return undefined;
}

/** Extends a running event's lease; false when another worker has taken it meanwhile. */
export async function renewLease(db: Db, ev: ClaimedEvent, now: Date, leaseMs = INBOX_LEASE_MS): Promise<boolean> {
  return guarded(() => db.inboundEvent.update({ where: { id: ev.id, status: "working", attempts: ev.attempts }, data: { leaseUntil: new Date(now.getTime() + leaseMs) }, select: { id: true } }));
}

/** Marks a run finished with what it answered (only while this worker still holds it). */
export async function finish(db: Db, ev: ClaimedEvent, outcomeJson: string, now: Date): Promise<boolean> {
  return guarded(() => db.inboundEvent.update({ where: { id: ev.id, attempts: ev.attempts }, data: { status: "done", leaseUntil: null, outcomeJson, doneAt: now }, select: { id: true } }));
}
