// KPI copy in both languages: metric names and the digest's sentences.
import type { Locale } from "../../src/domain/locale.js";

/** Metric code → display name. */
export const METRIC_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    new_followers: "New followers", unfollows: "Unfollows", followers: "Followers", reads: "Reads", plays: "Plays", shares: "Shares",
    likes: "Likes", comments: "Comments", favourites: "Favourites", forwards: "Forwards", dms: "DMs", interaction_rate: "Interaction rate",
    clicks: "Clicks", ctr: "CTR", conversions: "Conversions", conversion_rate: "Conversion rate", revenue: "Revenue", spend: "Spend", roi: "ROI",
    sla_first_response_median: "SLA first response (median)", sla_breach_rate: "SLA breach rate", reviews_pending: "Reviews pending",
    reviews_overdue: "Reviews overdue", topics_published: "Topics published", open_incidents: "Open incidents",
  },
  "zh-CN": {
    new_followers: "新增粉丝", unfollows: "取关", followers: "粉丝总数", reads: "阅读量", plays: "播放量", shares: "分享",
    likes: "点赞", comments: "评论", favourites: "收藏", forwards: "转发", dms: "私信", interaction_rate: "互动率",
    clicks: "点击", ctr: "点击率", conversions: "转化", conversion_rate: "转化率", revenue: "收入", spend: "花费", roi: "ROI",
    sla_first_response_median: "首次响应中位数", sla_breach_rate: "SLA 超时率", reviews_pending: "待审核",
    reviews_overdue: "审核超时", topics_published: "已发布选题", open_incidents: "未结事件",
  },
};

/** The name of a metric (the code when unknown, so a new metric is never blank). */
export function metricName(locale: Locale, code: string): string {
  return METRIC_NAMES[locale][code] ?? code;
}

/** A metric as typed in a command: its name where that is one word the parsers accept, else its code. */
export function metricArg(locale: Locale, code: string): string {
  const name = metricName(locale, code);
  return /\s/.test(name) ? code : name;
}

