// The console's JSON API as use cases: who is on the team, the channels, the stream, typing and clicking.
import { z } from "zod";
import { errorMessage } from "../../../templates/strings/errors.js";
import { ROLE_NAMES, nameOf } from "../../../templates/strings/labels.js";
import { AppError } from "../../domain/errors.js";
import { toLocale, type Locale } from "../../domain/locale.js";
import type { AppDeps } from "../deps.js";
import { cannotSave, cannotSaveMessage, handleInbound, type InboundOutcome } from "../handle-inbound.js";
import type { Inbox } from "../inbox/inbox.js";
import { isStorageFailure } from "../../db/errors.js";
import type { InboundEvent } from "../../messaging/inbound.js";
import { decodeUpload } from "../../lib/decode-upload.js";
import { toMember } from "../members.js";
import { directOwner } from "../../messaging/console-store.js";
import type { Member } from "../members.js";
import { appendUserMessage, ensureDirectChannel, listConsoleMessages, removeUserMessage, type ConsoleMessageView } from "./console-messages.js";

const TEXT_MAX = 4000;
/** Largest file the console accepts (base64 inflates it by a third; bigger exports go through the CLI). */
export const UPLOAD_MAX_BYTES = 180 * 1024;

/** POST /console/api/messages body. */
export const ZPostMessage = z.object({ channel: z.string().min(1).max(80), user: z.string().min(1).max(64), text: z.string().max(TEXT_MAX) });
/** POST /console/api/actions body. */
export const ZPostAction = z.object({
  user: z.string().min(1).max(64),
  messageId: z.string().min(1).max(32),
  actionId: z.string().min(1).max(64),
  value: z.string().min(1).max(2000),
  reason: z.string().max(2000).optional(),
});

/** POST /console/api/upload body: a file handed to a command that takes a pasted body (e.g. /kpi import). */
export const ZUpload = z.object({
  channel: z.string().min(1).max(80),
  user: z.string().min(1).max(64),
  command: z.string().regex(/^[/／]\S/).max(200),
  filename: z.string().max(200).default("upload"),
  contentBase64: z.string().max(UPLOAD_MAX_BYTES * 2),
});

/** A console API answer: 200 with messages, or a 4xx/5xx with the error in the actor's language. */
export type ConsoleResult = { status: 200; messages: ConsoleMessageView[] } | { status: 400 | 404 | 500 | 503; error: string };

/** The answer when the inbox is full (MEDIAOPS_INBOX_MAX): nothing was stored, the person may simply try again. */
export function busy(locale: Locale): ConsoleResult {
  return { status: 503, error: locale === "en" ? "The server is busy, try again in a moment. Nothing was changed." : "服务器正忙，请稍后再试。没有做任何更改。" };
}

/**
 * Runs a console event the way every platform's does: stored in the durable inbox first, then run in this
 * request when its conversation's turn has come (a worker takes it only if this process dies). Without an inbox (a test driving the use
 * cases directly) it runs at once. "busy": the inbox is full.
 */
async function runEvent(deps: AppDeps, event: InboundEvent, locale: Locale): Promise<InboundOutcome | "busy"> {
  if (!deps.inbox) return handleInbound(deps, event, locale);
  let own: Awaited<ReturnType<Inbox["storeOwn"]>>;
  try {
    own = await deps.inbox.storeOwn(event, { locale });
  } catch (err) {
    if (isStorageFailure(err)) return cannotSave(locale);
    throw err;
  }
  if (own === "busy") return "busy";
  if (own === "duplicate") return { ok: true, delivered: [], duplicate: true };
  return deps.inbox.runOwn(own);
}

/** Explains the first problem with a request body, in `locale`. */
export function malformed(locale: Locale, problem: string): ConsoleResult {
  return { status: 400, error: errorMessage(locale, new AppError("request.malformed", { problem })) };
}

async function consoleUser(deps: AppDeps, handle: string) {
  const id = await deps.db.platformIdentity.findUnique({ where: { platform_tenant_externalId: { platform: "console", tenant: "local", externalId: handle } }, include: { user: true } });
  return id ? toMember(id.user) : undefined;
}

/** The team as the "act as" selector shows it. */
export async function listConsoleUsers(deps: AppDeps) {
  const ids = await deps.db.platformIdentity.findMany({ where: { platform: "console" }, include: { user: true }, orderBy: { externalId: "asc" } });
  return ids.map((i) => {
    const m = toMember(i.user);
    // Role names in both languages: the selector speaks the language of whoever is acted as.
    const roleNames = { "zh-CN": m.roles.map((r) => nameOf(ROLE_NAMES, "zh-CN", r)), en: m.roles.map((r) => nameOf(ROLE_NAMES, "en", r)) };
    return { handle: i.externalId, displayName: m.displayName, roles: m.roles, roleNames, locale: m.locale };
  });
}

/** The console channels (people's direct messages are not channels: each person sees only their own). */
export async function listConsoleChannels(deps: AppDeps) {
  const rows = await deps.db.channel.findMany({ where: { platform: "console", NOT: { externalId: { startsWith: "@" } } }, orderBy: { createdAt: "asc" } });
  return rows.map((c) => ({ id: c.externalId, name: c.name }));
}

