// Why a content platform's API refused or failed a call, in neutral words the cards and /sla sources can say
// in each language. The connector (src/adapters/wechat-oa/errors.ts) maps the platform's own codes to these.

/** What went wrong, as a person needs to hear it. */
export const PLATFORM_PROBLEMS = [
  /** The access token was refused even after one forced refresh, or could not be fetched. */
  "token",
  /** The AppID or AppSecret is wrong. */
  "credentials",
  /** The server's IP is not on the account's IP whitelist (the IP is given). */
  "ip_whitelist",
  /** The platform is busy or unreachable: tried again later. */
  "busy",
  /** Too many calls: tried again later. */
  "rate_limited",
  /** A direct message older than the platform's reply window (WeChat OA: 48 hours). */
  "reply_window_closed",
  /** Too many messages to this person in a row before they write again. */
  "too_many_replies",
  /** The comment or article no longer exists (deleted, or the id is wrong). */
  "not_found",
  /** The account has no permission for this API (comments switched off, API not authorised). */
  "not_allowed",
  /** The reply text was refused (empty or too long). */
  "bad_content",
  /** Something else: the platform's code is given. */
  "other",
] as const;

/** One problem. */
export type PlatformProblem = (typeof PLATFORM_PROBLEMS)[number];

/** A problem with what a person needs to act on it. */
export interface PlatformProblemInfo {
  problem: PlatformProblem;
  /** The platform's own error code, when it gave one. */
  code?: number;
  /** For ip_whitelist: the address the platform saw. */
  ip?: string;
  /** True when trying again later may work (busy, rate limited, network). */
  retryable: boolean;
}
