// How the Bolt App is built from the configuration: HTTP mode feeds our receiver; Socket Mode uses Bolt's
// SocketModeReceiver whose own WebClient (apps.connections.open) points at SLACK_API_URL too. Nothing here
// contacts Slack: the App is built with deferred initialization.
import { SocketModeReceiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createBoltApp, slackSettings, SLACK_RETRY } from "../../../src/adapters/slack/bolt-app.js";
import { FastifyReceiver } from "../../../src/adapters/slack/receiver.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/lib/logger.js";

const log = createLogger("silent");
const API = "http://127.0.0.1:9/api/";
const env = (extra: Record<string, string> = {}) => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret", SLACK_API_URL: API, ...extra });

/** Bolt keeps these private; the test reads them to check what was configured. */
interface Internals {
  receiver: unknown;
}

describe("slack settings", () => {
  it("are absent without Slack variables, and carry the default API URL otherwise", () => {
    expect(slackSettings(loadConfig({}))).toBeUndefined();
    expect(slackSettings(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }))).toEqual({ botToken: "xoxb-1", signingSecret: "s", appToken: undefined, apiUrl: "https://slack.com/api/" });
  });

  it("refuse half a configuration, naming the missing variable", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/^Configuration error: SLACK_SIGNING_SECRET is required/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s" })).toThrow(/^Configuration error: SLACK_BOT_TOKEN is required/);
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1" })).toThrow(/^Configuration error: SLACK_BOT_TOKEN is required/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxp-user", SLACK_SIGNING_SECRET: "s" })).toThrow("SLACK_BOT_TOKEN must be a bot token (starts with xoxb-)");
    expect(() => env({ SLACK_APP_TOKEN: "xoxb-wrong" })).toThrow("SLACK_APP_TOKEN must be an app-level token (starts with xapp-)");
    expect(() => env({ SLACK_API_URL: "slack.com/api" })).toThrow(/^Configuration error: SLACK_API_URL must be an http\(s\) URL/);
  });
});

describe("the Bolt App", () => {
  it("HTTP mode: our receiver, a WebClient on SLACK_API_URL with the bot token and our retry policy", () => {
    const { app, receiver } = createBoltApp(slackSettings(env())!, log);
    expect(receiver).toBeInstanceOf(FastifyReceiver);
    expect((app as unknown as Internals).receiver).toBe(receiver);
    expect(app.client.slackApiUrl).toBe(API);
    expect(app.client.token).toBe("xoxb-1");
    expect((app.client as unknown as { retryConfig: unknown }).retryConfig).toEqual(SLACK_RETRY);
  });

  it("Socket Mode when SLACK_APP_TOKEN is set: SocketModeReceiver with the app token, its WebClient on SLACK_API_URL", () => {
    const { app, receiver } = createBoltApp(slackSettings(env({ SLACK_APP_TOKEN: "xapp-1-A1-abc" }))!, log);
    expect(receiver).toBeUndefined();
    const socket = (app as unknown as Internals).receiver;
    expect(socket).toBeInstanceOf(SocketModeReceiver);
    const client = (socket as SocketModeReceiver).client as unknown as { webClient: { slackApiUrl: string }; appToken?: string; webClientOptions: { headers?: unknown } };
    expect(client.webClient.slackApiUrl).toBe(API);
    expect(app.client.slackApiUrl).toBe(API);
  });
});
