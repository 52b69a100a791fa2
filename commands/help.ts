import { z } from "zod";
import { defineCommand } from "./spec.js";

/** /help [command]: generated from the registry. */
export const help = defineCommand({
  id: "help",
  words: ["help"],
  positionals: [{ name: "topic", rest: true }],
  options: [],
  args: z.object({ topic: z.string().optional() }),
  usage: "/help [command]",
  summary: { en: "What the bot can do", "zh-CN": "查看机器人能做什么" },
  examples: ["/help", "/help topic propose"],
});
