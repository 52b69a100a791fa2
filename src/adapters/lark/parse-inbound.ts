// Feishu/Lark payloads → the neutral InboundEvent. Pure: input is a verified, decrypted, parsed body (schema 2.0).
import { z } from "zod";
import type { InboundEvent } from "../../messaging/inbound.js";

/** What a payload turned into: an event for handleInbound, or the reason it is none of our business. */
export type LarkParsed = { ok: true; event: InboundEvent } | { ok: false; reason: string };

/** The value our card buttons carry in `behaviors[].value` (see render-card.ts). */
export const ZLarkButtonValue = z.object({
  /** The encoded action payload (messaging/action.ts). */
  v: z.string().min(1).max(512),
  /** The button's actionId, e.g. "topic.accept". */
  a: z.string().min(1).max(64),
  /** Name of the form input that holds the reason, for buttons that ask for one. */
  r: z.string().min(1).max(64).optional(),
});

const ZHeader = z.object({
  event_id: z.string().min(1),
  event_type: z.string(),
  tenant_key: z.string().optional(),
});

const ZMessageEvent = z.object({
  schema: z.literal("2.0"),
  header: ZHeader,
  event: z.object({
    sender: z.object({
      sender_id: z.object({ open_id: z.string().min(1) }),
      sender_type: z.string(),
      tenant_key: z.string().optional(),
    }),
    message: z.object({
      message_id: z.string().min(1),
      chat_id: z.string().min(1),
      chat_type: z.string(),
      message_type: z.string(),
      content: z.string(),
      mentions: z.array(z.object({ key: z.string() })).optional(),
    }),
  }),
});

const ZCardAction = z.object({
  schema: z.literal("2.0"),
  header: ZHeader,
  event: z.object({
    operator: z.object({ open_id: z.string().min(1), tenant_key: z.string().optional() }),
    action: z.object({
      value: z.unknown(),
      form_value: z.record(z.string(), z.unknown()).optional(),
      input_value: z.string().optional(),
    }),
    context: z.object({ open_message_id: z.string().min(1), open_chat_id: z.string().min(1) }),
  }),
});

/** `header.event_type` of a schema 2.0 body, or undefined. */
export function larkEventType(body: unknown): string | undefined {
  const parsed = z.object({ schema: z.literal("2.0"), header: z.object({ event_type: z.string() }) }).safeParse(body);
  return parsed.success ? parsed.data.header.event_type : undefined;
}

// Mention placeholders in text content: "@_user_1", "@_all".
const MENTION = /@_(?:user_\d+|all)/g;

/** The command text of a chat message: mention placeholders removed, spaces (also full-width) trimmed. */
export function commandText(raw: string): string {
  return raw.replace(MENTION, " ").replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * `im.message.receive_v1` → a command. Direct chats always count; in groups only messages that @-mention
 * someone do (the bot only receives group messages that mention it, unless given the group_msg scope).
 * De-duplicated by `message_id`, as the event's documentation asks (a redelivery gets a new event_id).
 */
export function parseLarkMessage(body: unknown): LarkParsed {
  const parsed = ZMessageEvent.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "not an im.message.receive_v1 event" };
  const { header, event } = parsed.data;
  if (header.event_type !== "im.message.receive_v1") return { ok: false, reason: `event type ${header.event_type}` };
  if (event.sender.sender_type !== "user") return { ok: false, reason: "sent by an app, not a person" };
  const { message } = event;
  if (message.message_type !== "text") return { ok: false, reason: `message type ${message.message_type}` };
  if (message.chat_type !== "p2p" && (message.mentions ?? []).length === 0) return { ok: false, reason: "group message without a mention" };
  let content: unknown;
  try {
    content = JSON.parse(message.content);
  } catch {
    return { ok: false, reason: "message content is not JSON" };
  }
  const text = z.object({ text: z.string() }).safeParse(content);
  if (!text.success) return { ok: false, reason: "text message without text" };
  const command = commandText(text.data.text);
  if (command === "") return { ok: false, reason: "empty message" };
  return {
    ok: true,
    event: {
      kind: "command",
      eventId: `msg:${message.message_id}`,
      actor: { platform: "lark", tenant: event.sender.tenant_key ?? header.tenant_key ?? "", externalId: event.sender.sender_id.open_id },
      conversation: { platform: "lark", externalId: message.chat_id },
      text: command,
    },
  };
}

/** `card.action.trigger` on one of our buttons → an action; the reason comes from the button's form input. */
export function parseLarkCardAction(body: unknown): LarkParsed {
  const parsed = ZCardAction.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "not a card.action.trigger callback" };
  const { header, event } = parsed.data;
  if (header.event_type !== "card.action.trigger") return { ok: false, reason: `event type ${header.event_type}` };
  const value = ZLarkButtonValue.safeParse(event.action.value);
  if (!value.success) return { ok: false, reason: "not one of our buttons" };
  const typed = value.data.r ? event.action.form_value?.[value.data.r] : undefined;
  const reason = typeof typed === "string" ? typed : undefined;
  return {
    ok: true,
    event: {
      kind: "action",
      eventId: `evt:${header.event_id}`,
      actor: { platform: "lark", tenant: event.operator.tenant_key ?? header.tenant_key ?? "", externalId: event.operator.open_id },
      conversation: { platform: "lark", externalId: event.context.open_chat_id },
      message: { platform: "lark", conversationId: event.context.open_chat_id, messageId: event.context.open_message_id },
      actionId: value.data.a,
      value: value.data.v,
      reason,
    },
  };
}

/**
 * The long connection hands handlers the SDK's flattened data ({...header, ...event}); this puts the
 * envelope back together so both transports share one parser.
 */
export function envelopeFromFlattened(data: Record<string, unknown>): Record<string, unknown> {
  const pick = (k: string) => (typeof data[k] === "string" ? data[k] : undefined);
  return {
    schema: "2.0",
    header: { event_id: pick("event_id"), event_type: pick("event_type"), tenant_key: pick("tenant_key"), app_id: pick("app_id"), create_time: pick("create_time") },
    event: data,
  };
}
