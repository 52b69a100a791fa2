// ChatChannel for Slack, through a WebClient that does not retry (bolt-app.ts createOutboxClient): a 429 is
// thrown with its Retry-After as `retryAfterMs`, which the outbox keeps on the row; posts to one channel are
// also paced here, one per second, which is Slack's documented pace for chat.postMessage.
import type { webApi } from "@slack/bolt";
import type { Log } from "../../lib/logger.js";
import type { Card, ChartSpec } from "../../messaging/card.js";
import type { ChatChannel, ConversationCheck, OutboundTarget, PlatformProfile } from "../../messaging/channel.js";
import { drawChartPng } from "../charts/draw-chart.js";
import { KeyedPacer } from "./pacer.js";
import { renderCard } from "./render-card.js";

/** Slack's documented pace for chat.postMessage: about one message per second per channel. */
export const POST_INTERVAL_MS = 1000;

/** The WebClient's rate-limit error (rejectRateLimitedCalls) with its wait in the outbox's terms. */
function withRetryAfter(err: unknown): unknown {
  const e = err as { code?: unknown; retryAfter?: unknown } | null;
  if (e && e.code === "slack_webapi_rate_limited_error" && typeof e.retryAfter === "number") return Object.assign(e, { retryAfterMs: e.retryAfter * 1000 });
  return err;
}

async function call<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    throw withRetryAfter(err);
  }
}

/** Sends and updates cards on Slack. */
export class SlackChannel implements ChatChannel {
  readonly platform = "slack" as const;
  /** chat.postEphemeral messages are not kept by Slack: chat.update cannot reach them. */
  readonly updatableEphemerals = false;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly pacer: KeyedPacer = new KeyedPacer(POST_INTERVAL_MS),
    private readonly log?: Log,
  ) {}

  /** users.info (scope users:read): the display name, zone and, where Slack says, the language. */
  async profile(userExternalId: string): Promise<PlatformProfile> {
    try {
      const res = await this.client.users.info({ user: userExternalId, include_locale: true });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      return { ok: true, displayName: name || undefined, timezone: u?.tz || undefined, locale: u?.locale || undefined };
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === "missing_scope" || code === "not_allowed_token_type") return { ok: false, missingScope: "users:read" };
      throw err;
    }
  }

  /**
   * conversations.info (scope channels:read / groups:read): the channel exists and the bot is in it. A private
   * channel the bot is not in is "channel_not_found" to it; a public one answers is_member false.
   */
  async conversation(conversationId: string): Promise<ConversationCheck> {
    try {
      const res = await this.client.conversations.info({ channel: conversationId });
      if (res.channel?.is_member === false) return { ok: false, reason: "not_member" };
      return { ok: true, name: res.channel?.name || undefined };
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === "not_in_channel") return { ok: false, reason: "not_member" };
      if (code === "channel_not_found") return { ok: false, reason: "not_found" };
      throw err;
    }
  }

  /** chat.postMessage; returns the message's ts (its id in a channel). */
  async post(target: OutboundTarget, card: Card): Promise<string> {
    const m = renderCard(card);
    const res = await this.pacer.run(target.conversationId, () =>
      call(() => this.client.chat.postMessage({ channel: target.conversationId, text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false })),
    );
    if (!res.ts) throw new Error("slack: chat.postMessage answered without a ts");
    await this.attachCharts(target.conversationId, res.ts, card);
    return res.ts;
  }

  /**
   * The card's charts as PNG files in the message's thread (files.getUploadURLExternal, the upload, then
   * files.completeUploadExternal with thread_ts: the WebClient's files.uploadV2; scope files:write). The card is
   * already posted and its text carries the same figures (sparklines), so a failed upload is logged, not retried:
   * retrying would post the card twice.
   */
  private async attachCharts(channel: string, threadTs: string, card: Card): Promise<void> {
    const charts = card.blocks.flatMap((b): ChartSpec[] => (b.type === "chart" ? [b.chart] : []));
    for (const [i, chart] of charts.entries()) {
      try {
        await this.client.files.uploadV2({ channel_id: channel, thread_ts: threadTs, file: await drawChartPng(chart), filename: `chart-${i + 1}.png`, title: chart.title, alt_text: chart.title });
      } catch (err) {
        this.log?.warn({ channel, threadTs, chart: chart.title, err }, "slack: chart upload failed; the card's sparklines carry the figures");
      }
    }
  }

  /** chat.update of a message posted earlier. */
  async update(target: OutboundTarget, messageId: string, card: Card): Promise<void> {
    const m = renderCard(card);
    await call(() => this.client.chat.update({ channel: target.conversationId, ts: messageId, text: m.text, blocks: m.blocks }));
  }

  /** chat.postEphemeral: visible only to the person, not kept by Slack, so there is nothing to update later. */
  async ephemeral(target: OutboundTarget & { userExternalId: string }, card: Card): Promise<string | undefined> {
    const m = renderCard(card);
    const res = await call(() => this.client.chat.postEphemeral({ channel: target.conversationId, user: target.userExternalId, text: m.text, blocks: m.blocks }));
    return res.message_ts;
  }

  /** Opens (or finds) the direct conversation with the bot and posts there. */
  async direct(userExternalId: string, card: Card): Promise<{ conversationId: string; messageId: string }> {
    const opened = await call(() => this.client.conversations.open({ users: userExternalId }));
    const conversationId = opened.channel?.id;
    if (!conversationId) throw new Error("slack: conversations.open answered without a channel id");
    return { conversationId, messageId: await this.post({ conversationId }, card) };
  }

  /**
   * conversations.create (a public channel; Slack names are lowercase letters, digits, - and _, at most 80),
   * then conversations.invite of the people. The bot created it, so it is already a member.
   */
  async createConversation(name: string, memberExternalIds: string[]): Promise<{ conversationId: string; name: string }> {
    const res = await this.client.conversations.create({ name: slackChannelName(name) });
    const conversationId = res.channel?.id;
    if (!conversationId) throw new Error("slack: conversations.create answered without a channel id");
    const users = [...new Set(memberExternalIds)].filter(Boolean);
    if (users.length > 0) await this.client.conversations.invite({ channel: conversationId, users: users.join(",") });
    return { conversationId, name: res.channel?.name ?? slackChannelName(name) };
  }
}

/** A name Slack accepts for a channel: lowercase ASCII letters, digits, - and _, 1 to 80 characters. */
export function slackChannelName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return slug || "incident";
}
