// Where an incident lives. Platforms that can create a conversation (Slack, Feishu group, WeCom group chat)
// get one per incident from their adapters; until they do, and on the console, the incident is followed in
// the operations channel ("incidents" on the console) and updates also go to the stakeholders' channel.
import type { Db, Tx } from "../../db/client.js";
import { enqueueDirect, enqueueReply } from "../outbox/enqueue.js";
import type { Member } from "../members.js";
import { toMember } from "../members.js";
import type { ChannelInfo, RequestScope } from "../scope.js";
import { identitiesChanged } from "../identity/cache.js";
import { routedChannel } from "../admin/channel-routes.js";
import type { IncidentNotice } from "../../../templates/incident/incident-view.js";
import type { ChatPlatform } from "../../messaging/inbound.js";

/** The console's operations channel for incidents. */
export const CONSOLE_INCIDENT_CHANNEL = "incidents";
/** The console's channel for stakeholders. */
export const CONSOLE_STAKEHOLDER_CHANNEL = "general";

async function consoleChannel(db: Db | Tx, teamId: string, name: string): Promise<ChannelInfo | null> {
  const c = await db.channel.findFirst({ where: { teamId, platform: "console", externalId: name } });
  return c ? { id: c.id, platform: c.platform, externalId: c.externalId, name: c.name } : null;
}

/** The operations channel: where incidents are followed when they get no channel of their own. */
export async function operationsChannelFor(scope: RequestScope): Promise<ChannelInfo> {
  const routed = await routedChannel(scope.deps.db, scope.team.id, scope.channel.platform, "incidents");
  if (routed) return routed;
  if (scope.channel.platform !== "console") return scope.channel;
  return (await consoleChannel(scope.deps.db, scope.team.id, CONSOLE_INCIDENT_CHANNEL)) ?? scope.channel;
}

/**
 * The channel an incident declared in `scope.channel` is followed in: a new conversation named `name` with
 * `memberIds` invited, when the declaring channel's platform can create one (ChatChannel.createConversation);
 * otherwise, or when creating it fails, the operations channel.
 */
export async function incidentChannelFor(scope: RequestScope, name?: string, memberIds: string[] = []): Promise<ChannelInfo> {
  // The team chose where incidents are followed on this platform (/mediaops channel set incidents): there,
  // instead of a new conversation per incident.
  const routed = await routedChannel(scope.deps.db, scope.team.id, scope.channel.platform, "incidents");
  if (routed) return routed;
  const platform = scope.deps.channels.get(scope.channel.platform as ChatPlatform);
  if (name && platform?.createConversation) {
    const { db } = scope.deps;
    try {
      const ids = await db.platformIdentity.findMany({ where: { userId: { in: [...new Set(memberIds)] }, platform: scope.channel.platform } });
      const created = await platform.createConversation(name, ids.map((i) => i.externalId));
      const row = await db.channel.upsert({
        where: { platform_externalId: { platform: scope.channel.platform, externalId: created.conversationId } },
        create: { teamId: scope.team.id, platform: scope.channel.platform, externalId: created.conversationId, name: created.name },
        update: { name: created.name },
      });
      await identitiesChanged(db); // the upsert may have renamed a channel that replicas remember
      return { id: row.id, platform: row.platform, externalId: row.externalId, name: row.name };
    } catch (err) {
      scope.deps.log.warn({ err: String(err), platform: scope.channel.platform }, "incidents: creating the incident's conversation failed; using the operations channel");
    }
  }
  return operationsChannelFor(scope);
}

/** Where status updates go besides the incident channel: where it was declared, or the console's general. */
export async function stakeholderChannelId(db: Db | Tx, teamId: string, incidentChannelId: string, originChannelId: string): Promise<string | null> {
  if (originChannelId !== incidentChannelId) return originChannelId;
  const origin = await db.channel.findUnique({ where: { id: originChannelId } });
  if (origin?.platform !== "console") return null;
  return (await consoleChannel(db, teamId, CONSOLE_STAKEHOLDER_CHANNEL))?.id ?? null;
}

/** A channel row as ChannelInfo. */
export async function channelInfo(db: Db | Tx, id: string): Promise<ChannelInfo> {
  const c = await db.channel.findUniqueOrThrow({ where: { id } });
  return { id: c.id, platform: c.platform, externalId: c.externalId, name: c.name };
}

/**
 * Tells one person something about an incident: visible to them only in the incident's channel, or in a
 * direct chat when they are not on that channel's platform.
 */
export async function notifyMember(tx: Tx, base: Pick<RequestScope, "deps" | "team" | "now" | "outboxIds">, member: Member, channel: ChannelInfo, notice: IncidentNotice): Promise<void> {
  const scope: RequestScope = { ...base, actor: member, channel };
  const here = await tx.platformIdentity.findFirst({ where: { userId: member.id, platform: channel.platform } });
  if (here) return enqueueReply(tx, scope, { template: "incident.notice", model: notice });
  return enqueueDirect(tx, scope, member.id, member.locale, { template: "incident.notice", model: notice });
}

/** The member with id `userId`. */
export async function memberById(db: Db | Tx, userId: string): Promise<Member> {
  return toMember(await db.user.findUniqueOrThrow({ where: { id: userId } }));
}
