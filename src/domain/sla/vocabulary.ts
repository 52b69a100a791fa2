// The SLA's words: which platforms and kinds of user message we track, their states, and the platforms'
// own reply windows (hard limits that no policy can extend).
import { aliasParser } from "../aliases.js";
import { PLATFORMS, type Platform } from "../topics/vocabulary.js";

/** Platforms an SLA item can come from (the same codes as topics). */
export const SLA_PLATFORMS = PLATFORMS;
/** A platform code. */
export type SlaPlatform = Platform;

/** What the user sent: a public comment, a reply in a comment thread, a private message, a complaint. */
export const SLA_KINDS = ["comment", "reply", "dm", "complaint"] as const;
/** One kind. */
export type SlaKind = (typeof SLA_KINDS)[number];

/** Item states: open → claimed (someone is on it) → answered | dismissed. */
export const SLA_STATUSES = ["open", "claimed", "answered", "dismissed"] as const;
/** One state. */
export type SlaStatus = (typeof SLA_STATUSES)[number];

/** States that still need an answer (and so have reminders). */
export const SLA_ACTIVE_STATUSES: readonly SlaStatus[] = ["open", "claimed"];

/** Narrowing guards for values read from the database or from input. */
export function isSlaPlatform(v: string): v is SlaPlatform {
  return (SLA_PLATFORMS as readonly string[]).includes(v);
}
export function isSlaKind(v: string): v is SlaKind {
  return (SLA_KINDS as readonly string[]).includes(v);
}

/** A kind by its code or its Chinese name (评论, 回复, 私信, 投诉); undefined when unknown. */
export const parseSlaKind = aliasParser<SlaKind>({
  comment: ["评论", "留言"],
  reply: ["回复", "评论回复"],
  dm: ["私信", "direct message", "message", "消息"],
  complaint: ["投诉"],
});

const HOUR = 60 * 60_000;

/**
 * Platform reply windows in wall-clock ms from the user's message, by platform and kind. A WeChat Official
 * Account may answer a user's message through the customer-service API only within 48 hours (error 45015
 * after that); a complaint that arrives as a message is bound the same way. Other platforms publish no
 * such limit for comments, so none is invented here.
 */
export const REPLY_WINDOWS: Partial<Record<SlaPlatform, Partial<Record<SlaKind, number>>>> = {
  wechat_oa: { dm: 48 * HOUR },
};

/** How close to a platform window an item counts as urgent, whatever its own target says. */
export const WINDOW_URGENT_MS = 6 * HOUR;

/** The platform's reply window for `kind`, in ms, or undefined when there is none. */
export function replyWindowMs(platform: SlaPlatform, kind: SlaKind): number | undefined {
  return REPLY_WINDOWS[platform]?.[kind];
}
