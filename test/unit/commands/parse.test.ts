import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../commands/index.js";
import { tokenize } from "../../../commands/tokenize.js";
import { refusal } from "../../support/refusal.js";

describe("tokenize", () => {
  it("takes option values up to the next option, without quotes", () => {
    const t = tokenize("春节 返乡 攻略 --angle why small brands win --platform douyin");
    expect(t.words).toEqual(["春节", "返乡", "攻略"]);
    expect(Object.fromEntries(t.options)).toEqual({ angle: "why small brands win", platform: "douyin" });
  });
  it("understands full-width quotes and spaces and the em dash phones make of --", () => {
    const t = tokenize("“春节 返乡”\u3000—platform 抖音 ——date 明天");
    expect(t.words).toEqual(["春节 返乡"]);
    expect(Object.fromEntries(t.options)).toEqual({ platform: "抖音", date: "明天" });
  });
  it("keeps a quoted --word as text", () => {
    expect(tokenize('"--not an option"').words).toEqual(["--not an option"]);
  });
  it("refuses a repeated option", () => {
    expect(refusal(() => tokenize("--date a --date b")).code).toBe("command.repeated_option");
  });
});

describe("parseCommand", () => {
  it("parses a full proposal into typed arguments", () => {
    const cmd = parseCommand("/topic propose 春节返乡攻略 --theme 生活技巧 --platform 抖音，小红书 --format 短视频 --date 2026-12-20");
    expect(cmd).toEqual({
      id: "topic.propose",
      args: { title: "春节返乡攻略", theme: "tips", platform: ["douyin", "xiaohongshu"], format: "short_video", date: "2026-12-20" },
    });
  });
  it("accepts the full-width slash and a mediaops prefix", () => {
    expect(parseCommand("／topic show #12")).toEqual({ id: "topic.show", args: { id: 12 } });
    expect(parseCommand("/mediaops topic show 12")).toEqual({ id: "topic.show", args: { id: 12 } });
  });
  it("gives help for a bare root and for /help", () => {
    expect(parseCommand("/topic")).toEqual({ id: "help", args: { topic: "topic" } });
    expect(parseCommand("/mediaops")).toEqual({ id: "help", args: {} });
  });
  it("names what is wrong", () => {
    expect(refusal(() => parseCommand("/topic show 1 2")).params).toMatchObject({ words: "2" });
    expect(refusal(() => parseCommand("/topic list --colour red")).params).toMatchObject({ option: "colour" });
    expect(refusal(() => parseCommand("/topic calendar year")).code).toBe("topic.bad_period");
    expect(refusal(() => parseCommand("/topic assign 3 @@@")).code).toBe("user.bad_handle");
  });
});

describe("commands that take a pasted body", () => {
  it("pass the lines after the first verbatim as `body`", async () => {
    const { z } = await import("zod");
    const { defineCommand } = await import("../../../commands/spec.js");
    const { COMMANDS } = await import("../../../commands/registry.js");
    const spec = defineCommand({
      id: "test.paste", words: ["testpaste"], positionals: [{ name: "what" }], options: [], acceptsBody: true,
      args: z.object({ what: z.string(), body: z.string() }), usage: "/testpaste <what>", summary: { en: "t", "zh-CN": "t" }, examples: [],
    });
    (COMMANDS as Record<string, unknown>)["test.paste"] = spec;
    const { ALL_COMMANDS } = await import("../../../commands/registry.js");
    (ALL_COMMANDS as unknown as unknown[]).push(spec);
    try {
      const csv = 'platform,metric,value\n"douyin","plays","1,234"\n抖音,点赞,  56';
      expect(parseCommand(`/testpaste csv\n${csv}`)).toEqual({ id: "test.paste", args: { what: "csv", body: csv } });
    } finally {
      delete (COMMANDS as Record<string, unknown>)["test.paste"];
      (ALL_COMMANDS as unknown as unknown[]).pop();
    }
  });
});
