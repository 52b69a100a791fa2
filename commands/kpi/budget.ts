import { z } from "zod";
import { defineCommand } from "../spec.js";
import { ZKpiPlatform, ZMoney } from "./args.js";

/** /kpi budget set: a budget (预算) by name for the team or one platform, renewing monthly (default) or quarterly, or over fixed days. */
export const kpiBudgetSet = defineCommand({
  id: "kpi.budget_set",
  words: ["kpi", "budget", "set"],
  positionals: [{ name: "name" }, { name: "amount" }],
  options: [
    { name: "platform", help: { en: "only this platform's spend (default every platform)", "zh-CN": "只计该平台的花费（默认全部平台）" } },
    { name: "period", help: { en: "month (default) or quarter: renews each calendar month or quarter", "zh-CN": "月（默认）或季度：每个自然月或季度重新计算" } },
    { name: "from", help: { en: "first day YYYY-MM-DD of a fixed span (with --to)", "zh-CN": "固定时段的第一天 YYYY-MM-DD（与 --to 一起用）" } },
    { name: "to", help: { en: "last day YYYY-MM-DD of a fixed span (with --from)", "zh-CN": "固定时段的最后一天 YYYY-MM-DD（与 --from 一起用）" } },
  ],
  args: z.object({
    name: z.string().trim().min(1).max(40),
    amount: ZMoney,
    platform: ZKpiPlatform.optional(),
    period: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  }),
  usage: "/kpi budget set <name> <amount> [--platform P] [--from D --to D | --period month|quarter]",
  summary: { en: "Set a budget", "zh-CN": "设定预算" },
  help: {
    en: "A budget counts the spend metric (imported, sent to POST /ingest/metrics or recorded) of its platform, or of every platform, in its period, plus what /kpi spend records against it. Managers are told once when it reaches 80 % and 100 %, and when the pace of spending projects an overspend before the period ends; the digest shows each budget's use and pace. Setting an existing name changes it.",
    "zh-CN": "预算统计其平台（或全部平台）在预算期内的花费指标（导入、签名推送接口或手动记录），再加上用 /kpi spend 记到该预算的花费。使用达到 80% 和 100% 时，以及按当前花费速度预计会在期末前超支时，各提醒管理者一次；数据简报显示每个预算的使用情况和进度。对已有名称再次设定即为修改。",
  },
  examples: [
    { "zh-CN": "/kpi budget set 抖音投放 5万 --platform 抖音", en: "/kpi budget set douyin-ads 50000 --platform douyin" },
    { "zh-CN": "/kpi budget set 双十一 20万 --from 2026-11-01 --to 2026-11-15", en: "/kpi budget set singles-day 200000 --from 2026-11-01 --to 2026-11-15" },
    { "zh-CN": "/kpi budget set 品牌 30万 --period 季度", en: "/kpi budget set brand 300000 --period quarter" },
  ],
});

/** /kpi budget list: every budget with its use and pace in the current period. */
export const kpiBudgetList = defineCommand({
  id: "kpi.budget_list",
  words: ["kpi", "budget", "list"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/kpi budget list",
  summary: { en: "List budgets with their use and pace", "zh-CN": "查看预算及使用进度" },
  examples: ["/kpi budget list"],
});

/** /kpi spend: spend that no platform reports (agency fees, an offline event), added to a budget. */
export const kpiSpend = defineCommand({
  id: "kpi.spend",
  words: ["kpi", "spend"],
  positionals: [{ name: "name" }, { name: "amount" }],
  options: [{ name: "day", help: { en: "the day spent, YYYY-MM-DD (default yesterday)", "zh-CN": "花费日期 YYYY-MM-DD（默认昨天）" } }],
  args: z.object({ name: z.string().trim().min(1).max(40), amount: ZMoney, day: z.string().optional() }),
  usage: "/kpi spend <name> <amount> [--day D]",
  summary: { en: "Record spend against a budget", "zh-CN": "记录一笔预算花费" },
  help: {
    en: "Entries add up (two spends on one day are both counted). Spend a platform reports goes in as the spend metric instead (/kpi record, /kpi import, POST /ingest/metrics); it counts toward every budget of its platform.",
    "zh-CN": "多次记录会累加（同一天两笔都计入）。平台自己报告的花费请按花费指标录入（/kpi record、/kpi import 或签名推送接口），它会计入该平台的所有预算。",
  },
  examples: [{ "zh-CN": "/kpi spend 抖音投放 3200", en: "/kpi spend douyin-ads 3200" }, { "zh-CN": "/kpi spend 品牌 1.5万 --day 2026-11-24", en: "/kpi spend brand 1.5万 --day 2026-11-24" }],
});
