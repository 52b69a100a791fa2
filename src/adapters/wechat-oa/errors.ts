// WeChat OA API error codes: what each means for us. WeChat answers errors as HTTP 200 with
// {"errcode":N,"errmsg":".."}; errcode 0 or absent is success. Sources: the 全局返回码 page, the 留言管理 and
// 客服消息 pages (see ../shared/reference/wechat-oa-api.md in the project's shared folder).
import type { PlatformProblem, PlatformProblemInfo } from "../../domain/sla/platform-problems.js";

/** errcodes meaning the access token is invalid or expired: one forced refresh, one retry. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** errcode → the problem it is; codes not listed are "other" (with the code shown). */
const PROBLEMS: Record<number, PlatformProblem> = {
  [-1]: "busy", // 系统繁忙，此时请开发者稍候再试
  40001: "token", // invalid credential, access_token is invalid or not latest
  40014: "token", // invalid access_token
  42001: "token", // access_token expired
  41001: "token", // access_token missing
  40013: "credentials", // invalid appid
  40125: "credentials", // invalid appsecret
  40164: "ip_whitelist", // invalid ip, not in whitelist
  61004: "ip_whitelist", // access clientip is not registered
  45009: "rate_limited", // reach max api daily quota limit
  45011: "rate_limited", // api minute-quota reach limit
  45015: "reply_window_closed", // response out of time limit or subscription is canceled
  45047: "too_many_replies", // out of response count limit
  40003: "not_found", // invalid openid
  48001: "not_allowed", // api unauthorized
  48004: "not_allowed", // api forbidden for irregularities
  88000: "not_allowed", // without comment privilege
  88001: "not_found", // msg_data is not exists
  88002: "not_allowed", // the article is limit for safety
  88004: "not_found", // comment was deleted by user
  88007: "bad_content", // reply content beyond max len or content len is zero
  88008: "not_found", // comment is not exists
  45002: "bad_content", // content size out of limit
};

/** Problems worth trying again later without anyone changing anything. */
const RETRYABLE: ReadonlySet<PlatformProblem> = new Set(["busy", "rate_limited"]);

/** Thrown for a non-zero errcode, an HTTP failure or an unreachable server. */
export class WechatApiError extends Error {
  override readonly name = "WechatApiError";
  /** The problem in neutral words, for cards and /sla sources. */
  readonly info: PlatformProblemInfo;
  constructor(
    /** WeChat's errcode; for HTTP and network failures a negative HTTP status or -1. */
    readonly errcode: number,
    readonly errmsg: string,
    /** The API path that failed, e.g. /cgi-bin/comment/list. */
    readonly path: string,
    opts: { network?: boolean } = {},
  ) {
    super(explain(errcode, errmsg, path, opts.network ?? false));
    const problem: PlatformProblem = opts.network ? "busy" : (PROBLEMS[errcode] ?? "other");
    const ip = problem === "ip_whitelist" ? whitelistIp(errmsg) : undefined;
    this.info = { problem, code: opts.network ? undefined : errcode, ...(ip ? { ip } : {}), retryable: RETRYABLE.has(problem) };
  }
  /** True for an invalid or expired access token. */
  get isTokenError(): boolean {
    return TOKEN_ERRCODES.has(this.errcode);
  }
}

/** The IP WeChat names in a 40164 message: "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist". */
export function whitelistIp(errmsg: string): string | undefined {
  return /invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1];
}

/** One line for the logs (and for admins): what failed, and for the whitelist, what to do. */
function explain(errcode: number, errmsg: string, path: string, network: boolean): string {
  if (network) return `WeChat API ${path} unreachable: ${errmsg}`;
  if (PROBLEMS[errcode] === "ip_whitelist") {
    const ip = whitelistIp(errmsg);
    return `WeChat API ${path} refused this server's IP ${ip ?? "(not given)"}: add it to the account's IP whitelist (公众平台 → 设置与开发 → 基本配置 → IP白名单), errcode ${errcode}`;
  }
  return `WeChat API ${path} errcode ${errcode}: ${errmsg}`;
}
