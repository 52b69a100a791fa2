// The digest's buttons: "details" (the metric's 28 daily values and its targets' pace, to the clicker only),
// "mute" (the metric's unusual moves, in that digest subscription) and "assign a follow-up" (a notice to the
// person named, with the clicker's note, and an audit row: the follow-up's record). Also /kpi mute and unmute.
import type { ArgsOf } from "../../../commands/index.js";
import { followUpAssignedNotice, followUpNotice, metricDetailNotice, mutedNotice, recipientName, unmutedNotice } from "../../../templates/kpi/kpi-notices.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays } from "../../domain/calendar/local-day.js";
import { AppError } from "../../domain/errors.js";
import { findMetric, storedPartsOf } from "../../domain/kpi/catalogue.js";
import { dayFigure, figureSeries } from "../../domain/kpi/figures.js";
import { FACTOR_WINDOW_DAYS } from "../../domain/kpi/moves.js";
import type { TActionPayload } from "../../messaging/action.js";
import { audit } from "../audit.js";
import { memberByHandle, toMember } from "../members.js";
import { enqueueDirect, enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { decodeKpiSubject, type KpiSubject } from "./digest-buttons.js";
import { readGrid } from "./read-grid.js";
import { TREND_DAYS, targetHeadlines } from "./target-figures.js";
import { subscriptionHere, toSubscription, type SubscriptionRecord } from "./subscriptions.js";

const NOTE_MAX = 500;

/** Runs a decoded digest button click. */
export async function handleKpiAction(scope: RequestScope, p: TActionPayload, reason: string | undefined): Promise<void> {
  const s = decodeKpiSubject(p);
  if (findMetric(s.metric) !== s.metric) throw new AppError("action.malformed");
  switch (p.action) {
    case "detail":
      return showDetail(scope, s);
    case "mute":
      return muteFromDigest(scope, s);
    case "assign":
      return assignFollowUp(scope, s, reason);
    default:
      throw new AppError("action.unknown", { action: `kpi.${p.action}` });
  }
}

/** The metric's 28 days up to the digest's day and the pace of every target on it (any role may look). */
async function showDetail(scope: RequestScope, s: KpiSubject): Promise<void> {
  const { db } = scope.deps;
  const targets = await db.kpiTarget.findMany({
    where: { teamId: scope.team.id, metric: s.metric, active: true, ...(s.platform ? { OR: [{ platform: s.platform }, { platform: null }] } : {}) },
    orderBy: { id: "asc" },
  });
  // Every platform: a team target adds them all up even when the detail is for one platform.
  const grid = await readGrid(db, { teamId: scope.team.id, metrics: storedPartsOf(s.metric), from: addDays(s.day, -FACTOR_WINDOW_DAYS), to: s.day });
  const last = grid.indexOf(s.day);
  const values = figureSeries(grid, s.platform ? [s.platform] : grid.platforms(), s.metric, last, TREND_DAYS, dayFigure).map((f) => f.value);
  const lines = await targetHeadlines(db, scope.team.id, targets, grid, s.day);
  const days = grid.days.slice(-TREND_DAYS);
  await enqueueReply(db, scope, { template: "notice", model: metricDetailNotice(scope.actor.locale, { platform: s.platform, metric: s.metric, days, values, targets: lines }) });
}

async function whereName(db: Db | Tx, scope: RequestScope, sub: SubscriptionRecord): Promise<string> {
  if (sub.userId) return recipientName(scope.actor.locale, "me", "");
  const ch = sub.channelId ? await db.channel.findUnique({ where: { id: sub.channelId } }) : null;
  return recipientName(scope.actor.locale, "channel", ch?.name ?? "");
}

/** Adds or removes `metric` from the subscription's muted list, with its audit row and a confirmation. */
async function setMuted(scope: RequestScope, subscriptionId: string, metric: string, muted: boolean): Promise<void> {
  await scope.deps.db.$transaction(async (tx) => {
    const row = await tx.digestSubscription.findFirst({ where: { id: subscriptionId, teamId: scope.team.id } });
    if (!row || !row.active) throw new AppError("kpi.not_subscribed");
    const sub = toSubscription(row);
    if (muted && sub.muted.includes(metric)) throw new AppError("kpi.already_muted", { metric });
    if (!muted && !sub.muted.includes(metric)) throw new AppError("kpi.not_muted", { metric });
    const next = muted ? [...sub.muted, metric] : sub.muted.filter((m) => m !== metric);
    await tx.digestSubscription.update({ where: { id: row.id }, data: { mutedJson: JSON.stringify(next), updatedAt: scope.now } });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: muted ? "kpi.mute" : "kpi.unmute", subjectType: "digest_subscription", subjectId: row.id, before: { muted: sub.muted }, after: { muted: next }, at: scope.now });
    const where = await whereName(tx, scope, sub);
    await enqueueReply(tx, scope, { template: "notice", model: (muted ? mutedNotice : unmutedNotice)(scope.actor.locale, { metric, where }) });
  });
}

