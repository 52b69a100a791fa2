// How the Bolt App is built from the configuration: HTTP mode feeds our receiver; Socket Mode uses Bolt's
// SocketModeReceiver whose own WebClient (apps.connections.open) points at SLACK_API_URL too. Nothing here
// contacts Slack: the App is built with deferred initialization.
import { SocketModeReceiver } from "@slack/bolt";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import type { AppDeps } from "../../../src/app/deps.js";
import { createSlackAdapter } from "../../../src/adapters/slack/index.js";
import { startFakeSlack } from "../../support/fake-slack.js";
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

/** Enough of the app's dependencies for a start that fails before any event (the listeners register with the inbox). */
const NO_DEPS = { inbox: { onRun: () => undefined } } as unknown as AppDeps;

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
    const client = (socket as SocketModeReceiver).client as unknown as { webClient: { slackApiUrl: string } };
    expect(client.webClient.slackApiUrl).toBe(API);
    expect(app.client.slackApiUrl).toBe(API);
  });

  it("Socket Mode start: auth.test with the bot token, then apps.connections.open with the app token, at SLACK_API_URL", async () => {
    const fake = await startFakeSlack();
    const server = Fastify();
    try {
      const adapter = createSlackAdapter(env({ SLACK_API_URL: fake.apiUrl, SLACK_APP_TOKEN: "xapp-1-A1-abc" }), log)!;
      expect(adapter.mode).toBe("socket");
      // The fake refuses the socket (invalid_auth), which must stop the start with a line naming the variables.
      await expect(adapter.mount(server, NO_DEPS, "zh-CN")).rejects.toThrow(/^Slack Socket Mode connection failed \(invalid_auth\): check SLACK_BOT_TOKEN, SLACK_APP_TOKEN/);
      expect(fake.calls.map((c) => [c.method, c.authorization])).toEqual([
        ["auth.test", "Bearer xoxb-1"],
        ["apps.connections.open", "Bearer xapp-1-A1-abc"],
      ]);
      await adapter.app.stop().catch(() => undefined);
    } finally {
      await server.close();
      await fake.close();
    }
  });

  it("HTTP mode start: a token Slack refuses stops the service with a clear line", async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext("auth.test", "invalid_auth");
      const adapter = createSlackAdapter(env({ SLACK_API_URL: fake.apiUrl }), log)!;
      await expect(adapter.mount(Fastify(), NO_DEPS, "zh-CN")).rejects.toThrow(/^Slack auth.test failed \(invalid_auth\): check SLACK_BOT_TOKEN/);
    } finally {
      await fake.close();
    }
  });
});
