// The service's configuration: environment variables (and an optional .env), validated once at start.
// A wrong value stops the service with one line naming the variable and what is wrong with it.
import { z } from "zod";
import { larkEnvProblem, ZLarkEnv } from "./lark-env.js";
import { wecomEnvProblem, ZWecomEnv } from "./wecom-env.js";
import { wechatOaEnvProblem, ZWechatOaEnv } from "./wechat-oa-env.js";

const ZBoolFlag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

/** Every environment variable the service reads, with its default. Platform sections come with their issues. */
export const ZEnv = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, "must be a file: URL such as file:./data/mediaops.db, or a postgresql:// URL")
    .default("file:./data/mediaops.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run the scheduler in this process; 0 for a replica that only serves HTTP (another replica runs the jobs). */
  MEDIAOPS_JOBS: ZBoolFlag.default(true),
  /** Seed a demo team on an empty database. */
  MEDIAOPS_DEMO: ZBoolFlag.default(true),
  /**
   * People made admins at every start, for installs configured as code: comma-separated platform:id pairs
   * (slack:U0123ABCD,feishu:ou_xxx,wecom:zhangsan,console:wang.fang). See src/app/identity/first-admin.ts.
   */
  MEDIAOPS_ADMINS: z
    .string()
    .regex(/^\s*(slack|feishu|lark|wecom|console):[^,:\s]+\s*(,\s*(slack|feishu|lark|wecom|console):[^,:\s]+\s*)*$/, "must be comma-separated platform:id pairs, e.g. slack:U0123ABCD,feishu:ou_xxx,wecom:zhangsan,console:wang.fang")
    .optional(),
  /** The team's zone and language when the demo team or a new team is created. */
  MEDIAOPS_TIMEZONE: z.string().min(1).default("Asia/Shanghai"),
  MEDIAOPS_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  /** Fault injection for the fault tests only: "crash-before-send" kills the process after a change commits. */
  MEDIAOPS_FAULT_INJECTION: z.enum(["none", "crash-before-send"]).default("none"),
  /** Required when the console is served on a non-loopback host. */
  MEDIAOPS_CONSOLE_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** HMAC secret of the signed intake endpoints (/ingest/metrics, /ingest/comments); unset: they are off. */
  MEDIAOPS_INGEST_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Backpressure of the durable inbox: most stored events not yet processed before new ones are refused. */
  MEDIAOPS_INBOX_MAX: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  /** Slack (docs/slack.md): the bot token and the signing secret together, or neither. */
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, "must be a bot token (starts with xoxb-)").optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** Socket Mode (no public URL needed) when set. */
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, "must be an app-level token (starts with xapp-)").optional(),
  /** Web API base; tests point it at a fake Slack. */
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://slack.com/api/" }).default("https://slack.com/api/"),
  /** Feishu/Lark (docs/feishu.md) and WeCom (docs/wecom.md): each section all-or-nothing, see its file. */
  ...ZLarkEnv.shape,
  ...ZWecomEnv.shape,
  /** WeChat Official Account message push for SLAs (src/config/wechat-oa-env.ts): token and AppID together. */
  ...ZWechatOaEnv.shape,
});

/** The validated configuration. */
export type TEnv = z.infer<typeof ZEnv>;

/** A configuration problem, already phrased as the one line the operator reads. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates `source` (normally process.env); throws a ConfigError naming the first bad variable. */
export function loadConfig(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const got = cleaned[name];
    // Never echo a secret: tokens, keys, and URLs that may carry a password.
    const secret = /TOKEN|SECRET|KEY|PASSWORD/.test(name) || (got !== undefined && /:\/\/[^/]*@/.test(got));
    const shown = got === undefined || secret ? "" : ` (got "${got}")`;
    throw new ConfigError(`Configuration error: ${name} ${issue.message}${shown}`);
  }
  const env = parsed.data;
  if (!isValidZone(env.MEDIAOPS_TIMEZONE)) {
    throw new ConfigError(`Configuration error: MEDIAOPS_TIMEZONE is not an IANA time zone (got "${env.MEDIAOPS_TIMEZONE}")`);
  }
  if (!isLoopback(env.HOST) && !env.MEDIAOPS_CONSOLE_TOKEN) {
    throw new ConfigError(
      `Configuration error: MEDIAOPS_CONSOLE_TOKEN is required when HOST is not a loopback address (got HOST "${env.HOST}")`,
    );
  }
  if (Boolean(env.SLACK_BOT_TOKEN) !== Boolean(env.SLACK_SIGNING_SECRET) || (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN)) {
    const missing = env.SLACK_BOT_TOKEN ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN";
    throw new ConfigError(`Configuration error: ${missing} is required when Slack is configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or neither)`);
  }
  const platformProblem = larkEnvProblem(env) ?? wecomEnvProblem(env) ?? wechatOaEnvProblem(env);
  if (platformProblem) throw new ConfigError(`Configuration error: ${platformProblem}`);
  return env;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
