import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZText, ZTopicId } from "./args.js";

/** /topic accept: take an idea into the plan. */
export const topicAccept = defineCommand({
  id: "topic.accept",
  words: ["topic", "accept"],
  positionals: [{ name: "id" }, { name: "reason", rest: true }],
  options: [],
  args: z.object({ id: ZTopicId, reason: ZText(500).optional() }),
  usage: "/topic accept <id> [note]",
  summary: { en: "Accept a topic", "zh-CN": "通过选题" },
  examples: ["/topic accept 12"],
});

/** /topic reject: turn an idea down; the reason is kept with it. */
export const topicReject = defineCommand({
  id: "topic.reject",
  words: ["topic", "reject"],
  positionals: [{ name: "id" }, { name: "reason", rest: true }],
  options: [],
  args: z.object({ id: ZTopicId, reason: ZText(500).optional() }),
  usage: "/topic reject <id> <reason>",
  summary: { en: "Reject a topic (with a reason)", "zh-CN": "驳回选题（需填写原因）" },
  examples: ["/topic reject 12 与上周内容重复"],
});

/** /topic archive: put a topic away; the reason is kept with it. */
export const topicArchive = defineCommand({
  id: "topic.archive",
  words: ["topic", "archive"],
  positionals: [{ name: "id" }, { name: "reason", rest: true }],
  options: [],
  args: z.object({ id: ZTopicId, reason: ZText(500).optional() }),
  usage: "/topic archive <id> <reason>",
  summary: { en: "Archive a topic (with a reason)", "zh-CN": "归档选题（需填写原因）" },
  examples: ["/topic archive 12 活动取消"],
});

/** /topic publish: mark an approved or scheduled topic as published. */
export const topicPublish = defineCommand({
  id: "topic.publish",
  words: ["topic", "publish"],
  positionals: [{ name: "id" }],
  options: [],
  args: z.object({ id: ZTopicId }),
  usage: "/topic publish <id>",
  summary: { en: "Mark a topic as published", "zh-CN": "标记为已发布" },
  examples: ["/topic publish 12"],
});
