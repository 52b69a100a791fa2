// The console's outbound channel: bot messages go into the console's own message stream.
import type { Card } from "../../messaging/card.js";
import type { ChatChannel, OutboundTarget } from "../../messaging/channel.js";
import type { ConsoleMessageStore } from "../../messaging/console-store.js";

/** ChatChannel for the embedded console. */
export class ConsoleChannel implements ChatChannel {
  readonly platform = "console" as const;
  constructor(private readonly store: ConsoleMessageStore) {}

  post(target: OutboundTarget, card: Card): Promise<string> {
    return this.store.insertBotMessage(target.conversationId, card);
  }

  update(_target: OutboundTarget, messageId: string, card: Card): Promise<void> {
    return this.store.updateCard(messageId, card);
  }

  ephemeral(target: OutboundTarget & { userExternalId: string }, card: Card): Promise<string> {
    return this.store.insertBotMessage(target.conversationId, card, target.userExternalId);
  }

  /** Review requests, nudges and reminders land in the person's "direct messages" view of the page. */
  direct(userExternalId: string, card: Card): Promise<{ conversationId: string; messageId: string }> {
    return this.store.insertDirectMessage(userExternalId, card);
  }
}
