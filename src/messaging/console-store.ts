// The port the console channel writes through. The console is its own platform: its "server" is a table
// of messages, kept by src/app/console so the adapter never touches the database itself.
import type { Card } from "./card.js";

/** Stores the console's bot messages. */
export interface ConsoleMessageStore {
  /** Adds a bot message to a channel (visible to one handle when `visibleTo` is set); returns its id. */
  insertBotMessage(channel: string, card: Card, visibleTo?: string): Promise<string>;
  /** Replaces the card of a bot message. */
  updateCard(messageId: string, card: Card): Promise<void>;
}
