import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZHandle, ZText } from "../topic/args.js";
import { ZReviewId } from "./args.js";

/** /review withdraw: the author takes the piece out of review (撤回); the review stays visible. */
export const reviewWithdraw = defineCommand({
  id: "review.withdraw",
  words: ["review", "withdraw"],
  positionals: [{ name: "id" }, { name: "reason", rest: true }],
  options: [],
  args: z.object({ id: ZReviewId, reason: ZText(500).optional() }),
  usage: "/review withdraw <review id> [reason]",
  summary: { en: "Withdraw your submission", "zh-CN": "撤回审核" },
  examples: ["/review withdraw R5 选题取消"],
});

/** /review nudge: remind the pending reviewers (催办), at most once an hour. */
export const reviewNudge = defineCommand({
  id: "review.nudge",
  words: ["review", "nudge"],
  positionals: [{ name: "id" }],
  options: [],
  args: z.object({ id: ZReviewId }),
  usage: "/review nudge <review id>",
  summary: { en: "Nudge the pending reviewers", "zh-CN": "催办待审核的人" },
  examples: ["/review nudge R5"],
});

/** /review transfer: hand your place on the current level to someone else (转交). */
export const reviewTransfer = defineCommand({
  id: "review.transfer",
  words: ["review", "transfer"],
  positionals: [{ name: "id" }, { name: "to" }, { name: "reason", rest: true }],
  options: [{ name: "from", help: { en: "whose place (managers only; default: yours)", "zh-CN": "转交谁的审核（仅主管可用，默认是你自己）" } }],
  args: z.object({ id: ZReviewId, to: ZHandle, reason: ZText(500).optional(), from: ZHandle.optional() }),
  usage: "/review transfer <review id> <@user> [reason] [--from @user]",
  summary: { en: "Transfer a review to another reviewer", "zh-CN": "转交给其他审核人" },
  examples: ["/review transfer R5 @zhang.min 我今天请假"],
});

/** /review add: add a reviewer to the current level (加签). */
export const reviewAdd = defineCommand({
  id: "review.add",
  words: ["review", "add"],
  positionals: [{ name: "id" }, { name: "user" }, { name: "reason", rest: true }],
  options: [],
  args: z.object({ id: ZReviewId, user: ZHandle, reason: ZText(500).optional() }),
  usage: "/review add <review id> <@user> [reason]",
  summary: { en: "Add a reviewer to the current level", "zh-CN": "为当前级别加签" },
  examples: ["/review add R5 @liu.yang 涉及医疗表述，请法务看一下"],
});
