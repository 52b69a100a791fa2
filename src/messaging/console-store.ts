// The port the console channel writes through. The console is its own platform: its "server" is a table
// of messages, kept by src/app/console so the adapter never touches the database itself.
import type { Card } from "./card.js";

/** Stores the console's bot messages. */
export interface ConsoleMessageStore {
  /** Adds a bot message to a channel (visible to one handle when `visibleTo` is set); returns its id. */
  insertBotMessage(channel: string, card: Card, visibleTo?: string): Promise<string>;
  /** Adds a bot message to a person's direct messages; returns the conversation and message ids. */
  insertDirectMessage(handle: string, card: Card): Promise<{ conversationId: string; messageId: string }>;
  /** Replaces the card of a bot message. */
  updateCard(messageId: string, card: Card): Promise<void>;
}

// A person's direct messages are a conversation of their own, named "@handle" (channel names never start
// with "@", so the two cannot collide).
const DIRECT_PREFIX = "@";

/** The conversation id of `handle`'s direct messages in the console. */
export function directConversation(handle: string): string {
  return `${DIRECT_PREFIX}${handle}`;
}

/** The handle whose direct messages `conversationId` holds, or undefined for a channel. */
export function directOwner(conversationId: string): string | undefined {
  return conversationId.startsWith(DIRECT_PREFIX) ? conversationId.slice(DIRECT_PREFIX.length) : undefined;
}
