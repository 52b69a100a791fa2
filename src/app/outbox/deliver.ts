// The sender: takes outbox rows, renders their cards in the reader's language and hands them to the
// platform's channel. Each row is claimed before sending, so two workers never send it twice.
import { renderTemplate } from "../../../templates/index.js";
import { toLocale } from "../../domain/locale.js";
import type { ChatChannel } from "../../messaging/channel.js";
import type { ChatPlatform } from "../../messaging/inbound.js";
import { intParam, timestampParam, timestampValue } from "../../db/dialect.js";
import type { AppDeps } from "../deps.js";
import { checkIdentities, remembered } from "../identity/cache.js";
import { deliverPlatformReply } from "../sla/reply-delivery.js";

/** A message that a delivery created or changed, in the platform's ids. */
export interface DeliveredRef {
  platform: string;
  conversationId: string;
  messageId: string;
}

/**
 * Tries before a row is parked as dead (visible to admins). The clients do not retry inside a send, so every
 * retry is one of these; with the backoff below they span about 40 minutes.
 */
export const MAX_ATTEMPTS = 12;

/**
 * How long a claimed row stays with its sender before another worker may take it (a crash mid-send). It must
 * outlast one send: the clients make a single try with a 10 s timeout (Slack: bolt-app.ts), plus the pacing
 * wait of at most a few posts, so a row still being sent is never taken again.
 */
export const SEND_LEASE_MS = 60_000;

type FullRow = NonNullable<Awaited<ReturnType<AppDeps["db"]["outboxMessage"]["findUnique"]>>>;
/** What sending a row reads of it (the worker reads whole rows; a request's own claim returns just these). */
type Row = Pick<FullRow, "id" | "kind" | "channelId" | "userId" | "subjectKey" | "template" | "modelJson" | "locale" | "stateVersion" | "status" | "attempts">;

function channelFor(deps: AppDeps, platform: string): ChatChannel {
  const ch = deps.channels.get(platform as ChatPlatform);
  if (!ch) throw new Error(`no channel configured for platform ${platform}`);
  return ch;
}

async function conversation(deps: AppDeps, channelId: string | null) {
  if (!channelId) throw new Error("outbox row without a channel");
  const row = await remembered(deps.db, "channel", channelId, deps.clock.now(), () => deps.db.channel.findUnique({ where: { id: channelId } }));
  if (!row) throw new Error(`outbox row for a missing channel ${channelId}`);
  return row;
}

async function sendOne(deps: AppDeps, row: Row): Promise<DeliveredRef[]> {
  const model: unknown = JSON.parse(row.modelJson);
  if (row.kind === "post" || row.kind === "ephemeral") {
    const conv = await conversation(deps, row.channelId);
    const channel = channelFor(deps, conv.platform);
    // A card that later changes update in place cannot be an ephemeral where ephemerals are not kept (Slack):
    // it goes to the person's direct chat, where it can be updated.
    if (row.kind === "ephemeral" && row.subjectKey && channel.updatableEphemerals === false && channel.direct) return sendDirect(deps, row, model);
    const card = renderTemplate(row.template, model, toLocale(row.locale));
    let messageId: string | undefined;
    if (row.kind === "post") {
      messageId = await channel.post({ conversationId: conv.externalId }, card);
      if (row.subjectKey) {
        await deps.db.postedCard.create({
          data: { subjectKey: row.subjectKey, platform: conv.platform, channelId: conv.id, messageRef: messageId, template: row.template, locale: toLocale(row.locale), stateVersion: row.stateVersion ?? 0, createdAt: deps.clock.now() },
        });
      }
    } else {
      const userId = row.userId ?? "";
      const identity = await remembered(deps.db, "account", `${userId}\u0000${conv.platform}`, deps.clock.now(), () => deps.db.platformIdentity.findFirst({ where: { userId, platform: conv.platform } }));
      if (!identity) return [];
      messageId = await channel.ephemeral({ conversationId: conv.externalId, userExternalId: identity.externalId }, card);
      if (row.subjectKey && messageId) {
        await deps.db.postedCard.create({
          data: { subjectKey: row.subjectKey, platform: conv.platform, channelId: conv.id, messageRef: messageId, template: row.template, locale: toLocale(row.locale), stateVersion: row.stateVersion ?? 0, createdAt: deps.clock.now() },
        });
      }
    }
    return messageId ? [{ platform: conv.platform, conversationId: conv.externalId, messageId }] : [];
  }
  if (row.kind === "direct") return sendDirect(deps, row, model);
  if (row.kind === "update") return updateSubject(deps, row, model);
  throw new Error(`unknown outbox kind ${row.kind}`);
}

