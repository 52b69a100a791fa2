import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZReviewId } from "./args.js";

/** /review status: the chain, who decided what and when, who is pending, how long each level took. */
export const reviewStatus = defineCommand({
  id: "review.status",
  words: ["review", "status"],
  positionals: [{ name: "id" }],
  options: [],
  args: z.object({ id: ZReviewId }),
  usage: "/review status <review id>",
  summary: { en: "A review's chain and full history", "zh-CN": "查看审核进度与完整记录" },
  examples: ["/review status R5"],
});

/** /review pending: what waits on me. */
export const reviewPending = defineCommand({
  id: "review.pending",
  words: ["review", "pending"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/review pending",
  summary: { en: "Reviews waiting on you", "zh-CN": "待我审核的内容" },
  examples: ["/review pending"],
});

/** /review board: everything in review, oldest first, overdue marked. */
export const reviewBoard = defineCommand({
  id: "review.board",
  words: ["review", "board"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/review board",
  summary: { en: "Everything in review, oldest first", "zh-CN": "全部审核中内容（按提交先后，标出超时）" },
  examples: ["/review board"],
});
