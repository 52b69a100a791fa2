// /kpi subscribe and /kpi unsubscribe: one subscription per recipient (this channel, or me by direct message).
import { z } from "zod";
import type { ArgsOf } from "../../../commands/index.js";
import { recipientName, subscribedNotice, unsubscribedNotice } from "../../../templates/kpi/kpi-notices.js";
import type { Db, Tx } from "../../db/client.js";
import { teamCalendar } from "../calendar/team-calendar.js";
import { AppError } from "../../domain/errors.js";
import { nextSendInstant, type DigestSchedule } from "../../domain/kpi/schedule.js";
import dayjs from "../../lib/dayjs.js";
import { readJson } from "../../lib/json.js";
import { audit } from "../audit.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";

/** Default send time of a digest. */
export const DEFAULT_SEND_TIME = "09:00";



const ZStrings = z.array(z.string());

/** A subscription row as the schedule and the digest read it. */
export interface SubscriptionRecord extends DigestSchedule {
  teamId: string;
  channelId: string | null;
  userId: string | null;
  platforms: string[];
  metrics: string[];
  muted: string[];
  locale: string;
  createdBy: string;
}

type Row = Awaited<ReturnType<Db["digestSubscription"]["findUniqueOrThrow"]>>;

/** Row → record (JSON columns checked). */
export function toSubscription(r: Row): SubscriptionRecord {
  const what = `DigestSubscription(${r.id})`;
  return {
    id: r.id, teamId: r.teamId, channelId: r.channelId, userId: r.userId, sendTime: r.sendTime, timezone: r.timezone, workdaysOnly: r.workdaysOnly,
    createdAt: r.createdAt, locale: r.locale, createdBy: r.createdBy,
    platforms: readJson(ZStrings, r.platformsJson, `${what}.platformsJson`),
    metrics: readJson(ZStrings, r.metricsJson, `${what}.metricsJson`),
    muted: readJson(ZStrings, r.mutedJson, `${what}.mutedJson`),
  };
}

function targetKeyOf(scope: RequestScope, to: "channel" | "me"): string {
  return to === "me" ? `user:${scope.actor.id}` : `channel:${scope.channel.id}`;
}

/** Creates or replaces the recipient's subscription; tells the actor when the next digest goes out. */
export async function subscribeDigest(scope: RequestScope, args: ArgsOf<"kpi.subscribe">): Promise<void> {
  const to = args.to ?? "channel";
  const timezone = args.tz ?? (to === "me" ? scope.actor.timezone : scope.team.timezone);
  const data = {
    channelId: to === "channel" ? scope.channel.id : null,
    userId: to === "me" ? scope.actor.id : null,
    platformsJson: JSON.stringify(args.platform ?? []),
    metricsJson: JSON.stringify(args.metrics ?? []),
    sendTime: args.time ?? DEFAULT_SEND_TIME,
    timezone,
    workdaysOnly: args.workdays ?? true,
    locale: scope.actor.locale,
    active: true,
    createdBy: scope.actor.id,
    createdAt: scope.now,
    updatedAt: scope.now,
  };
  const targetKey = targetKeyOf(scope, to);
  await scope.deps.db.$transaction(async (tx) => {
    const row = await tx.digestSubscription.upsert({ where: { teamId_targetKey: { teamId: scope.team.id, targetKey } }, create: { teamId: scope.team.id, targetKey, ...data }, update: data });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "kpi.subscribe", subjectType: "digest_subscription", subjectId: row.id, after: { targetKey, sendTime: data.sendTime, timezone, workdaysOnly: data.workdaysOnly, platforms: args.platform ?? [] }, at: scope.now });
    const next = nextSendInstant(toSubscription(row), teamCalendar(timezone), scope.now);
    const nextText = next ? dayjs(next).tz(timezone).format("YYYY-MM-DD HH:mm") : null;
    await enqueueReply(tx, scope, { template: "notice", model: subscribedNotice(scope.actor.locale, { where: recipientName(scope.actor.locale, to, scope.channel.name), time: data.sendTime, zone: timezone, workdays: data.workdaysOnly, platforms: args.platform ?? [], next: nextText }) });
  });
}

/** Deactivates the recipient's subscription; refuses when there is none. */
export async function unsubscribeDigest(scope: RequestScope, args: ArgsOf<"kpi.unsubscribe">): Promise<void> {
  const to = args.to ?? "channel";
  const targetKey = targetKeyOf(scope, to);
  await scope.deps.db.$transaction(async (tx) => {
    const row = await tx.digestSubscription.findUnique({ where: { teamId_targetKey: { teamId: scope.team.id, targetKey } } });
    if (!row || !row.active) throw new AppError("kpi.not_subscribed");
    await tx.digestSubscription.update({ where: { id: row.id }, data: { active: false, updatedAt: scope.now } });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "kpi.unsubscribe", subjectType: "digest_subscription", subjectId: row.id, before: { active: true }, after: { active: false }, at: scope.now });
    await enqueueReply(tx, scope, { template: "notice", model: unsubscribedNotice(scope.actor.locale, recipientName(scope.actor.locale, to, scope.channel.name)) });
  });
}

/** The active subscription of this channel, or of the actor, if any. */
export async function subscriptionHere(db: Db | Tx, scope: RequestScope): Promise<SubscriptionRecord | undefined> {
  const rows = await db.digestSubscription.findMany({ where: { teamId: scope.team.id, active: true, targetKey: { in: [`channel:${scope.channel.id}`, `user:${scope.actor.id}`] } } });
  const row = rows.find((r) => r.targetKey.startsWith("channel:")) ?? rows[0];
  return row ? toSubscription(row) : undefined;
}
