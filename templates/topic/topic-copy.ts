// Copy for the topic cards, in both languages.
import type { Locale } from "../../src/domain/locale.js";

/** The strings topic templates use. */
export interface TopicCopy {
  status: string; proposer: string; theme: string; platforms: string; format: string; planned: string;
  owner: string; angle: string; references: string; none: string; unplanned: string;
  accept: string; reject: string; rejectPrompt: string;
  suggested: (time: string) => string;
  duplicate: (id: number, title: string) => string;
  openDuplicate: (id: number) => string;
  votes: (names: string[]) => string;
  outcome: (status: string, by: string, at: string) => string;
  proposed: (id: number) => string;
  listTitle: (count: number) => string;
  listEmpty: string;
  calendarTitle: (from: string, to: string) => string;
  calendarEmptyDay: string;
  themeMix: string;
  themeMixLine: (theme: string, count: number, share: number, target: number) => string;
  unthemed: (n: number) => string;
  history: string;
}

export const topicCopy: Record<Locale, TopicCopy> = {
  en: {
    status: "Status", proposer: "Proposed by", theme: "Theme", platforms: "Platforms", format: "Format",
    planned: "Planned", owner: "Owner", angle: "Angle", references: "References", none: "—", unplanned: "not planned yet",
    accept: "Accept", reject: "Reject", rejectPrompt: "Why is it rejected?",
    suggested: (t) => `(no time yet; best time ${t})`,
    duplicate: (id, title) => `⚠ Looks like #${id} “${title}”`,
    openDuplicate: (id) => `Open #${id}`,
    votes: (names) => `+1 ×${names.length}: ${names.join(", ")}`,
    outcome: (status, by, at) => `${status[0]!.toUpperCase()}${status.slice(1)} by ${by} · ${at}`,
    proposed: (id) => `Topic #${id} proposed.`,
    listTitle: (n) => `Topics (${n})`,
    listEmpty: "No topics match.",
    calendarTitle: (from, to) => `Content calendar ${from} – ${to}`,
    calendarEmptyDay: "nothing planned",
    themeMix: "Theme mix (actual vs target)",
    themeMixLine: (theme, count, share, target) => `${theme}: ${count} · ${share}% (target ${target}%)`,
    unthemed: (n) => `${n} without a theme`,
    history: "History",
  },
  "zh-CN": {
    status: "状态", proposer: "提出人", theme: "主题", platforms: "平台", format: "形式",
    planned: "计划发布", owner: "负责人", angle: "切入角度", references: "参考资料", none: "—", unplanned: "未排期",
    accept: "通过", reject: "驳回", rejectPrompt: "驳回原因？",
    suggested: (t) => `（未定时间，建议 ${t}）`,
    duplicate: (id, title) => `⚠ 与 #${id}“${title}”相似`,
    openDuplicate: (id) => `查看 #${id}`,
    votes: (names) => `+1 ×${names.length}：${names.join("、")}`,
    outcome: (status, by, at) => `${by} ${status} · ${at}`,
    proposed: (id) => `选题 #${id} 已提交。`,
    listTitle: (n) => `选题（${n}）`,
    listEmpty: "没有符合条件的选题。",
    calendarTitle: (from, to) => `内容日历 ${from} 至 ${to}`,
    calendarEmptyDay: "暂无安排",
    themeMix: "主题配比（实际 / 目标）",
    themeMixLine: (theme, count, share, target) => `${theme}：${count} 个 · ${share}%（目标 ${target}%）`,
    unthemed: (n) => `${n} 个未设主题`,
    history: "变更记录",
  },
};

/** What happened to a topic, by its audit action ("topic.accept"). */
export const TOPIC_ACTION_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    "topic.propose": "proposed", "topic.accept": "accepted", "topic.reject": "rejected", "topic.archive": "archived", "topic.publish": "marked published",
    "topic.assign": "assigned", "topic.schedule": "scheduled", "topic.vote": "+1", "topic.status": "status changed",
  },
  "zh-CN": {
    "topic.propose": "提交选题", "topic.accept": "通过", "topic.reject": "驳回", "topic.archive": "归档", "topic.publish": "标记为已发布",
    "topic.assign": "指定负责人", "topic.schedule": "排期", "topic.vote": "+1", "topic.status": "状态变更",
  },
};

/** One line of a topic's history: when, who, what (by name), and the reason given. */
export function topicHistoryLine(locale: Locale, e: { at: string; who: string | null; action: string; reason: string | null }): string {
  const what = TOPIC_ACTION_NAMES[locale][e.action] ?? (locale === "en" ? "changed" : "更新");
  const who = e.who ?? (locale === "en" ? "the bot" : "机器人");
  return `${e.at} ${who} ${what}${e.reason ? ` · ${e.reason}` : ""}`;
}
