// Builds the Bolt App: HTTP mode with our FastifyReceiver, or Socket Mode with Bolt's SocketModeReceiver when
// an app-level token is set. The WebClient (app.client) points at SLACK_API_URL and retries sensibly.
import { App, LogLevel, webApi, type Logger } from "@slack/bolt";
import type { TEnv } from "../../config/env.js";
import type { Log } from "../../lib/logger.js";
import { FastifyReceiver } from "./receiver.js";

/** The Slack part of the configuration. */
export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode; unset: HTTP mode on POST /slack/events. */
  appToken?: string;
  apiUrl: string;
}

/** The Slack settings, or undefined when Slack is not configured (loadConfig already checked the pairs). */
export function slackSettings(env: TEnv): SlackSettings | undefined {
  if (!env.SLACK_BOT_TOKEN || !env.SLACK_SIGNING_SECRET) return undefined;
  return { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, appToken: env.SLACK_APP_TOKEN, apiUrl: env.SLACK_API_URL };
}

/**
 * Retries of one Web API call: a 429 is retried after its Retry-After (the WebClient sleeps that long first),
 * other failures after about 0.5, 1 and 2 s. Past that the outbox keeps the message and tries again later, so
 * nothing is lost, and one delivery stays well inside the outbox's 60 s send lease (the SDK default retries
 * for half an hour, long enough for a second worker to send the same card again).
 */
export const SLACK_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true };

/** A call that hangs is abandoned after this long (and retried as above). */
export const SLACK_TIMEOUT_MS = 10_000;

/**
 * The outbox's client never retries inside a send: a 429 is thrown at once with its Retry-After (the outbox
 * stores the time on the row and sends later), a failure is thrown after one try. One send therefore takes at
 * most SLACK_TIMEOUT_MS, far inside the outbox's send lease, so no second worker can take a row that is still
 * being sent (with the client's own retries a 429 storm sent a card twice).
 */
export const OUTBOX_CLIENT_RETRY: webApi.RetryOptions = { retries: 0 };

/** The WebClient the outbox's SlackChannel sends with (see OUTBOX_CLIENT_RETRY). */
export function createOutboxClient(settings: SlackSettings, log: Log): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    retryConfig: OUTBOX_CLIENT_RETRY,
    rejectRateLimitedCalls: true,
    timeout: SLACK_TIMEOUT_MS,
    logger: boltLogger(log),
  });
}

const TO_BOLT: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** Bolt's Logger on top of the service's pino logger. */
export function boltLogger(log: Log): Logger {
  const child = log.child({ component: "slack" });
  const write = (level: "debug" | "info" | "warn" | "error") => (...msg: unknown[]) => {
    const err = msg.find((m): m is Error => m instanceof Error);
    const text = msg.filter((m) => !(m instanceof Error)).map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" ");
    if (err) child[level]({ err }, text || err.message);
    else child[level](text);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: () => {},
    getLevel: () => TO_BOLT[child.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}

/** The App and, in HTTP mode, the receiver the route feeds. */
export interface BoltParts {
  app: App;
  receiver?: FastifyReceiver;
}

/** Builds the App without contacting Slack; `await app.init()` runs auth.test. */
export function createBoltApp(settings: SlackSettings, log: Log, retryConfig: webApi.RetryOptions = SLACK_RETRY): BoltParts {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = { slackApiUrl: settings.apiUrl, retryConfig, timeout: SLACK_TIMEOUT_MS };
  const common = { token: settings.botToken, logger, clientOptions, deferInitialization: true, convoStore: false as const };
  if (settings.appToken) {
    // SocketModeReceiver hands installerOptions.clientOptions to its own WebClient (apps.connections.open):
    // the only way to point it at SLACK_API_URL (platforms.md 1.2). A separate object: it adds its own retries.
    const app = new App({ ...common, appToken: settings.appToken, socketMode: true, installerOptions: { clientOptions: { slackApiUrl: settings.apiUrl } } });
    return { app };
  }
  const receiver = new FastifyReceiver(log.child({ component: "slack" }));
  return { app: new App({ ...common, receiver }), receiver };
}
