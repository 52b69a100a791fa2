// The Feishu/Lark section of the environment: optional as a whole, all-or-nothing for the required variables.
import { z } from "zod";

/** Lark app ids the long-connection client accepts (node-sdk WSClient.start silently returns otherwise). */
export const LARK_APP_ID_FOR_WS = /^cli_[0-9a-fA-F]{16}$/;

/** The FEISHU_* variables, merged into the service's environment schema. */
export const ZLarkEnv = z.object({
  FEISHU_APP_ID: z.string().min(1).optional(),
  FEISHU_APP_SECRET: z.string().min(1).optional(),
  /** Checked on every webhook request (header.token / token), constant time. */
  FEISHU_VERIFICATION_TOKEN: z.string().min(1).optional(),
  /** When set, Lark encrypts and signs webhook requests; strongly recommended for webhook mode. */
  FEISHU_ENCRYPT_KEY: z.string().min(1).optional(),
  /** "feishu" (open.feishu.cn), "lark" (open.larksuite.com) or a base URL used verbatim. */
  FEISHU_DOMAIN: z
    .string()
    .regex(/^(?:feishu|lark|https?:\/\/[^\s/]+(?:\/\S*)?)$/, 'must be "feishu", "lark" or a base URL such as https://open.feishu.cn')
    .default("feishu"),
  /** webhook: POST /feishu/events; ws: the SDK's long connection (no public URL needed). */
  FEISHU_MODE: z.enum(["webhook", "ws"]).default("webhook"),
});

/** The FEISHU_* variables after validation. */
export type TLarkEnv = z.infer<typeof ZLarkEnv>;

const REQUIRED = ["FEISHU_APP_ID", "FEISHU_APP_SECRET", "FEISHU_VERIFICATION_TOKEN"] as const;

/** The Feishu/Lark settings the adapter needs. */
export interface LarkConfig {
  appId: string;
  appSecret: string;
  verificationToken: string;
  encryptKey?: string;
  domain: string;
  mode: "webhook" | "ws";
}

/** One line naming the variable that makes the section inconsistent, or undefined when it is fine. */
export function larkEnvProblem(env: TLarkEnv): string | undefined {
  const given = REQUIRED.filter((k) => env[k] !== undefined);
  if (given.length === 0) {
    return env.FEISHU_ENCRYPT_KEY ? "FEISHU_APP_ID is required when FEISHU_ENCRYPT_KEY is set" : undefined;
  }
  const missing = REQUIRED.find((k) => env[k] === undefined);
  if (missing) return `${missing} is required when ${given[0]} is set (Feishu/Lark needs ${REQUIRED.join(", ")})`;
  if (env.FEISHU_MODE === "ws" && !LARK_APP_ID_FOR_WS.test(env.FEISHU_APP_ID ?? "")) {
    return `FEISHU_APP_ID must be "cli_" and 16 hex digits for FEISHU_MODE=ws (got "${env.FEISHU_APP_ID}")`;
  }
  return undefined;
}

/** The adapter's settings, or undefined when Feishu/Lark is not configured (call after larkEnvProblem). */
export function larkConfig(env: TLarkEnv): LarkConfig | undefined {
  if (!env.FEISHU_APP_ID || !env.FEISHU_APP_SECRET || !env.FEISHU_VERIFICATION_TOKEN) return undefined;
  return {
    appId: env.FEISHU_APP_ID,
    appSecret: env.FEISHU_APP_SECRET,
    verificationToken: env.FEISHU_VERIFICATION_TOKEN,
    encryptKey: env.FEISHU_ENCRYPT_KEY,
    domain: env.FEISHU_DOMAIN,
    mode: env.FEISHU_MODE,
  };
}
