// The WeChat Official Account (公众号) section of the environment, optional as a whole. Two parts share the
// AppID: the message push (WECHAT_OA_TOKEN, EncodingAESKey for safe mode) and the server API
// (WECHAT_OA_APP_SECRET: comment polling, replies from chat, datacube figures). Either, or both.
import { z } from "zod";

/** The WECHAT_OA_* variables, merged into the service's environment schema. */
export const ZWechatOaEnv = z.object({
  /** 服务器配置 → Token: 3 to 32 letters or digits. */
  WECHAT_OA_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, "must be the 3-32 letters or digits set as Token in 服务器配置").optional(),
  /** The account's AppID (wx + 16 characters); the receive id of safe-mode messages. */
  WECHAT_OA_APP_ID: z.string().regex(/^wx[0-9A-Za-z]{16}$/, "must be the AppID (wx and 16 letters or digits)").optional(),
  /** 服务器配置 → EncodingAESKey (43 characters): set it for safe mode; unset means plaintext mode. */
  WECHAT_OA_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}$/, "must be the 43-character EncodingAESKey").optional(),
  /** The SLA account code items are filed under; default: the message's ToUserName (the account's gh_ id). */
  WECHAT_OA_ACCOUNT: z.string().min(1).max(64).optional(),
  /** 基本配置 → AppSecret (32 letters or digits): switches on the server API (comments, replies, figures). */
  WECHAT_OA_APP_SECRET: z.string().regex(/^[A-Za-z0-9]{32}$/, "must be the 32-character AppSecret").optional(),
  /** The API's base URL; tests and proxies point it elsewhere. */
  WECHAT_OA_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.weixin.qq.com" }).default("https://api.weixin.qq.com"),
  /** How often article comments are polled. */
  WECHAT_OA_POLL_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** How many days back articles are watched for comments. */
  WECHAT_OA_COMMENT_DAYS: z.coerce.number().int().min(1).max(30).default(7),
});

/** The WECHAT_OA_* variables after validation. */
export type TWechatOaEnv = z.infer<typeof ZWechatOaEnv>;

/** The settings the push adapter needs. */
export interface WechatOaConfig {
  token: string;
  appId: string;
  /** Set: safe mode (encrypt_type=aes required). Unset: plaintext mode. */
  encodingAESKey?: string;
  /** The SLA account code; undefined: ToUserName. */
  account?: string;
}

/** The settings the API client and the comment poller need. */
export interface WechatOaApiConfig {
  appId: string;
  appSecret: string;
  /** Without a trailing slash. */
  apiUrl: string;
  pollMinutes: number;
  commentDays: number;
  /** The SLA account code comments are filed under; undefined: the team's only WeChat OA account. */
  account?: string;
}

/** One line naming the variable that makes the section inconsistent, or undefined when it is fine. */
export function wechatOaEnvProblem(env: TWechatOaEnv): string | undefined {
  const push = env.WECHAT_OA_TOKEN !== undefined;
  const api = env.WECHAT_OA_APP_SECRET !== undefined;
  if (!env.WECHAT_OA_APP_ID) {
    const given = push ? "WECHAT_OA_TOKEN" : api ? "WECHAT_OA_APP_SECRET" : undefined;
    if (given) return `WECHAT_OA_APP_ID is required when ${given} is set (the account's AppID, wx and 16 letters or digits)`;
    const extra = env.WECHAT_OA_ENCODING_AES_KEY ? "WECHAT_OA_ENCODING_AES_KEY" : env.WECHAT_OA_ACCOUNT ? "WECHAT_OA_ACCOUNT" : undefined;
    return extra ? `WECHAT_OA_TOKEN is required when ${extra} is set (the WeChat OA push needs WECHAT_OA_TOKEN and WECHAT_OA_APP_ID)` : undefined;
  }
  if (!push && !api) {
    return "WECHAT_OA_TOKEN or WECHAT_OA_APP_SECRET is required when WECHAT_OA_APP_ID is set (WECHAT_OA_TOKEN for the message push, WECHAT_OA_APP_SECRET for comments and replies)";
  }
  if (env.WECHAT_OA_ENCODING_AES_KEY && !push) return "WECHAT_OA_TOKEN is required when WECHAT_OA_ENCODING_AES_KEY is set (safe mode is part of the message push)";
  return undefined;
}

/** The push adapter's settings, or undefined when the push is not configured (call after wechatOaEnvProblem). */
export function wechatOaConfig(env: TWechatOaEnv): WechatOaConfig | undefined {
  if (!env.WECHAT_OA_TOKEN || !env.WECHAT_OA_APP_ID) return undefined;
  return { token: env.WECHAT_OA_TOKEN, appId: env.WECHAT_OA_APP_ID, encodingAESKey: env.WECHAT_OA_ENCODING_AES_KEY, account: env.WECHAT_OA_ACCOUNT };
}

/** The API settings, or undefined when WECHAT_OA_APP_SECRET is not set (call after wechatOaEnvProblem). */
export function wechatOaApiConfig(env: TWechatOaEnv): WechatOaApiConfig | undefined {
  if (!env.WECHAT_OA_APP_SECRET || !env.WECHAT_OA_APP_ID) return undefined;
  return {
    appId: env.WECHAT_OA_APP_ID,
    appSecret: env.WECHAT_OA_APP_SECRET,
    apiUrl: env.WECHAT_OA_API_URL.replace(/\/+$/, ""),
    pollMinutes: env.WECHAT_OA_POLL_MINUTES,
    commentDays: env.WECHAT_OA_COMMENT_DAYS,
    account: env.WECHAT_OA_ACCOUNT,
  };
}
