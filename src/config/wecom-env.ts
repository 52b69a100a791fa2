// The WeCom (企业微信) section of the environment: optional as a whole, all-or-nothing for the self-built app.
import { z } from "zod";

/** The WECOM_* variables, merged into the service's environment schema. */
export const ZWecomEnv = z.object({
  /** The corp id; also the receive id every callback must carry. */
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_AGENT_ID: z.string().regex(/^\d{1,12}$/, "must be the app's numeric AgentId").optional(),
  WECOM_SECRET: z.string().min(1).optional(),
  /** The callback Token (signature) and EncodingAESKey (43 characters) from the app's 接收消息 settings. */
  WECOM_TOKEN: z.string().min(1).optional(),
  WECOM_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}$/, "must be the 43-character EncodingAESKey").optional(),
  WECOM_API_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(?:\/\S*)?$/, "must be a base URL such as https://qyapi.weixin.qq.com")
    .default("https://qyapi.weixin.qq.com"),
  /** A group robot's webhook key: channel notifications are posted there as markdown. */
  WECOM_WEBHOOK_KEY: z.string().min(1).optional(),
});

/** The WECOM_* variables after validation. */
export type TWecomEnv = z.infer<typeof ZWecomEnv>;

const REQUIRED = ["WECOM_CORP_ID", "WECOM_AGENT_ID", "WECOM_SECRET", "WECOM_TOKEN", "WECOM_ENCODING_AES_KEY"] as const;

/** The WeCom settings the adapter needs. */
export interface WecomConfig {
  corpId: string;
  agentId: number;
  secret: string;
  token: string;
  encodingAESKey: string;
  apiUrl: string;
  webhookKey?: string;
}

/** One line naming the variable that makes the section inconsistent, or undefined when it is fine. */
export function wecomEnvProblem(env: TWecomEnv): string | undefined {
  const given = REQUIRED.filter((k) => env[k] !== undefined);
  if (given.length === 0) {
    return env.WECOM_WEBHOOK_KEY ? "WECOM_CORP_ID is required when WECOM_WEBHOOK_KEY is set (the robot only posts for a configured app)" : undefined;
  }
  const missing = REQUIRED.find((k) => env[k] === undefined);
  return missing ? `${missing} is required when ${given[0]} is set (WeCom needs ${REQUIRED.join(", ")})` : undefined;
}

/** The adapter's settings, or undefined when WeCom is not configured (call after wecomEnvProblem). */
export function wecomConfig(env: TWecomEnv): WecomConfig | undefined {
  const { WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_ENCODING_AES_KEY } = env;
  if (!WECOM_CORP_ID || !WECOM_AGENT_ID || !WECOM_SECRET || !WECOM_TOKEN || !WECOM_ENCODING_AES_KEY) return undefined;
  return {
    corpId: WECOM_CORP_ID,
    agentId: Number(WECOM_AGENT_ID),
    secret: WECOM_SECRET,
    token: WECOM_TOKEN,
    encodingAESKey: WECOM_ENCODING_AES_KEY,
    apiUrl: env.WECOM_API_URL.replace(/\/+$/, ""),
    webhookKey: env.WECOM_WEBHOOK_KEY,
  };
}
