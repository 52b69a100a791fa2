import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZAnyMetric, ZGoal, ZTargetWhen } from "./args.js";

/** /kpi target: a goal for a metric over a scope (the team, a platform, an account) by an end day; linear from today's figure. */
export const kpiTarget = defineCommand({
  id: "kpi.target",
  words: ["kpi", "target"],
  positionals: [{ name: "metric" }, { name: "goal" }, { name: "when", rest: true }],
  options: [],
  args: z.object({ metric: ZAnyMetric, goal: ZGoal, when: ZTargetWhen }),
  usage: "/kpi target <metric> <+30%|value> by <YYYY-MM-DD> [platform|platform/account]",
  summary: { en: "Set a KPI target", "zh-CN": "设定指标目标" },
  help: {
    en: "The scope is the team (the default, or the word team: every platform added up), one platform, or one account (platform/account). The target tracks one figure over its scope: a count's 7-day daily average, a rate over 7 days, a level's latest value; the baseline is that figure today, and the digest shows the same figure in the headline, the pace, the projection, the trend and the chart.",
    "zh-CN": "范围可以是团队（默认，也可写“团队”：所有平台合计）、一个平台，或一个账号（平台/账号）。目标按范围跟踪同一个数值：计数取 7 日日均，比率取近 7 天，存量取最新值；基线是今天的这个数值，简报的目标进度、预测、趋势和图表都用它。",
  },
  examples: [
    { "zh-CN": "/kpi target 粉丝总数 +30% 截止 2027-05-31", en: "/kpi target followers +30% by 2027-05-31" },
    { "zh-CN": "/kpi target 阅读量 +25% 截止 2027-05-31 抖音", en: "/kpi target reads +25% by 2027-05-31 douyin" },
  ],
});