/** A direct message on the platform the person used most recently among those with direct chats; none is not an error. */
async function sendDirect(deps: AppDeps, row: Row, model: unknown): Promise<DeliveredRef[]> {
  const identities = (await deps.db.platformIdentity.findMany({ where: { userId: row.userId ?? "" }, orderBy: { id: "asc" } })).sort(
    (a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0),
  );
  const reachable = identities.find((i) => deps.channels.get(i.platform as ChatPlatform)?.direct);
  if (!reachable) return [];
  const channel = channelFor(deps, reachable.platform);
  const card = renderTemplate(row.template, model, toLocale(row.locale));
  const sent = await channel.direct!(reachable.externalId, card);
  if (row.subjectKey) {
    await deps.db.postedCard.create({
      data: { subjectKey: row.subjectKey, platform: reachable.platform, channelId: null, messageRef: `${sent.conversationId}|${sent.messageId}`, template: row.template, locale: toLocale(row.locale), stateVersion: row.stateVersion ?? 0, createdAt: deps.clock.now() },
    });
  }
  return [{ platform: reachable.platform, conversationId: sent.conversationId, messageId: sent.messageId }];
}

/** Updates every card of the subject that shows an older state; never moves a card backwards. */
async function updateSubject(deps: AppDeps, row: Row, model: unknown): Promise<DeliveredRef[]> {
  const version = row.stateVersion ?? 0;
  const cards = await deps.db.postedCard.findMany({ where: { subjectKey: row.subjectKey ?? "", stateVersion: { lt: version } } });
  const out: DeliveredRef[] = [];
  for (const pc of cards) {
    // Direct messages keep "conversation|message" in messageRef, since they have no channel row.
    const [conversationId, messageId] = pc.channelId ? [(await conversation(deps, pc.channelId)).externalId, pc.messageRef] : splitDirectRef(pc.messageRef);
    const card = renderTemplate(row.template, model, toLocale(pc.locale));
    await channelFor(deps, pc.platform).update({ conversationId }, messageId, card);
    await deps.db.postedCard.updateMany({ where: { id: pc.id, stateVersion: { lt: version } }, data: { stateVersion: version } });
    out.push({ platform: pc.platform, conversationId, messageId });
  }
  return out;
}

function splitDirectRef(ref: string): [string, string] {
  const i = ref.indexOf("|");
  return [ref.slice(0, i), ref.slice(i + 1)];
}

/**
 * Posts to one conversation go out in the order they were written: a post not yet sent (waiting for its
 * writer, for its retry, or still being sent) holds back later posts to the same conversation until it is
 * sent or parked as dead. Ephemeral replies and card updates are not held (they do not form the channel's
 * sequence, and an update keeps its own order by stateVersion).
 */
async function waitsBehindAnEarlierPost(deps: AppDeps, row: Row): Promise<boolean> {
  if (!row.channelId || row.kind !== "post") return false;
  const earlier = await deps.db.outboxMessage.count({ where: { channelId: row.channelId, kind: "post", id: { lt: row.id }, status: { in: ["pending", "sending"] } } });
  return earlier > 0;
}

/** Honours a platform's Retry-After (an error carrying `retryAfterMs`), else backs off exponentially. */
export function retryDelayMs(err: unknown, attempts: number): number {
  const hinted = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof hinted === "number" && hinted > 0 ? hinted : backoffMs(attempts);
}

/** Backoff before the next try: exponential with jitter, capped at 10 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(600_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * Claims the request's own rows that are still pending, and returns them as they were before the claim (status,
 * attempts): one UPDATE ... RETURNING, the same SQL on SQLite and PostgreSQL, where reading them and claiming
 * each (a guarded update, which Prisma wraps in BEGIN/COMMIT) took four statements for a one-row reply. A row
 * not returned was taken by a worker meanwhile, or never committed (its transaction rolled back).
 */
async function claimOwn(deps: AppDeps, ids: readonly number[], now: Date): Promise<Row[]> {
  const d = deps.dialect;
  const marks = ids.map((_, i) => intParam(d, i + 2)).join(", ");
  const got = await deps.db.$queryRawUnsafe<(Omit<Row, "id" | "attempts" | "stateVersion"> & { id: number | bigint; attempts: number | bigint; stateVersion: number | bigint | null })[]>(
    `UPDATE "OutboxMessage" SET "status" = 'sending', "attempts" = "attempts" + 1, "claimedUntil" = ${timestampParam(d, 1)}
     WHERE "id" IN (${marks}) AND "status" = 'pending'
     RETURNING "id" AS id, "kind" AS kind, "channelId" AS "channelId", "userId" AS "userId", "subjectKey" AS "subjectKey",
       "template" AS template, "modelJson" AS "modelJson", "locale" AS locale, "stateVersion" AS "stateVersion", "attempts" AS attempts`,
    timestampValue(d, new Date(now.getTime() + SEND_LEASE_MS)),
    ...ids,
  );
  return got
    .map((r) => ({ ...r, id: Number(r.id), status: "pending", attempts: Number(r.attempts) - 1, stateVersion: r.stateVersion === null ? null : Number(r.stateVersion) }))
    .sort((a, b) => a.id - b.id);
}

