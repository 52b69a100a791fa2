// The neutral inbound model: every platform turns its payloads into one of these events.

/** Chat platforms the service speaks to. "console" is the embedded local chat page. */
export type ChatPlatform = "console" | "slack" | "lark" | "wecom";

/** Who acted, as the platform knows them. */
export interface ActorRef {
  platform: ChatPlatform;
  /** Workspace, tenant or corp id; "local" for the console. */
  tenant: string;
  externalId: string;
  displayName?: string;
}

/** Where it happened: a channel, group chat or direct chat on the platform. */
export interface ConversationRef {
  platform: ChatPlatform;
  externalId: string;
  name?: string;
}

/** A message the bot posted, as the platform identifies it. */
export interface MessageRef {
  platform: ChatPlatform;
  conversationId: string;
  messageId: string;
}

/** A command typed in chat, a button clicked on a card, or a plain chat message. */
export type InboundEvent =
  | { kind: "command"; eventId?: string; actor: ActorRef; conversation: ConversationRef; text: string }
  | {
      kind: "action";
      eventId?: string;
      actor: ActorRef;
      conversation: ConversationRef;
      message: MessageRef;
      actionId: string;
      /** The button's encoded payload (see action.ts). */
      value: string;
      /** Typed by the clicker when the button asks for a reason. */
      reason?: string;
    };
