// ChatChannel for Feishu/Lark. Card updates PATCH the message in place, except the card of a button click
// being answered right now: that one is captured and returned in the callback's response instead, which is
// how Feishu wants a clicked card updated (a PATCH racing the callback answer can be overwritten by it).
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { Log } from "../../lib/logger.js";
import type { Card, ChartSpec } from "../../messaging/card.js";
import { drawChartPng } from "../charts/draw-chart.js";
import type { ChatChannel, ConversationCheck, OutboundTarget, PlatformProfile } from "../../messaging/channel.js";
import type { LarkMessenger } from "./client.js";
import { renderLarkCard, type LarkCardJson } from "./render-card.js";

/** Collects the update of one clicked message while its callback is being answered. */
export interface CardCapture {
  messageId: string;
  /** The latest card JSON the outbox wanted on the clicked message. */
  card?: LarkCardJson;
  /** Cleared when the callback has been answered; later updates PATCH as usual. */
  open: boolean;
}

/** Feishu's codes for "the bot (operator) is not in this chat". */
const LARK_NOT_IN_CHAT = new Set([232011, 232033]);

/** Feishu's message text limit for `text` messages is generous; refusals are one sentence. */
const TEXT_MAX = 4000;

/** Sends and updates Feishu/Lark messages through the Open API. */
export class LarkChannel implements ChatChannel {
  readonly platform = "lark" as const;
  private readonly captures = new AsyncLocalStorage<CardCapture>();

  /** image_key of each chart already uploaded (by the chart's data), so a card update reuses its pictures. */
  private readonly imageKeys = new Map<string, string>();

  constructor(private readonly api: LarkMessenger, private readonly log: Log) {}

  /** The card JSON with its charts as uploaded pictures (a chart whose upload fails is left to the sparklines). */
  private async render(card: Card) {
    const charts = card.blocks.flatMap((b): ChartSpec[] => (b.type === "chart" ? [b.chart] : []));
    const keys: (string | undefined)[] = [];
    for (const chart of charts) keys.push(await this.chartImage(chart));
    return renderLarkCard(card, keys);
  }

  private async chartImage(chart: ChartSpec): Promise<string | undefined> {
    if (!this.api.uploadImage) return undefined;
    const id = createHash("sha1").update(JSON.stringify(chart)).digest("hex");
    const known = this.imageKeys.get(id);
    if (known) return known;
    try {
      const key = await this.api.uploadImage(await drawChartPng(chart));
      if (this.imageKeys.size >= 500) this.imageKeys.delete(this.imageKeys.keys().next().value!);
      this.imageKeys.set(id, key);
      return key;
    } catch (err) {
      this.log.warn({ chart: chart.title, err }, "lark: chart image upload failed; the card's sparklines carry the figures");
      return undefined;
    }
  }

  async post(target: OutboundTarget, card: Card): Promise<string> {
    const sent = await this.api.send("chat_id", target.conversationId, "interactive", JSON.stringify(await this.render(card)));
    return sent.messageId;
  }

  async update(_target: OutboundTarget, messageId: string, card: Card): Promise<void> {
    const json = await this.render(card);
    const capture = this.captures.getStore();
    if (capture?.open && capture.messageId === messageId) {
      capture.card = json;
      return;
    }
    await this.api.patch(messageId, JSON.stringify(json));
  }

  /** Feishu has no ephemeral message in a chat for cards we can update; replies go to the chat (see docs/feishu.md). */
  ephemeral(target: OutboundTarget & { userExternalId: string }, card: Card): Promise<string> {
    return this.post(target, card);
  }

  async direct(userExternalId: string, card: Card): Promise<{ conversationId: string; messageId: string }> {
    const sent = await this.api.send("open_id", userExternalId, "interactive", JSON.stringify(await this.render(card)));
    return { conversationId: sent.chatId, messageId: sent.messageId };
  }

  /** contact v3 user get (scope contact:user.base:readonly). */
  async profile(userExternalId: string): Promise<PlatformProfile> {
    if (!this.api.userProfile) return { ok: false, missingScope: "contact:user.base:readonly" };
    return this.api.userProfile(userExternalId);
  }

  /**
   * im.v1.chat get: answers only for a chat the bot is in. 232011 (the bot is not in the chat) is told apart;
   * every other refusal (232006 invalid chat_id, 232010 chat not found...) means there is no such chat for it.
   */
  async conversation(conversationId: string): Promise<ConversationCheck> {
    if (!this.api.chatInfo) return { ok: true };
    const res = await this.api.chatInfo(conversationId);
    if (res.code === 0) return { ok: true, name: res.name };
    return { ok: false, reason: LARK_NOT_IN_CHAT.has(res.code) ? "not_member" : "not_found" };
  }

  /** im.v1.chat.create: a group chat named `name` with the bot and the people (open_ids) in it. */
  async createConversation(name: string, memberExternalIds: string[]): Promise<{ conversationId: string; name: string }> {
    if (!this.api.createChat) throw new Error("lark: this messenger cannot create chats");
    const { chatId } = await this.api.createChat(name, [...new Set(memberExternalIds)].filter(Boolean));
    return { conversationId: chatId, name };
  }

  /** A plain text message in a chat (refusals of typed commands). */
  async sendText(chatId: string, text: string): Promise<void> {
    await this.api.send("chat_id", chatId, "text", JSON.stringify({ text: [...text].slice(0, TEXT_MAX).join("") }));
  }

  /** Runs `work` with updates of `capture.messageId` collected into `capture` instead of sent. */
  capturing<T>(capture: CardCapture, work: () => Promise<T>): Promise<T> {
    return this.captures.run(capture, work);
  }

  /**
   * Closes a capture once the callback is answered. A card captured but not put in the answer (the answer
   * went out before the work finished) is PATCHed now, so no update is lost.
   */
  async release(capture: CardCapture, answered: boolean): Promise<void> {
    capture.open = false;
    if (!answered && capture.card) {
      try {
        await this.api.patch(capture.messageId, JSON.stringify(capture.card));
      } catch (err) {
        this.log.warn({ err: String(err), messageId: capture.messageId }, "lark: patching a late card update failed");
      }
    }
  }
}
