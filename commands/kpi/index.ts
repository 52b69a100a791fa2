// The /kpi commands, spread into COMMANDS in commands/registry.ts, and the notes /help kpi adds.
import type { Localized } from "../../src/domain/locale.js";
import { kpiBudgetList, kpiBudgetSet, kpiSpend } from "./budget.js";
import { kpiImport } from "./import.js";
import { kpiMute, kpiUnmute } from "./mute.js";
import { kpiRecord } from "./record.js";
import { kpiHistory, kpiSources } from "./sources.js";
import { kpiDigestNow, kpiSubscribe, kpiUnsubscribe } from "./subscribe.js";
import { kpiTarget } from "./target.js";

/** Every /kpi command by id. */
export const KPI_COMMANDS = {
  "kpi.record": kpiRecord,
  "kpi.target": kpiTarget,
  "kpi.subscribe": kpiSubscribe,
  "kpi.unsubscribe": kpiUnsubscribe,
  "kpi.digest_now": kpiDigestNow,
  "kpi.mute": kpiMute,
  "kpi.unmute": kpiUnmute,
  "kpi.import": kpiImport,
  "kpi.budget_set": kpiBudgetSet,
  "kpi.budget_list": kpiBudgetList,
  "kpi.spend": kpiSpend,
  "kpi.sources": kpiSources,
  "kpi.history": kpiHistory,
} as const;

/**
 * What /help kpi says besides the commands: how team figures combine and how an unusual move is found (the
 * method and its threshold, src/domain/kpi/moves.ts and figures.ts), so a manager can judge what the digest says.
 */
export const KPI_HELP_NOTES: Localized[] = [
  {
    en: "Team figures: counts add up (reads, new followers, spend), followers add each account's latest figure, rates are recomputed from their parts (interaction rate = (likes + comments + favourites + forwards) / reads over the whole scope). A platform whose figure for yesterday has not arrived is named as late, and a total without it is marked partial. A target tracks its scope (the team, a platform, or platform/account): a count's 7-day daily average, a rate over 7 days, a level's latest value.",
    "zh-CN": "团队数据：计数相加（阅读量、新增粉丝、花费），粉丝总数为各账号最新值之和，比率按分子分母重新计算（互动率 =（点赞 + 评论 + 收藏 + 转发）÷ 阅读量，按整个范围汇总），不相加也不平均。昨天数据未到的平台会被点名，缺它的合计标为“不完整”。目标按其范围（团队、平台或 平台/账号）跟踪：计数取 7 日日均，比率取近 7 天，存量取最新值。",
  },
  {
    en: "Unusual moves: yesterday's value is compared with the usual value for that weekday (the median of the same weekday over the last 8 weeks). It is unusual when it is more than 3.5 robust standard deviations away (Qn scale of the day-to-day deviations over those 8 weeks, on a log scale) and at least 20% off. Public holidays and make-up workdays of the team calendar are left out of the history and not tested. Mute a metric with /kpi mute.",
    "zh-CN": "异常波动：把昨天的数值与该星期几的通常值（近 8 周同一星期几的中位数）比较；偏离超过 3.5 个稳健标准差（以近 8 周每日偏离的稳健离散度衡量，取对数计算）且相差至少 20% 时，才算异常。团队日历中的法定节假日和调休上班日不计入历史，也不做判断。可用 /kpi mute 屏蔽某个指标。",
  },
];
