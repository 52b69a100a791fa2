import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZAnyMetric, ZGoal, ZTargetWhen } from "./args.js";

/** /kpi target: a goal for a metric by an end day; its baseline is the value now, its shape linear. */
export const kpiTarget = defineCommand({
  id: "kpi.target",
  words: ["kpi", "target"],
  positionals: [{ name: "metric" }, { name: "goal" }, { name: "when", rest: true }],
  options: [],
  args: z.object({ metric: ZAnyMetric, goal: ZGoal, when: ZTargetWhen }),
  usage: "/kpi target <metric> <+30%|value> by <YYYY-MM-DD> [platform/account]",
  summary: { en: "Set a KPI target", "zh-CN": "设定指标目标" },
  examples: ["/kpi target followers +30% by 2027-05-31", "/kpi target reads +25% by 2027-05-31 douyin"],
});
