// The node-sdk Client, built from our configuration, and the two message calls the channel makes through it.
import * as lark from "@larksuiteoapi/node-sdk";
import type { LarkConfig } from "../../config/lark-env.js";
import type { Log } from "../../lib/logger.js";
import type { PlatformProfile } from "../../messaging/channel.js";

/** "feishu" and "lark" map to the SDK's domains; anything else is a base URL the SDK uses verbatim. */
export function larkDomain(domain: string): lark.Domain | string {
  if (domain === "feishu") return lark.Domain.Feishu;
  if (domain === "lark") return lark.Domain.Lark;
  return domain.replace(/\/+$/, "");
}

/** The SDK logs through our logger (its default writes to the console). */
export function sdkLogger(log: Log): lark.Logger {
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    error: (...msg: unknown[]) => log.error({ sdk: "lark" }, line(msg)),
    warn: (...msg: unknown[]) => log.warn({ sdk: "lark" }, line(msg)),
    info: (...msg: unknown[]) => log.debug({ sdk: "lark" }, line(msg)),
    debug: (...msg: unknown[]) => log.trace({ sdk: "lark" }, line(msg)),
    trace: (...msg: unknown[]) => log.trace({ sdk: "lark" }, line(msg)),
  };
}

/** A Client for a self-built app; it fetches and caches the tenant_access_token itself. */
export function createLarkClient(cfg: LarkConfig, log: Log): lark.Client {
  return new lark.Client({
    appId: cfg.appId,
    appSecret: cfg.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: larkDomain(cfg.domain),
    logger: sdkLogger(log),
    loggerLevel: lark.LoggerLevel.warn,
  });
}

/** Thrown when the Open API answers with a non-zero code. */
export class LarkApiError extends Error {
  override readonly name = "LarkApiError";
  constructor(readonly code: number | undefined, message: string) {
    super(`Lark API error ${code ?? "?"}: ${message}`);
  }
}

/** The message calls the channel needs; a port so the channel is testable without the SDK. */
export interface LarkMessenger {
  /** POST /open-apis/im/v1/messages?receive_id_type=…; returns the new message's and its chat's ids. */
  send(receiveIdType: "chat_id" | "open_id", receiveId: string, msgType: "interactive" | "text", content: string): Promise<{ messageId: string; chatId: string }>;
  /** PATCH /open-apis/im/v1/messages/:message_id (cards with update_multi only). */
  patch(messageId: string, content: string): Promise<void>;
  /** POST /open-apis/im/v1/chats (a group chat with the bot in it and the people, by open_id); returns its chat_id. */
  createChat?(name: string, openIds: string[]): Promise<{ chatId: string }>;
  /** GET /open-apis/im/v1/chats/:chat_id: the chat's name when the bot is in it; its error code otherwise. */
  chatInfo?(chatId: string): Promise<{ code: number; name?: string }>;
  /** POST /open-apis/im/v1/images (image_type message, multipart): the picture's image_key for an img element. */
  uploadImage?(png: Buffer): Promise<string>;
  /** GET /open-apis/contact/v3/users/:user_id?user_id_type=open_id: the person's name. */
  userProfile?(openId: string): Promise<PlatformProfile>;
}

/** The scope contact v3 user get needs for a person's name. */
export const LARK_CONTACT_SCOPE = "contact:user.base:readonly";

/** LarkMessenger over the SDK's generated im.v1.message API. */
export function sdkMessenger(client: lark.Client): LarkMessenger {
  return {
    async send(receiveIdType, receiveId, msgType, content) {
      const res = await client.im.v1.message.create({ params: { receive_id_type: receiveIdType }, data: { receive_id: receiveId, msg_type: msgType, content } });
      const messageId = res.data?.message_id;
      if (res.code !== 0 || !messageId) throw new LarkApiError(res.code, res.msg ?? "message.create returned no message_id");
      return { messageId, chatId: res.data?.chat_id ?? receiveId };
    },
    async patch(messageId, content) {
      const res = await client.im.v1.message.patch({ path: { message_id: messageId }, data: { content } });
      if (res.code !== 0) throw new LarkApiError(res.code, res.msg ?? "message.patch failed");
    },
    async uploadImage(png) {
      // The SDK hands back the answer's `data` for uploads ({ image_key }); a refusal is thrown.
      const res = await client.im.v1.image.create({ data: { image_type: "message", image: png } });
      if (!res?.image_key) throw new LarkApiError(undefined, "image.create returned no image_key");
      return res.image_key;
    },
    async userProfile(openId) {
      // The SDK throws for an HTTP error status (Feishu answers 400 with a code for a missing scope).
      const res = await client.contact.v3.user.get({ path: { user_id: openId }, params: { user_id_type: "open_id" } }).catch((err: { response?: { data?: { code?: number; msg?: string } } }) => {
        const data = err.response?.data;
        if (data?.code !== undefined) return { code: data.code, msg: data.msg, data: undefined };
        throw err;
      });
      if (res.code !== 0) return { ok: false, missingScope: LARK_CONTACT_SCOPE };
      const user = res.data?.user;
      return { ok: true, displayName: user?.name || user?.en_name || undefined };
    },
    async chatInfo(chatId) {
      // The SDK throws for an HTTP error status (Feishu answers 400 with a code for an unknown chat).
      const res = await client.im.v1.chat.get({ path: { chat_id: chatId } }).catch((err: { response?: { data?: { code?: number; msg?: string } } }) => {
        const data = err.response?.data;
        if (data?.code !== undefined) return { code: data.code, msg: data.msg, data: undefined };
        throw err;
      });
      return { code: res.code ?? -1, name: res.data?.name || undefined };
    },
    async createChat(name, openIds) {
      const res = await client.im.v1.chat.create({ params: { user_id_type: "open_id" }, data: { name, user_id_list: openIds, chat_mode: "group", chat_type: "private" } });
      const chatId = res.data?.chat_id;
      if (res.code !== 0 || !chatId) throw new LarkApiError(res.code, res.msg ?? "chat.create returned no chat_id");
      return { chatId };
    },
  };
}
