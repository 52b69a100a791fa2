// The port every chat platform implements for outbound traffic. Use cases never call it: they write to the
// outbox, and the outbox sender calls the channel for the target platform.
import type { Card } from "./card.js";
import type { ChatPlatform } from "./inbound.js";

/** What the sender knows about where a message goes, in the platform's own ids. */
export interface OutboundTarget {
  /** The platform's conversation id (channel, chat, group). */
  conversationId: string;
  /** For ephemeral and direct messages: the platform's id of the person. */
  userExternalId?: string;
}

/**
 * What a platform says about a person: their name, and their language and zone where it has them. `missingScope`
 * names the permission the app lacks when the platform refused to say (the person is then shown by their id).
 */
export type PlatformProfile =
  | { ok: true; displayName?: string; locale?: string; timezone?: string }
  | { ok: false; missingScope: string };

/**
 * What a platform says about a conversation the bot is asked to post to: it is there (with the name the platform
 * gives it), the bot is not a member, or there is no such conversation the bot can see.
 */
export type ConversationCheck = { ok: true; name?: string } | { ok: false; reason: "not_member" | "not_found" };

/** Sends and updates cards on one platform. */
export interface ChatChannel {
  readonly platform: ChatPlatform;
  /**
   * False where an ephemeral cannot be updated later (Slack keeps no ephemeral): a card that later changes
   * update in place goes to the person's direct chat there instead. Absent means they can be.
   */
  readonly updatableEphemerals?: boolean;
  /** Posts a card to a conversation; returns the platform's message id. */
  post(target: OutboundTarget, card: Card): Promise<string>;
  /** Replaces a posted card in place. */
  update(target: OutboundTarget, messageId: string, card: Card): Promise<void>;
  /** Shows a card to one person in a conversation; platforms without ephemerals send it directly. */
  ephemeral(target: OutboundTarget & { userExternalId: string }, card: Card): Promise<string | undefined>;
  /** Sends a card to one person in a direct chat; absent where the platform has none (the console). */
  direct?(userExternalId: string, card: Card): Promise<{ conversationId: string; messageId: string }>;
  /**
   * Creates a new conversation (Slack channel, Feishu group chat) with the bot in it and invites the people
   * (the platform's ids of them); returns its id and the name the platform gave it (it may have made `name`
   * fit its rules). Optional: absent where the platform cannot (the console, WeCom's app messages); callers
   * then post in an existing channel. Used by incidents for a channel per incident.
   */
  createConversation?(name: string, memberExternalIds: string[]): Promise<{ conversationId: string; name: string }>;
  /**
   * Checks that the bot can post in a conversation before a workflow is routed there (Slack conversations.info,
   * Feishu chat get, WeCom appchat/get); absent on the console, whose channels are our own rows.
   */
  conversation?(conversationId: string): Promise<ConversationCheck>;
  /** Reads a person's profile (Slack users.info, Feishu contact v3 user get, WeCom user/get); absent on the console. */
  profile?(userExternalId: string): Promise<PlatformProfile>;
}
