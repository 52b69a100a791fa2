import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZTopicId } from "./args.js";

/** /topic show: one topic with its history. */
export const topicShow = defineCommand({
  id: "topic.show",
  words: ["topic", "show"],
  positionals: [{ name: "id" }],
  options: [],
  args: z.object({ id: ZTopicId }),
  usage: "/topic show <id>",
  summary: { en: "Show a topic and its history", "zh-CN": "查看选题详情与记录" },
  examples: ["/topic show 12"],
});
