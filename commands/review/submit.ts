import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZText, ZTopicId } from "../topic/args.js";
import { ZFlags, ZHandleList } from "./args.js";

/** /review submit: start (or, after a request for changes, resume) the review of a topic's draft. */
export const reviewSubmit = defineCommand({
  id: "review.submit",
  words: ["review", "submit"],
  positionals: [{ name: "topic" }, { name: "draft" }, { name: "note", rest: true }],
  options: [
    { name: "flags", help: { en: "urgent and/or sensitive: picks the urgent lane or the sensitive chain", "zh-CN": "加急和/或敏感，用于选择加急或敏感审核流程" } },
    { name: "cc", help: { en: "people told of the outcome, e.g. @wang.fang,@emma", "zh-CN": "抄送：审核结果通知的人，例如 @wang.fang,@emma" } },
  ],
  args: z.object({
    topic: ZTopicId,
    draft: ZText(4000).refine((s) => s.length > 0, { message: "review.draft_empty" }),
    note: ZText(500).optional(),
    flags: ZFlags.optional(),
    cc: ZHandleList.optional(),
  }),
  usage: "/review submit <topic id> <draft link or text> [note] [--flags urgent,sensitive] [--cc @user,...]",
  summary: { en: "Submit a draft for review", "zh-CN": "提交稿件审核" },
  help: {
    en: "Starts the review chain for the topic's draft; the topic moves to in review. After a request for changes, the same command submits the next version. Put a text draft in quotes.",
    "zh-CN": "为选题的稿件启动审核流程，选题进入“审核中”。被要求修改后，用同一命令提交新版本。正文稿件请用引号括起来。",
  },
  examples: ["/review submit 12 https://docs.example.com/d/42 改了标题", { "zh-CN": '/review submit 12 "全文……" --flags 加急', en: '/review submit 12 "full text…" --flags urgent' }],
});