/** The zone the page shows times in: the team's, as on the cards (the team of the console channels). */
export async function consoleTeamZone(deps: AppDeps): Promise<{ timezone: string }> {
  const channel = await deps.db.channel.findFirst({ where: { platform: "console" }, orderBy: { createdAt: "asc" }, select: { teamId: true } });
  const team = channel ? await deps.db.team.findUnique({ where: { id: channel.teamId } }) : await deps.db.team.findFirst({ orderBy: { createdAt: "asc" } });
  return { timezone: team?.timezone ?? "Asia/Shanghai" };
}

/**
 * Where `user` may act in `conversation`: a channel, or their own direct messages (registered on first use).
 * Someone else's direct messages are refused, so acting as one person never answers another's requests.
 */
async function checkConversation(deps: AppDeps, conversation: string, user: Member, handle: string): Promise<AppError | undefined> {
  const owner = directOwner(conversation);
  if (owner === undefined) {
    const known = await deps.db.channel.findUnique({ where: { platform_externalId: { platform: "console", externalId: conversation } } });
    return known ? undefined : new AppError("channel.unknown", { channel: conversation });
  }
  if (owner !== handle) return new AppError("console.direct_not_yours", { owner });
  await ensureDirectChannel(deps.db, handle, user.teamId, deps.clock.now());
  return undefined;
}

/** The channel's stream as `handle` sees it (their ephemeral replies included); direct messages only to their owner. */
export async function readConsoleMessages(deps: AppDeps, channel: string, handle: string | undefined, locale: Locale): Promise<ConsoleResult> {
  const owner = directOwner(channel);
  if (owner !== undefined) {
    const viewer = handle ? await consoleUser(deps, handle) : undefined;
    if (!viewer || owner !== handle) return { status: 400, error: errorMessage(viewer?.locale ?? locale, new AppError("console.direct_not_yours", { owner })) };
    return { status: 200, messages: await listConsoleMessages(deps.db, channel, viewer.id) };
  }
  const known = await deps.db.channel.findUnique({ where: { platform_externalId: { platform: "console", externalId: channel } } });
  if (!known) return { status: 404, error: errorMessage(locale, new AppError("channel.unknown", { channel })) };
  const viewer = handle ? await consoleUser(deps, handle) : undefined;
  return { status: 200, messages: await listConsoleMessages(deps.db, channel, viewer?.id ?? null) };
}

/** Runs an uploaded file through a command: the command line, then the file's text (UTF-8 or GBK detected). */
export async function uploadConsoleFile(deps: AppDeps, body: z.infer<typeof ZUpload>, fallback: Locale): Promise<ConsoleResult> {
  const bytes = Buffer.from(body.contentBase64, "base64");
  const en = fallback === "en";
  if (bytes.length === 0 || bytes.length > UPLOAD_MAX_BYTES) {
    return malformed(fallback, en ? `the file must be between 1 byte and ${UPLOAD_MAX_BYTES / 1024} KB; use the CLI import for bigger exports` : `文件大小须在 1 字节到 ${UPLOAD_MAX_BYTES / 1024} KB 之间，更大的导出文件请用命令行导入`);
  }
  const decoded = decodeUpload(bytes);
  if (!decoded) return malformed(fallback, en ? `${body.filename} is neither UTF-8 nor GBK text; save it as UTF-8 CSV and upload again` : `${body.filename} 既不是 UTF-8 也不是 GBK 文本，请另存为 UTF-8 CSV 后重新上传`);
  const shown = `${body.command.trim()} (${body.filename}, ${decoded.encoding === "utf-8" ? "UTF-8" : "GBK"})`;
  return postConsoleMessage(deps, { channel: body.channel, user: body.user, text: `${body.command.trim()}\n${decoded.text}` }, fallback, shown);
}

/** Runs typed text as `user` in `channel`: a command, or a plain chat line. `shown` replaces a long text in the stream. */
export async function postConsoleMessage(deps: AppDeps, body: z.infer<typeof ZPostMessage>, fallback: Locale, shown?: string): Promise<ConsoleResult> {
  const user = await consoleUser(deps, body.user);
  const locale = user?.locale ?? fallback;
  const text = body.text.trim();
  if (!user && SETUP_COMMAND.test(text)) return firstAdminFromConsole(deps, body, fallback);
  if (!user) return { status: 400, error: errorMessage(locale, new AppError("user.unknown", { handle: body.user })) };
  if (!text) return malformed(locale, locale === "en" ? "the text is empty" : "内容为空");
  const refused = await checkConversation(deps, body.channel, user, body.user);
  if (refused) return { status: 400, error: errorMessage(locale, refused) };
  let typedId: number;
  try {
    typedId = await appendUserMessage(deps.db, body.channel, user.id, shown ?? text, deps.clock.now());
  } catch (err) {
    if (isStorageFailure(err)) return { status: 503, error: cannotSaveMessage(locale) };
    throw err;
  }
  if (!/^[/／]/.test(text)) return { status: 200, messages: await listConsoleMessages(deps.db, body.channel, user.id, [typedId]) };
  const outcome = await runEvent(deps, {
    kind: "command",
    actor: { platform: "console", tenant: "local", externalId: body.user },
    conversation: { platform: "console", externalId: body.channel },
    text,
  }, locale);
  if (outcome === "busy") {
    await removeUserMessage(deps.db, typedId);
    return busy(locale);
  }
  if (!outcome.ok) {
    // When the database cannot store anything, the typed line could not be removed either; it shows what was tried.
    await removeUserMessage(deps.db, typedId).catch((err: unknown) => (isStorageFailure(err) ? undefined : Promise.reject(err)));
    return { status: statusOf(outcome.kind), error: outcome.message };
  }
  return { status: 200, messages: await messagesOf(deps, outcome.delivered, user.id) };
}

