// /mediaops channel set|show: where each workflow's cards go, per platform (ChannelRoute). A workflow without a
// route posts where its command was typed, as before. The channel is checked with the platform first (the bot
// must be in it), so a route can never point cards at a channel they cannot reach.
import type { RoutedWorkflow } from "../../../commands/admin/settings.js";
import { ROUTED_WORKFLOWS } from "../../../commands/admin/settings.js";
import { CHAT_PLATFORM_NAMES } from "../../../templates/admin/people-copy.js";
import { channelLabel, settingsCopy, WORKFLOW_NAMES } from "../../../templates/admin/settings-copy.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import type { Localized } from "../../domain/locale.js";
import type { ChatPlatform } from "../../messaging/inbound.js";
import { audit } from "../audit.js";
import { identitiesChanged } from "../identity/cache.js";
import { replyNotice } from "../notify.js";
import type { ChannelInfo, RequestScope } from "../scope.js";

/** The routed channel of `workflow` on `platform`, or undefined (cards then go where the command was typed). */
export async function routedChannel(db: Db | Tx, teamId: string, platform: string, workflow: RoutedWorkflow): Promise<ChannelInfo | undefined> {
  const route = await db.channelRoute.findUnique({ where: { teamId_platform_workflow: { teamId, platform, workflow } } });
  if (!route) return undefined;
  const c = await db.channel.findUnique({ where: { id: route.channelId } });
  return c ? { id: c.id, platform: c.platform, externalId: c.externalId, name: c.name } : undefined;
}

/** Our channel row `id` as ChannelInfo. */
export async function channelById(db: Db | Tx, id: string): Promise<ChannelInfo> {
  const c = await db.channel.findUniqueOrThrow({ where: { id } });
  return { id: c.id, platform: c.platform, externalId: c.externalId, name: c.name };
}

/** Where a card of `workflow` started by this request goes: the routed channel on its platform, or the request's. */
export async function channelFor(db: Db | Tx, scope: RequestScope, workflow: RoutedWorkflow): Promise<ChannelInfo> {
  if (!scope.channel.platform) return scope.channel;
  return (await routedChannel(db, scope.team.id, scope.channel.platform, workflow)) ?? scope.channel;
}

/** Tells the actor, where they typed, that the card went to `channel` (nothing when it is this channel). */
export async function pointToCard(tx: Db | Tx, scope: RequestScope, channel: ChannelInfo): Promise<void> {
  if (channel.id === scope.channel.id) return;
  await replyNotice(tx, scope, settingsCopy[scope.actor.locale].postedIn(channelLabel(channel.name)), [], "info");
}

/** The ways to name a channel on each platform, for the refusal of something that is none. */
const HINTS: Record<string, Localized> = {
  slack: { en: "Mention it (#channel) or give its id, e.g. C0123ABCD.", "zh-CN": "请 # 提及频道，或写频道 ID，例如 C0123ABCD。" },
  lark: { en: "Give the group's chat id, e.g. oc_a0553eda9014c201e6969b478895c230.", "zh-CN": "请写群 ID，例如 oc_a0553eda9014c201e6969b478895c230。" },
  wecom: { en: "Give the app group chat's chatid, or robot for the group robot.", "zh-CN": "请写应用群聊的 chatid，或写 robot 表示群机器人。" },
};

