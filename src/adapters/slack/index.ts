// The Slack adapter as the service composes it: a channel for the outbox, and `mount` to start listening
// (HTTP route or Socket Mode) once the app's dependencies exist.
import type { App } from "@slack/bolt";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import type { TEnv } from "../../config/env.js";
import type { Locale } from "../../domain/locale.js";
import type { Log } from "../../lib/logger.js";
import { createBoltApp, createOutboxClient, slackSettings, type SlackSettings } from "./bolt-app.js";
import { SlackChannel } from "./channel.js";
import { BackgroundWork } from "../../lib/background-work.js";
import { registerSlackListeners } from "./listeners.js";
import { registerSlackRoutes } from "./routes.js";

/** The configured Slack adapter. */
export interface SlackAdapter {
  readonly mode: "http" | "socket";
  readonly app: App;
  readonly channel: SlackChannel;
  /** Registers the listeners, checks the token (auth.test), then mounts POST /slack/events or connects the socket. */
  mount(server: FastifyInstance, deps: AppDeps, defaultLocale: Locale): Promise<void>;
  /** Resolves once the listeners' work after their acks has finished. */
  idle(): Promise<void>;
}

/** Why Slack could not start, in one line for the operator. */
function startError(step: string, err: unknown): Error {
  const code = (err as { data?: { error?: string } }).data?.error;
  return new Error(`Slack ${step} failed${code ? ` (${code})` : ""}: check SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL. ${String(err)}`);
}

function build(settings: SlackSettings, log: Log): SlackAdapter {
  const { app, receiver } = createBoltApp(settings, log);
  // Its own client: the outbox owns every retry of a send (bolt-app.ts OUTBOX_CLIENT_RETRY).
  const channel = new SlackChannel(createOutboxClient(settings, log), undefined, log);
  const work = new BackgroundWork(log, "slack");
  const mode = receiver ? "http" : "socket";
  return {
    mode,
    app,
    channel,
    async mount(server, deps, defaultLocale) {
      registerSlackListeners(app, { deps, defaultLocale, log: log.child({ component: "slack" }), work });
      await app.init().catch((err: unknown) => {
        throw startError("auth.test", err);
      });
      if (receiver) registerSlackRoutes(server, { signingSecret: settings.signingSecret, receiver, log });
      else await app.start().catch((err: unknown) => {
        throw startError("Socket Mode connection", err);
      });
      // Finish what listeners started (they run after the ack) before the database closes.
      server.addHook("onClose", async () => {
        if (mode === "socket") await app.stop();
        await work.idle();
      });
      log.info({ mode }, "slack: ready");
    },
    idle: () => work.idle(),
  };
}

/** The Slack adapter when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set; undefined otherwise. */
export function createSlackAdapter(env: TEnv, log: Log): SlackAdapter | undefined {
  const settings = slackSettings(env);
  return settings ? build(settings, log) : undefined;
}
