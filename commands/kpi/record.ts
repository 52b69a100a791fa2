import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZKpiPlatform, ZMetricValue, ZStoredMetric } from "./args.js";

/** /kpi record: one metric value for one platform and day (yesterday by default); re-sending replaces it. */
export const kpiRecord = defineCommand({
  id: "kpi.record",
  words: ["kpi", "record"],
  positionals: [{ name: "platform" }, { name: "metric" }, { name: "value" }, { name: "day" }],
  options: [{ name: "account", help: { en: "the account on that platform (default main)", "zh-CN": "该平台上的账号（默认为默认账号）" } }],
  args: z.object({
    platform: ZKpiPlatform,
    metric: ZStoredMetric,
    value: ZMetricValue,
    day: z.string().optional(),
    account: z.string().trim().min(1).max(64).optional(),
  }),
  usage: "/kpi record <platform> <metric> <value> [day] [--account A]",
  summary: { en: "Record a metric value", "zh-CN": "记录一个指标数据" },
  help: { en: "Without a day the value is stored for yesterday (platforms publish a day's figures the next morning); the reply says which day.", "zh-CN": "不写日期时按昨天记录（平台次日才公布前一天的数据），回复会写明记录的是哪一天。" },
  examples: [{ "zh-CN": "/kpi record 抖音 阅读量 12345", en: "/kpi record douyin reads 12345" }, "/kpi record 公众号 新增粉丝 320 2026-11-24"],
});