/** `/mediaops setup <code>`: the one command a console handle the team does not know yet may type. */
const SETUP_COMMAND = /^[/／](mediaops\s+)?setup\s/i;

/**
 * The first admin of an empty install, typed in the console under a new handle (see handle-inbound). It goes
 * through the inbox like every other console command: stored first, counted against MEDIAOPS_INBOX_MAX, run in
 * its channel's turn, and taken by a worker should this process die before it ran. The handle is taken in only
 * when the event runs (with a valid code), so storing it first leaves no stray person behind.
 */
async function firstAdminFromConsole(deps: AppDeps, body: z.infer<typeof ZPostMessage>, fallback: Locale): Promise<ConsoleResult> {
  if (!/^[\w.-]{1,64}$/.test(body.user)) return { status: 400, error: errorMessage(fallback, new AppError("user.bad_handle", { value: body.user })) };
  const known = await deps.db.channel.findUnique({ where: { platform_externalId: { platform: "console", externalId: body.channel } } });
  if (!known) return { status: 400, error: errorMessage(fallback, new AppError("channel.unknown", { channel: body.channel })) };
  const outcome = await runEvent(deps, {
    kind: "command",
    actor: { platform: "console", tenant: "local", externalId: body.user },
    conversation: { platform: "console", externalId: body.channel },
    text: body.text.trim(),
  }, fallback);
  if (outcome === "busy") return busy(fallback);
  if (!outcome.ok) return { status: statusOf(outcome.kind), error: outcome.message };
  const user = await consoleUser(deps, body.user);
  return { status: 200, messages: await messagesOf(deps, outcome.delivered, user!.id) };
}

/** The HTTP status of a refusal: the sender's fault, ours, or the database unable to store anything now. */
function statusOf(kind: "refused" | "internal" | "unavailable"): 400 | 500 | 503 {
  return kind === "refused" ? 400 : kind === "internal" ? 500 : 503;
}

/** A button click on a console message. */
export async function clickConsoleAction(deps: AppDeps, body: z.infer<typeof ZPostAction>, fallback: Locale): Promise<ConsoleResult> {
  const user = await consoleUser(deps, body.user);
  const locale = user?.locale ?? fallback;
  if (!user) return { status: 400, error: errorMessage(locale, new AppError("user.unknown", { handle: body.user })) };
  const message = /^\d{1,12}$/.test(body.messageId) ? await deps.db.consoleMessage.findUnique({ where: { id: Number(body.messageId) } }) : null;
  if (!message || message.authorKind !== "bot") return malformed(locale, locale === "en" ? `there is no bot message ${body.messageId}` : `没有编号为 ${body.messageId} 的机器人消息`);
  const refused = await checkConversation(deps, message.channelId, user, body.user);
  if (refused) return { status: 400, error: errorMessage(locale, refused) };
  const outcome = await runEvent(deps, {
    kind: "action",
    actor: { platform: "console", tenant: "local", externalId: body.user },
    conversation: { platform: "console", externalId: message.channelId },
    message: { platform: "console", conversationId: message.channelId, messageId: body.messageId },
    actionId: body.actionId,
    value: body.value,
    reason: body.reason,
  }, locale);
  if (outcome === "busy") return busy(locale);
  if (!outcome.ok) return { status: statusOf(outcome.kind), error: outcome.message };
  return { status: 200, messages: await messagesOf(deps, outcome.delivered, user.id) };
}

/** The console messages among `delivered`, as `viewerId` sees them. */
async function messagesOf(deps: AppDeps, delivered: { platform: string; conversationId: string; messageId: string }[], viewerId: string): Promise<ConsoleMessageView[]> {
  const mine = delivered.filter((d) => d.platform === "console");
  const channels = [...new Set(mine.map((d) => d.conversationId))];
  const out: ConsoleMessageView[] = [];
  for (const ch of channels) {
    const ids = mine.filter((d) => d.conversationId === ch).map((d) => Number(d.messageId));
    out.push(...(await listConsoleMessages(deps.db, ch, viewerId, ids)));
  }
  return out;
}

/** Picks zh-CN or en from an Accept-Language header. */
export function localeFromHeader(header: string | undefined, fallback: Locale): Locale {
  return header ? toLocale(header.split(",")[0], fallback) : fallback;
}
