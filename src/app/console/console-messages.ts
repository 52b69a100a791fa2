// The console's message stream: what the chat page shows, stored in the database like any platform's.
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { Card } from "../../messaging/card.js";
import { directConversation, type ConsoleMessageStore } from "../../messaging/console-store.js";
import { isUniqueViolation } from "../../db/errors.js";

/** How many messages the page loads per channel. */
export const STREAM_LIMIT = 500;

/** A message as the console API returns it. */
export interface ConsoleMessageView {
  id: string;
  channel: string;
  author: { handle: string; displayName: string } | null;
  authorKind: "user" | "bot";
  /** Plain-text fallback of a card, or what the user typed. */
  text: string;
  card: Card | null;
  ephemeral: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The store the console channel writes bot messages through. */
export function consoleStore(db: Db, clock: Clock): ConsoleMessageStore {
  return {
    async insertBotMessage(channel, card, visibleTo) {
      const viewer = visibleTo ? await db.user.findFirst({ where: { identities: { some: { platform: "console", externalId: visibleTo } } }, select: { id: true } }) : null;
      const now = clock.now();
      const row = await db.consoleMessage.create({
        data: { channelId: channel, authorKind: "bot", visibleToId: viewer?.id ?? null, text: card.fallbackText, cardJson: JSON.stringify(card), createdAt: now, updatedAt: now },
      });
      return String(row.id);
    },
    async insertDirectMessage(handle, card) {
      const now = clock.now();
      const owner = await db.user.findFirst({ where: { identities: { some: { platform: "console", externalId: handle } } }, select: { id: true, teamId: true } });
      if (!owner) throw new Error(`no console user ${handle}`);
      const conversationId = await ensureDirectChannel(db, handle, owner.teamId, now);
      const row = await db.consoleMessage.create({
        data: { channelId: conversationId, authorKind: "bot", visibleToId: owner.id, text: card.fallbackText, cardJson: JSON.stringify(card), createdAt: now, updatedAt: now },
      });
      return { conversationId, messageId: String(row.id) };
    },
    async updateCard(messageId, card) {
      await db.consoleMessage.update({ where: { id: Number(messageId) }, data: { text: card.fallbackText, cardJson: JSON.stringify(card), updatedAt: clock.now() } });
    },
  };
}

/**
 * Registers `handle`'s direct-messages conversation as a channel of their team (once), so a button clicked
 * or a command typed there runs like anywhere else and its replies land there too; returns its id.
 */
export async function ensureDirectChannel(db: Db, handle: string, teamId: string, now: Date): Promise<string> {
  const externalId = directConversation(handle);
  const key = { platform: "console", externalId };
  if (await db.channel.findUnique({ where: { platform_externalId: key } })) return externalId;
  await db.channel.create({ data: { ...key, teamId, name: externalId, createdAt: now } }).catch((err: unknown) => {
    if (!isUniqueViolation(err)) throw err; // two first messages at once: the other one registered it
  });
  return externalId;
}

/** Stores what a person typed; returns its id. */
export async function appendUserMessage(db: Db, channel: string, authorId: string, text: string, now: Date): Promise<number> {
  const row = await db.consoleMessage.create({ data: { channelId: channel, authorKind: "user", authorId, text, createdAt: now, updatedAt: now } });
  return row.id;
}

/** Removes a typed command that was refused, so a refusal leaves no trace in the stream. */
export async function removeUserMessage(db: Db, id: number): Promise<void> {
  await db.consoleMessage.deleteMany({ where: { id, authorKind: "user" } });
}

/** Messages of `channel` visible to `viewerId` (or public ones only), oldest first; `ids` narrows to some. */
export async function listConsoleMessages(db: Db, channel: string, viewerId: string | null, ids?: number[]): Promise<ConsoleMessageView[]> {
  const rows = await db.consoleMessage.findMany({
    where: {
      channelId: channel,
      OR: [{ visibleToId: null }, ...(viewerId ? [{ visibleToId: viewerId }] : [])],
      ...(ids ? { id: { in: ids } } : {}),
    },
    // The newest STREAM_LIMIT messages, shown oldest first.
    orderBy: { id: "desc" },
    take: ids ? undefined : STREAM_LIMIT,
  });
  rows.reverse();
  const authors = await db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.authorId ? [r.authorId] : [])) } }, select: { id: true, handle: true, displayName: true } });
  const byId = new Map(authors.map((a) => [a.id, a]));
  return rows.map((r) => {
    const a = r.authorId ? byId.get(r.authorId) : undefined;
    return {
      id: String(r.id),
      channel: r.channelId,
      author: a ? { handle: a.handle, displayName: a.displayName } : null,
      authorKind: r.authorKind === "user" ? "user" : "bot",
      text: r.text,
      card: r.cardJson ? (JSON.parse(r.cardJson) as Card) : null,
      ephemeral: r.visibleToId !== null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
