// ChatChannel for WeCom. A self-built app talks to members one by one (message/send touser); cards with buttons
// are button_interaction template cards, updated with update_template_card and a single-use response_code.
// Channel posts go to the group robot (markdown, 20 a minute) when WECOM_WEBHOOK_KEY is set.
import { randomUUID } from "node:crypto";
import type { Log } from "../../lib/logger.js";
import type { Card, ChartSpec } from "../../messaging/card.js";
import { drawChartPng } from "../charts/draw-chart.js";
import type { ChatChannel, ConversationCheck, OutboundTarget, PlatformProfile } from "../../messaging/channel.js";
import { WecomApiError, type WecomApi } from "./api.js";
import { wecomConversation, type WecomResponseCode } from "./parse-inbound.js";
import { TokenBucket } from "./rate-limit.js";
import { clipBytes, renderWecomMarkdown, renderWecomMessage, renderWecomTemplateCard, WECOM_LIMITS } from "./render-card.js";

/** How many spent response codes to remember (oldest forgotten first). */
const USED_CODES_KEPT = 10_000;

/** Posts markdown through the group robot. */
export type RobotSender = (payload: { msgtype: "markdown"; markdown: { content: string } }) => Promise<void>;

/** What the channel is built from. */
export interface WecomChannelOptions {
  api: WecomApi;
  agentId: number;
  log: Log;
  /** Present when WECOM_WEBHOOK_KEY is set. */
  robot?: RobotSender;
  /** Milliseconds now, for the robot's rate limit. */
  nowMs: () => number;
}

/** Sends and updates WeCom messages. */
export class WecomChannel implements ChatChannel {
  readonly platform = "wecom" as const;
  /**
   * The latest unused response_code per card (task id), with its member. Kept in memory: a code is single-use
   * and valid 72 h, and a click brings a fresh one; after a restart an update falls back to a new message.
   */
  private readonly codes = new Map<string, { code: string; userId: string }>();
  /** Codes already spent, so a retried click delivery cannot bring one back. */
  private readonly used = new Set<string>();
  private readonly robotBucket: TokenBucket;
  private robotCount = 0;

  /** user/get. Without the member in the app's visible range (通讯录可见范围) WeCom refuses with 60011 / 60020 / 48009. */
  async profile(userExternalId: string): Promise<PlatformProfile> {
    try {
      const user = await this.opts.api.getUser(userExternalId);
      return { ok: true, displayName: user.name || undefined };
    } catch (err) {
      if (err instanceof WecomApiError && [48002, 48009, 60011, 60020, 60111].includes(err.errcode)) return { ok: false, missingScope: "contact visible range (通讯录可见范围) for user/get" };
      throw err;
    }
  }

  constructor(private readonly opts: WecomChannelOptions) {
    // The robot's documented limit: 20 messages a minute.
    this.robotBucket = new TokenBucket(20, 60_000, opts.nowMs);
  }

  /** appchat/get: the app's group chat exists (an app can only post to chats it created: 86003 otherwise). */
  async conversation(conversationId: string): Promise<ConversationCheck> {
    if (conversationId === wecomConversation.robot) return this.opts.robot ? { ok: true } : { ok: false, reason: "not_found" };
    const chatId = wecomConversation.chatOf(conversationId);
    if (!chatId) return { ok: false, reason: "not_found" };
    try {
      const res = await this.opts.api.getAppChat(chatId);
      return { ok: true, name: res.chat_info?.name || undefined };
    } catch (err) {
      if (err instanceof WecomApiError && err.errcode > 0) return { ok: false, reason: "not_found" };
      throw err;
    }
  }

  async post(target: OutboundTarget, card: Card): Promise<string> {
    if (target.conversationId === wecomConversation.robot) return this.postToRobot(card);
    const chatId = wecomConversation.chatOf(target.conversationId);
    if (chatId) {
      const id = await this.postToChat(chatId, card);
      await this.sendCharts(card, (image) => this.opts.api.sendAppChat({ chatid: chatId, msgtype: "image", image }));
      return id;
    }
    const userId = this.userOf(target.conversationId);
    const id = await this.sendCard(userId, card);
    await this.sendCharts(card, (image) => this.opts.api.sendMessage({ touser: userId, agentid: this.opts.agentId, msgtype: "image", image }));
    return id;
  }

