// The WeChat Official Account (公众号) message-push section of the environment: optional as a whole; the
// token and the AppID together, the EncodingAESKey only for safe mode (安全模式).
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
});

/** The WECHAT_OA_* variables after validation. */
export type TWechatOaEnv = z.infer<typeof ZWechatOaEnv>;

const REQUIRED = ["WECHAT_OA_TOKEN", "WECHAT_OA_APP_ID"] as const;

/** The settings the adapter needs. */
export interface WechatOaConfig {
  token: string;
  appId: string;
  /** Set: safe mode (encrypt_type=aes required). Unset: plaintext mode. */
  encodingAESKey?: string;
  /** The SLA account code; undefined: ToUserName. */
  account?: string;
}

/** One line naming the variable that makes the section inconsistent, or undefined when it is fine. */
export function wechatOaEnvProblem(env: TWechatOaEnv): string | undefined {
  const given = REQUIRED.filter((k) => env[k] !== undefined);
  if (given.length === 0) {
    const extra = env.WECHAT_OA_ENCODING_AES_KEY ? "WECHAT_OA_ENCODING_AES_KEY" : env.WECHAT_OA_ACCOUNT ? "WECHAT_OA_ACCOUNT" : undefined;
    return extra ? `WECHAT_OA_TOKEN is required when ${extra} is set (the WeChat OA push needs WECHAT_OA_TOKEN and WECHAT_OA_APP_ID)` : undefined;
  }
  const missing = REQUIRED.find((k) => env[k] === undefined);
  return missing ? `${missing} is required when ${given[0]} is set (the WeChat OA push needs ${REQUIRED.join(", ")})` : undefined;
}

/** The adapter's settings, or undefined when the push is not configured (call after wechatOaEnvProblem). */
export function wechatOaConfig(env: TWechatOaEnv): WechatOaConfig | undefined {
  if (!env.WECHAT_OA_TOKEN || !env.WECHAT_OA_APP_ID) return undefined;
  return { token: env.WECHAT_OA_TOKEN, appId: env.WECHAT_OA_APP_ID, encodingAESKey: env.WECHAT_OA_ENCODING_AES_KEY, account: env.WECHAT_OA_ACCOUNT };
}