/** The mute button (managers, as for /kpi mute: see the permission table). */
async function muteFromDigest(scope: RequestScope, s: KpiSubject): Promise<void> {
  if (!s.subscriptionId) throw new AppError("kpi.mute_needs_subscription");
  await setMuted(scope, s.subscriptionId, s.metric, true);
}

async function subscriptionFor(scope: RequestScope, to: "channel" | "me" | undefined): Promise<SubscriptionRecord> {
  if (to) {
    const targetKey = to === "me" ? `user:${scope.actor.id}` : `channel:${scope.channel.id}`;
    const row = await scope.deps.db.digestSubscription.findUnique({ where: { teamId_targetKey: { teamId: scope.team.id, targetKey } } });
    if (!row || !row.active) throw new AppError("kpi.not_subscribed");
    return toSubscription(row);
  }
  const sub = await subscriptionHere(scope.deps.db, scope);
  if (!sub) throw new AppError("kpi.not_subscribed");
  return sub;
}

/** /kpi mute <metric> [--to channel|me]. */
export async function muteMetric(scope: RequestScope, args: ArgsOf<"kpi.mute">): Promise<void> {
  const sub = await subscriptionFor(scope, args.to);
  await setMuted(scope, sub.id, args.metric, true);
}

/** /kpi unmute <metric> [--to channel|me]. */
export async function unmuteMetric(scope: RequestScope, args: ArgsOf<"kpi.unmute">): Promise<void> {
  const sub = await subscriptionFor(scope, args.to);
  await setMuted(scope, sub.id, args.metric, false);
}

/**
 * The assign button: "@handle note". The follow-up is a notice to that person (in this channel when they are on
 * its platform, else by direct message) and an audit row "kpi.follow_up" naming who, what, which day and why.
 */
async function assignFollowUp(scope: RequestScope, s: KpiSubject, reason: string | undefined): Promise<void> {
  const locale = scope.actor.locale;
  const text = reason?.trim() ?? "";
  const m = /^[@＠]?(\S+)\s*([\s\S]*)$/.exec(text);
  if (!m) throw new AppError("kpi.assign_whom");
  const note = m[2]!.trim() || null;
  if (note && [...note].length > NOTE_MAX) throw new AppError("command.text_too_long", { arg: "reason", max: NOTE_MAX });
  const { db } = scope.deps;
  const to = await memberByHandle(db, scope.team.id, m[1]!);
  await db.$transaction(async (tx) => {
    await audit(tx, {
      teamId: scope.team.id, actorId: scope.actor.id, action: "kpi.follow_up", subjectType: "kpi_metric", subjectId: `${s.platform ?? "all"}/${s.metric}/${s.day}`,
      after: { assigneeId: to.id, platform: s.platform, metric: s.metric, day: s.day, subscriptionId: s.subscriptionId }, reason: note ?? undefined, at: scope.now,
    });
    const user = await tx.user.findUniqueOrThrow({ where: { id: to.id }, include: { identities: true } });
    const member = toMember(user);
    const card = { template: "notice" as const, model: followUpNotice(member.locale, { by: scope.actor.displayName, platform: s.platform, metric: s.metric, day: s.day, note }) };
    const theirScope: RequestScope = { ...scope, actor: member }; // shares outboxIds: delivered with this request
    if (user.identities.some((i) => i.platform === scope.channel.platform)) await enqueueReply(tx, theirScope, card);
    else await enqueueDirect(tx, theirScope, member.id, member.locale, card);
    await enqueueReply(tx, scope, { template: "notice", model: followUpAssignedNotice(locale, { to: to.displayName, platform: s.platform, metric: s.metric, day: s.day }) });
  });
}