  /**
   * The card's charts as image messages right after it (media/upload type image, then msgtype image). The card
   * is sent and its sparklines carry the figures, so a failed picture is logged, not retried (that would send the
   * card twice).
   */
  private async sendCharts(card: Card, send: (image: { media_id: string }) => Promise<unknown>): Promise<void> {
    const charts = card.blocks.flatMap((b): ChartSpec[] => (b.type === "chart" ? [b.chart] : []));
    for (const [i, chart] of charts.entries()) {
      try {
        const mediaId = await this.opts.api.uploadImage(await drawChartPng(chart), `chart-${i + 1}.png`);
        await send({ media_id: mediaId });
      } catch (err) {
        this.opts.log.warn({ chart: chart.title, err: err instanceof Error ? err.message : String(err) }, "wecom: chart picture not sent; the card's sparklines carry the figures");
      }
    }
  }

  async update(target: OutboundTarget, messageId: string, card: Card): Promise<void> {
    if (target.conversationId === wecomConversation.robot) {
      // Robot messages cannot be edited; the group gets the new state as a new message.
      await this.postToRobot(card);
      return;
    }
    const chatId = wecomConversation.chatOf(target.conversationId);
    if (chatId) {
      // Nor can app chat messages: the chat gets the new state as a new message.
      await this.postToChat(chatId, card);
      return;
    }
    const userId = this.userOf(target.conversationId);
    const saved = this.codes.get(messageId);
    if (!saved) {
      this.opts.log.info({ messageId }, "wecom: no response_code left for this card; sending the update as a new message");
      await this.sendCard(userId, card);
      return;
    }
    this.codes.delete(messageId);
    this.markUsed(saved.code);
    try {
      await this.opts.api.updateTemplateCard({
        userids: [saved.userId],
        agentid: this.opts.agentId,
        response_code: saved.code,
        template_card: renderWecomTemplateCard(card, { taskId: messageId }),
      });
    } catch (err) {
      // An expired or already used code: the member still gets the new state, as a new message.
      if (!(err instanceof WecomApiError)) throw err;
      this.opts.log.warn({ messageId, err: err.message }, "wecom: update_template_card refused; sending the update as a new message");
      await this.sendCard(userId, card);
    }
  }

  /** Every app chat is already one person's; ephemerals go to that person. */
  ephemeral(target: OutboundTarget & { userExternalId: string }, card: Card): Promise<string> {
    return this.sendCard(target.userExternalId, card);
  }

  async direct(userExternalId: string, card: Card): Promise<{ conversationId: string; messageId: string }> {
    return { conversationId: wecomConversation.user(userExternalId), messageId: await this.post({ conversationId: wecomConversation.user(userExternalId) }, card) };
  }

  /** A plain text message to one member (refusals of commands and clicks). */
  async sendText(userId: string, text: string): Promise<void> {
    await this.opts.api.sendMessage({ touser: userId, msgtype: "text", agentid: this.opts.agentId, text: { content: clipBytes(text, WECOM_LIMITS.textBytes) } });
  }

  /** Keeps a click's response_code as the card's latest (it supersedes the one from sending). */
  rememberResponseCode(rc: WecomResponseCode): void {
    // A retried delivery brings the same code again; once used it is worthless.
    if (this.used.has(rc.code)) return;
    this.codes.set(rc.taskId, { code: rc.code, userId: rc.userId });
  }

  private markUsed(code: string): void {
    this.used.add(code);
    if (this.used.size > USED_CODES_KEPT) this.used.delete(this.used.values().next().value as string);
  }

  /** Sends a card to a member; the message id is the card's task_id, which clicks report back as TaskId. */
  private async sendCard(userId: string, card: Card): Promise<string> {
    const taskId = `mo-${randomUUID()}`;
    const body = renderWecomMessage(card, { taskId });
    const res = await this.opts.api.sendMessage({ touser: userId, agentid: this.opts.agentId, ...body });
    if (res.response_code) this.codes.set(taskId, { code: res.response_code, userId });
    return body.msgtype === "template_card" ? taskId : (res.msgid ?? taskId);
  }

  private async postToChat(chatId: string, card: Card): Promise<string> {
    await this.opts.api.sendAppChat({ chatid: chatId, msgtype: "markdown", markdown: { content: renderWecomMarkdown(card, WECOM_LIMITS.appMarkdownBytes) } });
    return `chat-${randomUUID()}`;
  }

  private async postToRobot(card: Card): Promise<string> {
    if (!this.opts.robot) throw new Error("wecom: the group robot is not configured (WECOM_WEBHOOK_KEY)");
    this.robotBucket.take();
    await this.opts.robot({ msgtype: "markdown", markdown: { content: renderWecomMarkdown(card) } });
    return `robot-${++this.robotCount}-${this.opts.nowMs()}`;
  }

  private userOf(conversationId: string): string {
    const user = wecomConversation.userOf(conversationId);
    if (!user) throw new Error(`wecom: cannot post to conversation "${conversationId}"`);
    return user;
  }
}
