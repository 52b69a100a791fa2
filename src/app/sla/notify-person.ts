// Reaching one person from a job or a use case: an ephemeral card in the team's SLA channel when they are on
// that channel's platform (the console), otherwise a direct message where they can be reached.
import type { Tx } from "../../db/client.js";
import { toMember, type Member } from "../members.js";
import type { AppDeps } from "../deps.js";
import { enqueueDirect, enqueuePost, enqueueReply, type OutboundCard } from "../outbox/enqueue.js";
import { routedChannel } from "../admin/channel-routes.js";
import type { ChannelInfo, RequestScope } from "../scope.js";
import type { TeamSettings } from "../team.js";

/** The team's SLA channel: the one named "sla", or the first channel of the team. */
export async function slaChannel(tx: Tx, teamId: string): Promise<ChannelInfo | undefined> {
  const ch = (await tx.channel.findFirst({ where: { teamId, name: "sla" } })) ?? (await tx.channel.findFirst({ where: { teamId }, orderBy: { createdAt: "asc" } }));
  return ch ? { id: ch.id, platform: ch.platform, externalId: ch.externalId, name: ch.name } : undefined;
}

/**
 * Writes `card` for `userId` to the outbox; returns the outbox ids written. With `subject` the card is one that
 * later changes of the item update in place (see item-cards.ts).
 */
export async function notifyPerson(tx: Tx, deps: AppDeps, team: TeamSettings, channel: ChannelInfo | undefined, userId: string, now: Date, card: OutboundCard, subject: { subjectKey?: string; stateVersion?: number } = {}): Promise<number[]> {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { identities: true } });
  if (!user) return [];
  const member: Member = toMember(user);
  const scope: RequestScope = { deps, actor: member, team, channel: channel ?? { id: "", platform: "", externalId: "", name: "" }, now, outboxIds: [] };
  // An SLA channel set on a platform the person is on (/mediaops channel set sla): the card is posted there, in
  // the team's language, the platform they were last seen on first.
  const seen = [...user.identities].sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0));
  for (const identity of seen) {
    const routed = await routedChannel(tx, team.id, identity.platform, "sla");
    if (!routed) continue;
    await enqueuePost(tx, { ...scope, actor: { ...member, locale: team.locale } }, card, { ...subject, channelId: routed.id });
    return scope.outboxIds;
  }
  if (channel && user.identities.some((i) => i.platform === channel.platform)) await enqueueReply(tx, scope, card, subject);
  else await enqueueDirect(tx, scope, member.id, member.locale, card, subject);
  return scope.outboxIds;
}
