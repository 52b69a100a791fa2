import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZHandle, ZTopicId } from "./args.js";

/** /topic assign: give a topic an owner; an accepted topic moves on to drafting. */
export const topicAssign = defineCommand({
  id: "topic.assign",
  words: ["topic", "assign"],
  positionals: [{ name: "id" }, { name: "user" }],
  options: [],
  args: z.object({ id: ZTopicId, user: ZHandle }),
  usage: "/topic assign <id> <@user>",
  summary: { en: "Assign an owner", "zh-CN": "指定负责人" },
  examples: ["/topic assign 12 @chen.jie"],
});
