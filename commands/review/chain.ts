import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZChainNameArg, ZHandleList } from "./args.js";

/** A display name: up to 40 characters people read. */
const ZDisplayText = z.string().trim().min(1).refine((s) => [...s].length <= 40, { message: "command.text_too_long", params: { max: 40 } });

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
  positionals: [{ name: "chain" }, { name: "levels", rest: true }],
  options: [
    { name: "when", help: { en: "conditions: platform=douyin,weibo format=live theme=news urgent sensitive", "zh-CN": "适用条件：平台=抖音,微博 形式=直播 主题=资讯 加急 敏感" } },
    { name: "priority", help: { en: "order in which chains are tried, lower first (default 100)", "zh-CN": "匹配顺序，数字小的先匹配（默认 100）" } },
    { name: "cc", help: { en: "people told of every outcome", "zh-CN": "每次审核结果都抄送的人" } },
    { name: "name", help: { en: "the name people read, e.g. Brand review (default: the chain's name)", "zh-CN": "显示名称，如 品牌审核（默认与流程名相同）" } },
  ],
  args: z.object({
    chain: ZChainNameArg,
    /** --name: the display name. */
    name: ZDisplayText.optional(),
    levels: z.string(),
    when: z.string().optional(),
    priority: z.coerce.number().int().min(0).max(1000).optional(),
    cc: ZHandleList.optional(),
  }),
  usage: "/review chain set <chain> <levels> [--when conditions] [--priority N] [--cc @user,...] [--name <display name>]",
  summary: { en: "Create or replace a review chain", "zh-CN": "新建或修改审核流程" },
  help: {
    en: "Levels are separated by ';', each written name=rule:reviewers/hours>escalate-to. Rules: any (或签), all (会签), or a number N (at least N). Reviewers: @handles and role:<role>. Hours are working hours on the team calendar. Chains with conditions are tried in order (priority, then name); the default chain is used when none matches, so a chain without conditions is used only as the default.",
    "zh-CN": "各级之间用“;”分隔，每级写作 名称=规则:审核人/时限>超时升级对象。规则：或签、会签或数字 N（至少 N 人）。审核人：@用户名 或 角色:主管 这样的角色。时限按团队工作日历计算的工作小时。有适用条件的流程按顺序（先比较顺序数字，再比较名称）逐个匹配，都不匹配时使用默认流程；因此没有适用条件的流程只有设为默认后才会使用。",
  },
  examples: [
    {
      "zh-CN": "/review chain set 标准流程 编辑初审=或签:@li.wei,@zhang.min/8h>@wang.fang; 合规审核=会签:@liu.yang,@emma/8h; 品牌审核=2:@wang.fang,@liu.yang,@zhang.min/8h --name 标准审核",
      en: "/review chain set standard editors=any:@li.wei,@zhang.min/8h>@wang.fang; compliance=all:@liu.yang,@emma/8h; brand=2:@wang.fang,@liu.yang,@zhang.min/8h --name Standard",
    },
    {
      "zh-CN": "/review chain set 加急流程 加急=2:@li.wei,@zhang.min,@liu.yang/2h>@wang.fang --when 加急 --priority 20 --name 加急审核",
      en: "/review chain set urgent fast=2:@li.wei,@zhang.min,@liu.yang/2h>@wang.fang --when urgent --priority 20 --name Urgent",
    },
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
  examples: [{ "zh-CN": "/review chain default 标准审核", en: "/review chain default standard" }],
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
  examples: [{ "zh-CN": "/review chain remove 加急审核", en: "/review chain remove urgent" }],
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
