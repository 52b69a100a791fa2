// slack-app-manifest.yaml creates the app in one step: its commands, scopes, events and URLs must match what
// the service serves, and every command a feature documents must be a slash command Slack knows about.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ALL_COMMANDS } from "../../../commands/index.js";
import { SLACK_EVENTS_PATH } from "../../../src/adapters/slack/routes.js";

interface Manifest {
  features: { slash_commands: { command: string; url: string; description: string; should_escape: boolean }[]; bot_user: { display_name: string }; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync(new URL("../../../slack-app-manifest.yaml", import.meta.url), "utf8")) as Manifest;
const URL_OF_EVENTS = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;
const commands = manifest.features.slash_commands;

describe("slack-app-manifest.yaml", () => {
  it("declares /topic /review /sla /incident /kpi and /mediaops, all posting to /slack/events unescaped", () => {
    expect(commands.map((c) => c.command)).toEqual(["/topic", "/review", "/sla", "/incident", "/kpi", "/mediaops"]);
    for (const c of commands) {
      expect(c.url, c.command).toBe(URL_OF_EVENTS);
      expect(c.should_escape, c.command).toBe(false);
      expect(c.description.length, c.command).toBeLessThanOrEqual(100);
    }
  });

  it("has a slash command for every command a feature registers (help is /mediaops)", () => {
    const declared = new Set(commands.map((c) => c.command));
    const missing = ALL_COMMANDS.filter((s) => s.id !== "help")
      .map((s) => s.usage.split(/\s/)[0]!)
      .filter((word) => !declared.has(word));
    expect([...new Set(missing)]).toEqual([]);
  });

  it("sends interactivity and the app_mention / message.im events to the same URL", () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: URL_OF_EVENTS });
    expect(manifest.settings.event_subscriptions.request_url).toBe(URL_OF_EVENTS);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im"]);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("asks for the bot scopes the adapter uses, and those the events need", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["commands", "chat:write", "chat:write.public", "im:write", "users:read", "channels:manage", "groups:write", "app_mentions:read", "im:history"]),
    );
  });
});
