import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZHandle, ZPlatform, ZStatus, ZTheme } from "./args.js";

/** /topic list: the backlog, newest first, with filters. */
export const topicList = defineCommand({
  id: "topic.list",
  words: ["topic", "list"],
  positionals: [],
  options: [
    { name: "status", help: { en: "idea, accepted, drafting, in_review, approved, scheduled, published, rejected, archived", "zh-CN": "状态：待评估、已通过、撰写中、审核中、审核通过、已排期、已发布、已驳回、已归档" } },
    { name: "owner", help: { en: "a user handle", "zh-CN": "负责人（用户名）" } },
    { name: "platform", help: { en: "a platform", "zh-CN": "平台" } },
    { name: "theme", help: { en: "a theme module", "zh-CN": "内容主题" } },
  ],
  args: z.object({ status: ZStatus.optional(), owner: ZHandle.optional(), platform: ZPlatform.optional(), theme: ZTheme.optional() }),
  usage: "/topic list [--status S] [--owner @user] [--platform P] [--theme T]",
  summary: { en: "List topics", "zh-CN": "查看选题列表" },
  examples: ["/topic list", { "zh-CN": "/topic list --status 待评估 --platform 抖音", en: "/topic list --status idea --platform douyin" }],
});
