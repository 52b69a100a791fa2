// Decrypted WeCom callback XML (already parsed to flat fields) → the neutral InboundEvent. Pure.
import type { InboundEvent } from "../../messaging/inbound.js";

/** A WeCom "conversation": the app's direct chat with one member, or the group robot. */
export const wecomConversation = {
  /** The app's chat with member `userId`. */
  user: (userId: string) => `user:${userId}`,
  /** A group chat the app created (appchat), chosen with /mediaops channel set; post-only. */
  chat: (chatId: string) => `chat:${chatId}`,
  /** The chat id of a `chat:` conversation, or undefined. */
  chatOf: (conversationId: string) => (conversationId.startsWith("chat:") ? conversationId.slice(5) : undefined),
  /** The group robot (WECOM_WEBHOOK_KEY); post-only. */
  robot: "robot",
  /** The member of a `user:` conversation, or undefined. */
  userOf: (conversationId: string) => (conversationId.startsWith("user:") ? conversationId.slice(5) : undefined),
} as const;

/** A click's single-use update code, to keep for the card's next update. */
export interface WecomResponseCode {
  taskId: string;
  code: string;
  userId: string;
}

/** What a callback turned into. */
export type WecomParsed =
  | { ok: true; event: InboundEvent; responseCode?: WecomResponseCode }
  | { ok: false; reason: string };

/** The actionId of an encoded button value ("m1.<action>.<subjectType>...", see messaging/action.ts). */
export function actionIdOfKey(key: string): string {
  const parts = key.split(".");
  return parts.length === 6 ? `${parts[2]}.${parts[1]}` : "";
}

/**
 * Text messages → commands (de-duplicated by MsgId); template_card_event → button clicks (de-duplicated by
 * FromUserName + CreateTime + TaskId + EventKey, since events carry no MsgId). `agentId` filters out callbacks
 * of other apps of the same corp that share the URL.
 */
export function parseWecomInbound(x: Record<string, string>, opts: { corpId: string; agentId: number }): WecomParsed {
  const from = x.FromUserName;
  if (!from) return { ok: false, reason: "no FromUserName" };
  if (x.AgentID !== undefined && x.AgentID.trim() !== String(opts.agentId)) return { ok: false, reason: `AgentID ${x.AgentID} is not ours` };
  const actor = { platform: "wecom" as const, tenant: opts.corpId, externalId: from };
  const conversation = { platform: "wecom" as const, externalId: wecomConversation.user(from) };

  if (x.MsgType === "text") {
    const text = (x.Content ?? "").replace(/[\s\u3000]+/g, " ").trim();
    if (text === "") return { ok: false, reason: "empty message" };
    const id = x.MsgId ? `msg:${x.MsgId}` : `msg:${from}:${x.CreateTime ?? ""}`;
    return { ok: true, event: { kind: "command", eventId: id, actor, conversation, text } };
  }

  if (x.MsgType === "event" && x.Event === "template_card_event") {
    const key = x.EventKey ?? "";
    const taskId = x.TaskId ?? "";
    if (key === "" || taskId === "") return { ok: false, reason: "template_card_event without EventKey or TaskId" };
    const event: InboundEvent = {
      kind: "action",
      eventId: `evt:${from}:${x.CreateTime ?? ""}:${taskId}:${key}`,
      actor,
      conversation,
      message: { platform: "wecom", conversationId: conversation.externalId, messageId: taskId },
      actionId: actionIdOfKey(key),
      value: key,
    };
    return { ok: true, event, responseCode: x.ResponseCode ? { taskId, code: x.ResponseCode, userId: from } : undefined };
  }
  return { ok: false, reason: `MsgType ${x.MsgType ?? "?"}${x.Event ? `/${x.Event}` : ""}` };
}
