// People and conversations seen for the first time on a connected platform. The console's people and
// channels are created by the seed; on Slack, Feishu and WeCom the team grows as people write to the bot.
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { AppError } from "../../domain/errors.js";
import type { ActorRef, ConversationRef } from "../../messaging/inbound.js";
import { DEFAULT_TEAM_ID } from "../seed/demo-team.js";
import { remembered } from "./cache.js";
import { ANY_TENANT } from "./first-admin.js";

/** How precisely lastSeenAt is kept. */
const SEEN_RESOLUTION_MS = 60 * 60_000;

/** A handle derived from a display name or id: lowercase, dots for spaces, unique in the team. */
async function freeHandle(db: Db, teamId: string, wanted: string): Promise<string> {
  const base = wanted.toLowerCase().replace(/\s+/g, ".").replace(/[^\w.-]/g, "").slice(0, 40) || "member";
  for (let i = 0; i < 1000; i++) {
    const handle = i === 0 ? base : `${base}${i + 1}`;
    if (!(await db.user.findUnique({ where: { teamId_handle: { teamId, handle } } }))) return handle;
  }
  throw new Error(`no free handle for ${wanted}`);
}

/** The team new platform members join (one team per deployment for now). */
async function enrollingTeam(db: Db) {
  return (await db.team.findUnique({ where: { id: DEFAULT_TEAM_ID } })) ?? (await db.team.findFirst({ orderBy: { createdAt: "asc" } }));
}

/**
 * The user behind a platform identity; a first-timer becomes an operator unless the team turned that off. A
 * console handle the team does not know is only taken in for `/mediaops setup` (`enrollConsole`), once its
 * code was found valid. Someone removed from the team is refused.
 */
export async function userForActor(db: Db, actor: ActorRef, now: Date, opts: { enrollConsole?: boolean } = {}) {
  const key = { platform: actor.platform, tenant: actor.tenant, externalId: actor.externalId };
  const cacheKey = `${actor.platform}\u0000${actor.tenant}\u0000${actor.externalId}`;
  const found =
    (await remembered(db, "actor", cacheKey, now, () => db.platformIdentity.findUnique({ where: { platform_tenant_externalId: key }, include: { user: true } }))) ??
    (await claimConfiguredIdentity(db, key));
  if (found && !found.user.active) throw new AppError("people.removed", { handle: found.user.displayName });
  if (found) {
    // At most one write an hour per account: enough to know which platform someone uses now. The remembered
    // row is moved on too, so the next request within the hour does not write again.
    if (!found.lastSeenAt || now.getTime() - found.lastSeenAt.getTime() > SEEN_RESOLUTION_MS) {
      await db.platformIdentity.update({ where: { id: found.id }, data: { lastSeenAt: now } });
      found.lastSeenAt = now;
    }
    return found.user;
  }
  const team = actor.platform === "console" && !opts.enrollConsole ? null : await enrollingTeam(db);
  if (!team || !team.autoEnroll) throw new AppError("user.unknown", { handle: actor.displayName ?? actor.externalId });
  const handle = await freeHandle(db, team.id, actor.platform === "console" ? actor.externalId : (actor.displayName ?? actor.externalId));
  // Several first requests of one person can race (PostgreSQL runs them in parallel): the loser of the
  // unique identity (or handle) insert reads the winner's row instead of failing the request.
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { teamId: team.id, handle, displayName: actor.displayName ?? actor.externalId, locale: team.locale, timezone: team.timezone, rolesJson: JSON.stringify(["operator"]), createdAt: now },
    });
    await tx.platformIdentity.create({ data: { userId: user.id, ...key, lastSeenAt: now } });
    return user;
  }).catch(async (err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    const winner = await db.platformIdentity.findUnique({ where: { platform_tenant_externalId: key }, include: { user: true } });
    if (!winner) throw err;
    return winner.user;
  });
}

/**
 * An identity named in MEDIAOPS_ADMINS before the person ever wrote has no tenant yet (ANY_TENANT): the first
 * request from that platform id takes it over with the real tenant.
 */
async function claimConfiguredIdentity(db: Db, key: { platform: string; tenant: string; externalId: string }) {
  const pending = await db.platformIdentity.findUnique({ where: { platform_tenant_externalId: { ...key, tenant: ANY_TENANT } } });
  if (!pending) return null;
  await db.platformIdentity.updateMany({ where: { id: pending.id, tenant: ANY_TENANT }, data: { tenant: key.tenant } });
  return db.platformIdentity.findUnique({ where: { platform_tenant_externalId: key }, include: { user: true } });
}

/** Our row for a platform conversation; a conversation the bot is first used in is registered. */
export async function channelForConversation(db: Db, conv: ConversationRef, teamId: string, now: Date) {
  const key = { platform: conv.platform, externalId: conv.externalId };
  const found = await remembered(db, "conversation", `${conv.platform}\u0000${conv.externalId}`, now, () => db.channel.findUnique({ where: { platform_externalId: key } }));
  if (found || conv.platform === "console") return found;
  return db.channel
    .upsert({ where: { platform_externalId: key }, create: { ...key, teamId, name: conv.name ?? conv.externalId, createdAt: now }, update: {} })
    .catch(async (err: unknown) => {
      if (!isUniqueViolation(err)) throw err;
      return db.channel.findUniqueOrThrow({ where: { platform_externalId: key } });
    });
}

/** Records a platform event id; false when it was seen before (a redelivery). */
export async function firstDelivery(db: Db, platform: string, eventId: string, now: Date): Promise<boolean> {
  const res = await db.processedEvent.createMany({ data: [{ platform, eventId, receivedAt: now }] }).catch((err: unknown) => {
    if (isUniqueViolation(err)) return { count: 0 };
    throw err;
  });
  return res.count === 1;
}

/** Forgets an event id so a redelivery is handled again (after a failure on our side). */
export async function forgetDelivery(db: Db, platform: string, eventId: string): Promise<void> {
  await db.processedEvent.deleteMany({ where: { platform, eventId } });
}
