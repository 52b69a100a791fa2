import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZTopicId } from "./args.js";

/** /topic schedule: set the publish date and time; an approved topic becomes scheduled. */
export const topicSchedule = defineCommand({
  id: "topic.schedule",
  words: ["topic", "schedule"],
  positionals: [{ name: "id" }, { name: "when", rest: true }],
  options: [],
  args: z.object({ id: ZTopicId, when: z.string().trim().min(1, { message: "topic.when_missing" }) }),
  usage: "/topic schedule <id> <date [time]>",
  summary: { en: "Set the publish date and time", "zh-CN": "设置发布时间" },
  examples: ["/topic schedule 12 2026-12-03 20:30", "/topic schedule 12 周五 19:00"],
});
