// The words of /mediaops channel, quiet, timezone and language in both languages: workflows and platforms by
// name, never by code.
import type { Locale } from "../../src/domain/locale.js";

/** The workflows whose cards can be routed, by name. */
export const WORKFLOW_NAMES: Record<Locale, Record<string, string>> = {
  en: { topics: "Topics", reviews: "Reviews", sla: "Comment responses", incidents: "Incidents", kpi: "KPI digest" },
  "zh-CN": { topics: "选题", reviews: "审核", sla: "留言响应", incidents: "事件", kpi: "数据简报" },
};

/** A channel as people read it: "#reviews" (a name), or the id when the platform gave no name. */
export function channelLabel(name: string): string {
  return name.startsWith("#") || /^(oc_|chat:)/.test(name) ? name : `#${name}`;
}

/** The copy per locale. */
export const settingsCopy = {
  en: {
    routesTitle: "Where each workflow's cards go",
    routeLine: (platform: string, workflow: string, channel: string | undefined) => `${platform} · ${workflow}: ${channel ?? "the channel where the command is typed"}`,
    routeSaved: (workflow: string, channel: string, platform: string) => `${workflow} cards on ${platform} now go to ${channel}.`,
    routeUnchanged: (workflow: string, channel: string) => `${workflow} cards already go to ${channel}.`,
    routeHint: "Cards already posted stay where they are; new ones go there.",
    postedIn: (channel: string) => `Card posted in ${channel}.`,
    quietTitle: (name: string) => `Quiet hours of ${name}`,
    quietIs: (range: string, zone: string) => `${range} (${zone}): reminders and nudges wait until they end.`,
    quietDefault: (range: string, zone: string) => `${range} (${zone}), the default.`,
    quietNone: "None: reminders come at any time.",
    quietSaved: (name: string, range: string, zone: string) => `Quiet hours of ${name}: ${range} (${zone}).`,
    quietOff: (name: string) => `${name} has no quiet hours now: reminders come at any time.`,
    zoneIs: (name: string, zone: string, local: string) => `Time zone of ${name}: ${zone} (now ${local}).`,
    zoneSaved: (name: string, zone: string, local: string) => `Time zone of ${name} set to ${zone} (now ${local}).`,
    languageIs: (name: string, language: string) => `${name} reads the bot in ${language}.`,
    languageSaved: (name: string, language: string) => `${name} now reads the bot in ${language}.`,
    languages: { en: "English", "zh-CN": "Chinese (中文)" } as Record<Locale, string>,
    unchanged: "Nothing changed: it was already so.",
    dmQuiet: (range: string, zone: string, by: string) => `Your quiet hours are now ${range} (${zone}), set by ${by}.`,
    dmQuietOff: (by: string) => `Your quiet hours were turned off by ${by}: reminders come at any time.`,
    dmZone: (zone: string, by: string) => `Your time zone is now ${zone}, set by ${by}.`,
    dmLanguage: (by: string) => `The bot now writes to you in English, set by ${by}.`,
  },
  "zh-CN": {
    routesTitle: "各流程卡片发往的频道",
    routeLine: (platform: string, workflow: string, channel: string | undefined) => `${platform} · ${workflow}：${channel ?? "输入命令的频道"}`,
    routeSaved: (workflow: string, channel: string, platform: string) => `${platform}上的${workflow}卡片今后发往 ${channel}。`,
    routeUnchanged: (workflow: string, channel: string) => `${workflow}卡片已经发往 ${channel}。`,
    routeHint: "已发出的卡片留在原处，新卡片发往该频道。",
    postedIn: (channel: string) => `卡片已发到 ${channel}。`,
    quietTitle: (name: string) => `${name} 的免打扰时段`,
    quietIs: (range: string, zone: string) => `${range}（${zone}）：提醒和催办在时段结束后再发。`,
    quietDefault: (range: string, zone: string) => `${range}（${zone}），默认设置。`,
    quietNone: "未设置：提醒随时发送。",
    quietSaved: (name: string, range: string, zone: string) => `${name} 的免打扰时段：${range}（${zone}）。`,
    quietOff: (name: string) => `已关闭 ${name} 的免打扰时段：提醒随时发送。`,
    zoneIs: (name: string, zone: string, local: string) => `${name} 的时区：${zone}（当前 ${local}）。`,
    zoneSaved: (name: string, zone: string, local: string) => `${name} 的时区已设为 ${zone}（当前 ${local}）。`,
    languageIs: (name: string, language: string) => `${name} 使用的语言：${language}。`,
    languageSaved: (name: string, language: string) => `${name} 使用的语言已设为${language}。`,
    languages: { en: "英文（English）", "zh-CN": "中文" } as Record<Locale, string>,
    unchanged: "没有变化：原本就是这样。",
    dmQuiet: (range: string, zone: string, by: string) => `你的免打扰时段已设为 ${range}（${zone}），由 ${by} 设置。`,
    dmQuietOff: (by: string) => `${by} 关闭了你的免打扰时段：提醒随时发送。`,
    dmZone: (zone: string, by: string) => `你的时区已设为 ${zone}，由 ${by} 设置。`,
    dmLanguage: (by: string) => `机器人今后用中文和你交流，由 ${by} 设置。`,
  },
} as const;
