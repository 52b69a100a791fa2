import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZChainNameArg, ZHandleList } from "./args.js";

/** /review chain list: every chain, in the order they are tried. */
export const reviewChainList = defineCommand({
  id: "review.chain.list",
  words: ["review", "chain", "list"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/review chain list",
  summary: { en: "List the review chains", "zh-CN": "查看审核流程" },
  examples: ["/review chain list"],
});

/** /review chain set: create or replace a chain from its one-line form. */
export const reviewChainSet = defineCommand({
  id: "review.chain.set",
  words: ["review", "chain", "set"],
  positionals: [{ name: "name" }, { name: "levels", rest: true }],
  options: [
    { name: "when", help: { en: "conditions: platform=douyin,weibo format=live theme=news urgent sensitive", "zh-CN": "适用条件：platform=抖音,微博 format=直播 theme=资讯 urgent sensitive" } },
    { name: "priority", help: { en: "order in which chains are tried, lower first (default 100)", "zh-CN": "匹配顺序，数字小的先匹配（默认 100）" } },
    { name: "cc", help: { en: "people told of every outcome", "zh-CN": "每次审核结果都抄送的人" } },
  ],
  args: z.object({
    name: ZChainNameArg,
    levels: z.string(),
    when: z.string().optional(),
    priority: z.coerce.number().int().min(0).max(1000).optional(),
    cc: ZHandleList.optional(),
  }),
  usage: "/review chain set <name> <levels> [--when conditions] [--priority N] [--cc @user,...]",
  summary: { en: "Create or replace a review chain", "zh-CN": "新建或修改审核流程" },
  help: {
    en: "Levels are separated by ';', each written name=rule:reviewers/hours>escalate-to. Rules: any (或签), all (会签), or a number N (at least N). Reviewers: @handles and role:<role>. Hours are working hours on the team calendar.",
    "zh-CN": "各级之间用“;”分隔，每级写作 名称=规则:审核人/时限>超时升级对象。规则：any（或签）、all（会签）或数字 N（至少 N 人）。审核人：@用户名 或 role:角色。时限按团队工作日历计算的工作小时。",
  },
  examples: [
    "/review chain set standard editors=any:@li.wei,@zhang.min/8h>@wang.fang; compliance=all:@liu.yang,@emma/8h; brand=2:@wang.fang,@liu.yang,@zhang.min/8h",
    "/review chain set urgent fast=2:@li.wei,@zhang.min,@liu.yang/2h>@wang.fang --when urgent --priority 20",
  ],
});

/** /review chain default: the chain used when no other matches. */
export const reviewChainDefault = defineCommand({
  id: "review.chain.default",
  words: ["review", "chain", "default"],
  positionals: [{ name: "name" }],
  options: [],
  args: z.object({ name: ZChainNameArg }),
  usage: "/review chain default <name>",
  summary: { en: "Make a chain the default", "zh-CN": "设为默认审核流程" },
  examples: ["/review chain default standard"],
});

/** /review chain remove: stop using a chain (running reviews keep theirs). */
export const reviewChainRemove = defineCommand({
  id: "review.chain.remove",
  words: ["review", "chain", "remove"],
  positionals: [{ name: "name" }],
  options: [],
  args: z.object({ name: ZChainNameArg }),
  usage: "/review chain remove <name>",
  summary: { en: "Stop using a review chain", "zh-CN": "停用审核流程" },
  examples: ["/review chain remove urgent"],
});

/** /review chain import: load templates/review-chains.json (version-controlled configuration). */
export const reviewChainImport = defineCommand({
  id: "review.chain.import",
  words: ["review", "chain", "import"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/review chain import",
  summary: { en: "Load the chains from templates/review-chains.json", "zh-CN": "从 templates/review-chains.json 导入审核流程" },
  help: {
    en: "Creates or replaces every chain in the file and makes its default chain the default. Chains not in the file are kept.",
    "zh-CN": "按文件新建或替换审核流程，并把文件中的默认流程设为默认。文件中没有的流程保持不变。",
  },
  examples: ["/review chain import"],
});