/** Gives back a claimed row that must wait (an earlier post is not sent yet) as it was: pending, the try not counted. */
async function unclaim(deps: AppDeps, row: Row): Promise<void> {
  await deps.db.outboxMessage.updateMany({ where: { id: row.id, status: "sending", attempts: row.attempts + 1 }, data: { status: "pending", attempts: row.attempts, claimedUntil: null } });
}

/**
 * Extends the lease of a claimed row whose turn comes late (the request's earlier rows took long, e.g. paced
 * posts), so no worker takes it while it is sent; false when a worker has taken it meanwhile.
 */
async function renewOwn(deps: AppDeps, row: Row): Promise<boolean> {
  const res = await deps.db.outboxMessage.updateMany({
    where: { id: row.id, status: "sending", attempts: row.attempts + 1 },
    data: { claimedUntil: new Date(deps.clock.now().getTime() + SEND_LEASE_MS) },
  });
  return res.count === 1;
}

/** Marks a sent row: one statement, no read back. */
async function markSent(deps: AppDeps, id: number): Promise<void> {
  const d = deps.dialect;
  await deps.db.$executeRawUnsafe(
    `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ${timestampParam(d, 1)}, "lastError" = NULL, "claimedUntil" = NULL WHERE "id" = ${intParam(d, 2)}`,
    timestampValue(d, deps.clock.now()),
    id,
  );
}

/**
 * Delivers the given rows (a request's own, right after it commits) or every due row (the worker).
 * Failures are recorded on the row and retried later; they never fail the request that caused them.
 */
export async function deliverOutbox(deps: AppDeps, ids?: number[]): Promise<DeliveredRef[]> {
  const now = deps.clock.now();
  if (ids?.length === 0) return [];
  // A request has just checked for changed people and channels; the worker checks once per pass.
  if (!ids) await checkIdentities(deps.db);
  // Due rows, plus rows whose sender died mid-send (its lease ran out): after a crash they go out again.
  const takeable = { OR: [{ status: "pending", nextAttemptAt: { lte: now } }, { status: "sending", claimedUntil: { lt: now } }] };
  // A request's own rows are claimed as they are read; the worker's are read, then claimed one by one.
  const rows: Row[] = ids ? await claimOwn(deps, ids, now) : await deps.db.outboxMessage.findMany({ where: takeable, orderBy: { id: "asc" }, take: 100 });
  const delivered: DeliveredRef[] = [];
  // Rows a platform send wrote (the item's card updates, a notice): sent right after it, not left to the worker.
  const followUps: number[] = [];
  for (const row of rows) {
    if (await waitsBehindAnEarlierPost(deps, row)) {
      if (ids) await unclaim(deps, row);
      continue;
    }
    // A request's rows were claimed together: one whose lease is half gone by its turn is renewed first.
    if (ids && deps.clock.now().getTime() - now.getTime() > SEND_LEASE_MS / 2 && !(await renewOwn(deps, row))) continue;
    if (!ids) {
      const claimed = await deps.db.outboxMessage.updateMany({
        where: { id: row.id, status: row.status, attempts: row.attempts },
        data: { status: "sending", attempts: { increment: 1 }, claimedUntil: new Date(now.getTime() + SEND_LEASE_MS) },
      });
      if (claimed.count === 0) continue;
    }
    try {
      if (row.kind === "platform_reply") {
        // A reply to a content platform (WeChat OA): its own delivery, retried here like any send.
        const sent = await deliverPlatformReply(deps, row);
        followUps.push(...sent.followUps);
        if (sent.retry) throw sent.retry;
      } else delivered.push(...(await sendOne(deps, row)));
      await markSent(deps, row.id);
    } catch (err) {
      const attempts = row.attempts + 1;
      const dead = attempts >= MAX_ATTEMPTS;
      deps.log.warn({ outboxId: row.id, attempts, dead, err: String(err) }, "outbox delivery failed");
      await deps.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: dead ? "dead" : "pending", claimedUntil: null, lastError: String(err).slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(err, attempts)) },
      });
    }
  }
  if (followUps.length > 0) delivered.push(...(await deliverOutbox(deps, followUps)));
  return delivered;
}
