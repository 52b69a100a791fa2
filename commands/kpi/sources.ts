import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { defineCommand } from "../spec.js";
import { ZKpiPlatform, ZStoredMetric } from "./args.js";

/** How many days /kpi history looks back: a whole number from 1 to 90. */
export const ZHistoryDays = z.string().transform((raw) => {
  const s = raw.trim();
  const n = Number(s);
  if (!/^\d{1,3}$/.test(s) || n < 1 || n > 90) throw new AppError("kpi.bad_days", { value: raw, max: 90 });
  return n;
});

/** /kpi sources: where the figures come from, the last day each source stored, and its last error. */
export const kpiSources = defineCommand({
  id: "kpi.sources",
  words: ["kpi", "sources"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/kpi sources",
  summary: { en: "Where the figures come from and how each source last went", "zh-CN": "查看数据来源及其最近状态" },
  help: {
    en: "Lists the WeChat OA pull (when WECHAT_OA_APP_SECRET is set), the signed intake (POST /ingest/metrics), CSV imports and typed values (/kpi record): the last day each stored, when, and its last error. A day the WeChat pull could not fetch is fetched again on its next run.",
    "zh-CN": "列出公众号自动拉取（配置公众号开发者凭据后启用）、签名推送接口、CSV 导入和手动录入（/kpi record）：各自最近存入的日期、存入时间和最近一次错误。公众号拉取失败的日期会在下一次运行时重新获取。",
  },
  examples: ["/kpi sources"],
});

/** /kpi history: the stored values of one metric day by day, with every replaced value and who replaced it. */
export const kpiHistory = defineCommand({
  id: "kpi.history",
  words: ["kpi", "history"],
  positionals: [{ name: "metric" }],
  options: [
    { name: "platform", help: { en: "only this platform (default every platform)", "zh-CN": "只看该平台（默认全部平台）" } },
    { name: "days", help: { en: "how many days back, 1 to 90 (default 14)", "zh-CN": "往前看多少天，1 到 90（默认 14）" } },
  ],
  args: z.object({ metric: ZStoredMetric, platform: ZKpiPlatform.optional(), days: ZHistoryDays.optional() }),
  usage: "/kpi history <metric> [--platform P] [--days N]",
  summary: { en: "Stored values of a metric and what replaced them", "zh-CN": "查看指标的存储值及替换记录" },
  help: {
    en: "Newest day first: each stored value with its source, and every earlier value it replaced (when, by whom, from which source). Rates are computed, not stored: ask for their parts (reads, likes...).",
    "zh-CN": "按日期从新到旧：每个存储值及其来源，以及它替换掉的每个旧值（何时、由谁、来自哪个来源）。比率不存储，由各部分计算：请查看其组成指标（阅读量、点赞等）。",
  },
  examples: [{ "zh-CN": "/kpi history 阅读量 --platform 公众号 --days 7", en: "/kpi history reads --platform wechat_oa --days 7" }, { "zh-CN": "/kpi history 粉丝总数", en: "/kpi history followers" }],
});
