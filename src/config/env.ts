// The service's configuration: environment variables (and an optional .env), validated once at start.
// A wrong value stops the service with one line naming the variable and what is wrong with it.
import { z } from "zod";

const ZBoolFlag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

/** Every environment variable the service reads, with its default. Platform sections come with their issues. */
export const ZEnv = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a file: URL such as file:./data/mediaops.db")
    .default("file:./data/mediaops.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed a demo team on an empty database. */
  MEDIAOPS_DEMO: ZBoolFlag.default(true),
  /** The team's zone and language when the demo team or a new team is created. */
  MEDIAOPS_TIMEZONE: z.string().min(1).default("Asia/Shanghai"),
  MEDIAOPS_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  /** Required when the console is served on a non-loopback host. */
  MEDIAOPS_CONSOLE_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
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
    const shown = got === undefined || /TOKEN|SECRET|KEY/.test(name) ? "" : ` (got "${got}")`;
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