/** The platform's own id of the channel `typed` names, with a name when the typed form carries one. */
function parseChannel(platform: string, typed: string): { externalId: string; name?: string } | undefined {
  const t = typed.trim();
  if (platform === "slack") {
    const mention = /^<#([CG][A-Z0-9]{2,})(?:\|([^>]*))?>$/.exec(t);
    if (mention) return { externalId: mention[1]!, name: mention[2] || undefined };
    return /^[CG][A-Z0-9]{2,}$/.test(t) ? { externalId: t } : undefined;
  }
  if (platform === "lark") return /^oc_[A-Za-z0-9]+$/.test(t) ? { externalId: t } : undefined;
  if (platform === "wecom") {
    if (["robot", "群机器人"].includes(t.toLowerCase())) return { externalId: "robot", name: t };
    return /^[A-Za-z0-9_-]{1,64}$/.test(t) ? { externalId: `chat:${t}` } : undefined;
  }
  return { externalId: t.replace(/^[#＃]/, "") };
}

/** Our row of the channel the actor named, checked with the platform; refuses with what is wrong. */
async function resolveChannel(scope: RequestScope, typed: string): Promise<ChannelInfo> {
  const { db } = scope.deps;
  const platform = scope.channel.platform;
  const parsed = parseChannel(platform, typed);
  if (platform === "console") {
    const row = parsed && (await db.channel.findFirst({ where: { teamId: scope.team.id, platform, externalId: parsed.externalId } }));
    if (!row) {
      const known = (await db.channel.findMany({ where: { teamId: scope.team.id, platform }, orderBy: { name: "asc" } })).filter((c) => !c.externalId.startsWith("@"));
      const list = known.map((c) => `#${c.name}`).join(", ");
      throw new AppError("route.bad_channel", { value: typed }, { hint: { en: `Console channels: ${list}.`, "zh-CN": `控制台频道：${list.replaceAll(", ", "、")}。` } });
    }
    return { id: row.id, platform: row.platform, externalId: row.externalId, name: row.name };
  }
  if (!parsed) throw new AppError("route.bad_channel", { value: typed }, { hint: HINTS[platform] ?? HINTS.slack! });
  const port = scope.deps.channels.get(platform as ChatPlatform);
  if (!port?.conversation) throw new AppError("route.unsupported", { value: typed });
  // As the admin typed it: our stored id may carry a prefix of ours (WeCom's `chat:`), which means nothing to them.
  const label = parsed.name ? `#${parsed.name}` : typed.trim();
  const check = await port.conversation(parsed.externalId);
  if (!check.ok) throw new AppError(check.reason === "not_member" ? "route.not_member" : "route.not_found", { channel: label });
  const name = check.name ?? parsed.name ?? parsed.externalId;
  const key = { platform, externalId: parsed.externalId };
  const row = await db.channel.upsert({ where: { platform_externalId: key }, create: { ...key, teamId: scope.team.id, name, createdAt: scope.now }, update: { name } });
  await identitiesChanged(db); // replicas remember channels by id; a renamed one is read again
  return { id: row.id, platform: row.platform, externalId: row.externalId, name: row.name };
}

/** /mediaops channel set <workflow> <channel>. */
export async function setChannelRoute(scope: RequestScope, workflow: RoutedWorkflow, typed: string): Promise<void> {
  const locale = scope.actor.locale;
  const copy = settingsCopy[locale];
  const channel = await resolveChannel(scope, typed);
  const platform = scope.channel.platform;
  const label = channelLabel(channel.name);
  const what = WORKFLOW_NAMES[locale][workflow]!;
  await scope.deps.db.$transaction(async (tx) => {
    const key = { teamId_platform_workflow: { teamId: scope.team.id, platform, workflow } };
    const before = await tx.channelRoute.findUnique({ where: key });
    if (before?.channelId === channel.id) {
      await replyNotice(tx, scope, copy.routeUnchanged(what, label), [], "info");
      return;
    }
    await tx.channelRoute.upsert({ where: key, create: { teamId: scope.team.id, platform, workflow, channelId: channel.id, updatedAt: scope.now }, update: { channelId: channel.id, updatedAt: scope.now } });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "channel.route", subjectType: "workflow", subjectId: `${platform}:${workflow}`, before: { channelId: before?.channelId ?? null }, after: { channelId: channel.id, channel: channel.externalId }, at: scope.now });
    await replyNotice(tx, scope, copy.routeSaved(what, label, CHAT_PLATFORM_NAMES[locale][platform] ?? platform), [copy.routeHint]);
  });
}

/** /mediaops channel show: every platform the team has channels on, each workflow with its channel. */
export async function showChannelRoutes(scope: RequestScope): Promise<void> {
  const { db } = scope.deps;
  const locale = scope.actor.locale;
  const copy = settingsCopy[locale];
  const routes = await db.channelRoute.findMany({ where: { teamId: scope.team.id } });
  const channels = new Map((await db.channel.findMany({ where: { id: { in: routes.map((r) => r.channelId) } } })).map((c) => [c.id, c]));
  const platforms = [...new Set([scope.channel.platform, ...routes.map((r) => r.platform)])];
  const lines = platforms.flatMap((p) =>
    ROUTED_WORKFLOWS.map((w) => {
      const route = routes.find((r) => r.platform === p && r.workflow === w);
      const c = route ? channels.get(route.channelId) : undefined;
      return copy.routeLine(CHAT_PLATFORM_NAMES[locale][p] ?? p, WORKFLOW_NAMES[locale][w]!, c ? channelLabel(c.name) : undefined);
    }),
  );
  await replyNotice(db, scope, copy.routesTitle, lines, "info");
}
