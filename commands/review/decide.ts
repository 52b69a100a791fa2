import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZText } from "../topic/args.js";
import { ZLevelNumber, ZReviewId } from "./args.js";

/** /review approve: approve the level you review. */
export const reviewApprove = defineCommand({
  id: "review.approve",
  words: ["review", "approve"],
  positionals: [{ name: "id" }, { name: "note", rest: true }],
  options: [],
  args: z.object({ id: ZReviewId, note: ZText(500).optional() }),
  usage: "/review approve <review id> [note]",
  summary: { en: "Approve your level of a review", "zh-CN": "审核通过（本级）" },
  examples: ["/review approve R5"],
});

/** /review changes: send the piece back to the author, or with --to to an earlier level. */
export const reviewChanges = defineCommand({
  id: "review.changes",
  words: ["review", "changes"],
  positionals: [{ name: "id" }, { name: "reason", rest: true }],
  options: [{ name: "to", help: { en: "an earlier level to send it back to (default: the author)", "zh-CN": "退回到之前的某一级（默认退回作者）" } }],
  args: z.object({ id: ZReviewId, reason: ZText(500).refine((s) => s.length > 0, { message: "review.reason_missing" }), to: ZLevelNumber.optional() }),
  usage: "/review changes <review id> <reason> [--to level]",
  summary: { en: "Request changes (with a reason)", "zh-CN": "要求修改（需填写原因）" },
  examples: ["/review changes R5 标题夸大，请改为客观表述", "/review changes R5 请编辑再核对数据 --to 1"],
});

/** /review reject: end the review with a reason. */
export const reviewReject = defineCommand({
  id: "review.reject",
  words: ["review", "reject"],
  positionals: [{ name: "id" }, { name: "reason", rest: true }],
  options: [],
  args: z.object({ id: ZReviewId, reason: ZText(500).refine((s) => s.length > 0, { message: "review.reason_missing" }) }),
  usage: "/review reject <review id> <reason>",
  summary: { en: "Reject (with a reason); ends the review", "zh-CN": "驳回（需填写原因），审核结束" },
  examples: ["/review reject R5 涉及未授权音乐"],
});