/** The digest's sentences. */
export const kpiCopy = {
  en: {
    title: (team: string, day: string) => `Daily KPI digest · ${team} · ${day}`,
    preview: "Preview (only you see this)",
    headline: "Targets",
    noTargets: "No targets set. Set one with /kpi target followers +30% by 2027-05-31.",
    status: { reached: "reached", ahead: "ahead of pace", on_pace: "on pace", behind: "behind pace", no_data: "no data" } as Record<string, string>,
    goalLine: (name: string, status: string, gap: string, actual: string, expected: string, projected: string | null, goal: string, end: string) =>
      `${name}: ${status}${gap}. Now ${actual}, expected ${expected} today; ${projected ? `projected ${projected}` : "no projection yet"} vs. goal ${goal} by ${end}`,
    noDataLine: (name: string, goal: string, end: string) => `${name}: no data to measure against the goal ${goal} by ${end}`,
    tableHead: "Yesterday · day before · same weekday last week",
    teamHead: "Team total",
    team: "team",
    basis: { sum: "7-day daily average", ratio: "over 7 days", latest: "latest" } as Record<string, string>,
    late: (p: string) => `${p} late`,
    lateAsOf: (p: string, day: string) => `${p}: figure of ${day}`,
    partial: "partial",
    partialLate: (late: string) => `partial: ${late}`,
    yesterdayPartial: "yesterday's figure is partial",
    bracket: (s: string) => ` (${s})`,
    listSep: "; ",
    slaBreachesName: "SLA breaches",
    noData: (p: string) => `No data from ${p} for yesterday.`,
    noDataAll: "No metrics have arrived for yesterday from any subscribed platform.",
    trends: "28-day trends",
    moves: "Unusual moves",
    noMoves: "Nothing moved unusually.",
    move: (p: string, m: string, dir: "up" | "down", v: string, usual: string) => `${p} ${m} ${dir === "up" ? "jumped" : "dropped"} to ${v} (${usual})`,
    usualOn: (weekday: string, v: string) => `usual on ${weekday}: ${v}`,
    weekdays: ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"],
    topicDriver: (id: number, title: string, day: string) => ` · likely driver: topic #${id} “${title}” published ${day}`,
    incidentDriver: (id: number, title: string, severity: string, day: string) => ` · likely driver: incident #${id} “${title}” (${severity}) declared ${day}`,
    slaDriver: (count: number, median: string, day: string) => ` · likely driver: ${count} SLA breaches on ${day} (28-day median ${median})`,
    operations: "Operations (the bot's own records)",
    opsNotTracked: "not tracked yet",
    detailButton: (what: string) => `Details · ${what}`,
    muteButton: (metric: string) => `Mute ${metric}`,
    assignButton: "Assign follow-up",
    assignPrompt: "Who follows this up? @handle, then an optional note",
    needs: "Needs you today",
    reviewsOverdue: (n: number, pending: number | null) => `${n} review${n === 1 ? "" : "s"} overdue${pending !== null ? ` (${pending} pending)` : ""}`,
    slaBreaches: (n: number) => `${n} SLA breach${n === 1 ? "" : "es"}`,
    openIncidents: (n: number) => `${n} open incident${n === 1 ? "" : "s"}`,
    notTracked: (what: string) => `${what}: not tracked yet`,
    nothingNeeded: "Nothing waits for your decision.",
    dash: "no data",
    chartActual: "Actual",
    chartTarget: (goal: string) => `Target line (${goal})`,
  },
  "zh-CN": {
    title: (team: string, day: string) => `每日数据简报 · ${team} · ${day}`,
    preview: "预览（仅你可见）",
    headline: "目标进度",
    noTargets: "还没有设定目标。可用 /kpi target 粉丝总数 +30% 截止 2027-05-31 设定。",
    status: { reached: "已达成", ahead: "超前", on_pace: "符合进度", behind: "落后", no_data: "无数据" } as Record<string, string>,
    goalLine: (name: string, status: string, gap: string, actual: string, expected: string, projected: string | null, goal: string, end: string) =>
      `${name}：${status}${gap}。当前 ${actual}，今天应达 ${expected}；${projected ? `预计到期 ${projected}` : "暂无预测"}，目标 ${end} 前达到 ${goal}`,
    noDataLine: (name: string, goal: string, end: string) => `${name}：暂无数据，无法衡量（目标 ${end} 前达到 ${goal}）`,
    tableHead: "昨天 · 前天 · 上周同日",
    teamHead: "团队合计",
    team: "团队",
    basis: { sum: "7 日日均", ratio: "近 7 天", latest: "最新" } as Record<string, string>,
    late: (p: string) => `${p}数据未到`,
    lateAsOf: (p: string, day: string) => `${p}沿用 ${day} 的数据`,
    partial: "不完整",
    partialLate: (late: string) => `不完整：${late}`,
    yesterdayPartial: "昨天的数据不完整",
    bracket: (s: string) => `（${s}）`,
    listSep: "；",
    slaBreachesName: "SLA 超时",
    noData: (p: string) => `${p}昨天没有数据。`,
    noDataAll: "订阅的平台昨天都还没有数据。",
    trends: "近 28 天趋势",
    moves: "异常波动",
    noMoves: "没有异常波动。",
    move: (p: string, m: string, dir: "up" | "down", v: string, usual: string) => `${p} ${m}${dir === "up" ? "大涨" : "大跌"}至 ${v}（${usual}）`,
    usualOn: (weekday: string, v: string) => `${weekday}通常为 ${v}`,
    weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    topicDriver: (id: number, title: string, day: string) => ` · 可能原因：选题 #${id}「${title}」于 ${day} 发布`,
    incidentDriver: (id: number, title: string, severity: string, day: string) => ` · 可能原因：事件 #${id}「${title}」（${severity}）于 ${day} 宣布`,
    slaDriver: (count: number, median: string, day: string) => ` · 可能原因：${day} 有 ${count} 条 SLA 超时（28 天中位数 ${median}）`,
    operations: "运营指标（机器人自身记录）",
    opsNotTracked: "暂未统计",
    detailButton: (what: string) => `详情 · ${what}`,
    muteButton: (metric: string) => `屏蔽 ${metric}`,
    assignButton: "指派跟进",
    assignPrompt: "由谁跟进？请输入 @账号，可在后面附说明",
    needs: "今天需要你处理",
    reviewsOverdue: (n: number, pending: number | null) => `${n} 个审核已超时${pending !== null ? `（待审核 ${pending} 个）` : ""}`,
    slaBreaches: (n: number) => `${n} 条 SLA 超时`,
    openIncidents: (n: number) => `${n} 个未结事件`,
    notTracked: (what: string) => `${what}：暂未统计`,
    nothingNeeded: "没有等你决定的事项。",
    dash: "无数据",
    chartActual: "实际",
    chartTarget: (goal: string) => `目标线（${goal}）`,
  },
} as const;
