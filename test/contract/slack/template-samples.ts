// View models for every template in templates/index.ts: ordinary ones (snapshotted) and oversized ones (checked
// against the limits only). Models are built the way the use cases build them: button values through the real
// codec, calendars through the domain's buildContentCalendar. A new template needs a sample here.
import { ALL_COMMANDS } from "../../../commands/registry.js";
import type { ModelOf, TemplateId } from "../../../templates/index.js";
import type { OutboxView } from "../../../templates/admin/outbox.card.js";
import type { DailyDigestView } from "../../../templates/kpi/digest-view.js";
import type { TopicView } from "../../../templates/topic/topic-view.js";
import type { TopicListItem } from "../../../templates/topic/topic-list.card.js";
import { buildContentCalendar, type CalendarTopic } from "../../../src/domain/topics/content-calendar.js";
import { encodeAction } from "../../../src/messaging/action.js";

/** A fixed key so snapshots are stable. */
export const SAMPLE_BUTTON_KEY = "contract-test-button-key";

/** One named sample of one template. */
export interface Sample<K extends TemplateId = TemplateId> {
  name: string;
  template: K;
  model: ModelOf<K>;
  /** Oversized on purpose: checked against the limits, not snapshotted. */
  stress?: boolean;
}

const button = (action: string, id: number, version: number) => encodeAction({ action, subjectType: "topic", subjectId: String(id), stateVersion: version }, SAMPLE_BUTTON_KEY);

function topic(over: Partial<TopicView> = {}): TopicView {
  const id = over.id ?? 42;
  const version = over.version ?? 1;
  return {
    id,
    title: "双十一直播复盘",
    status: "idea",
    theme: "news",
    platforms: ["douyin", "weibo"],
    format: "live",
    plannedDay: "2026-12-03",
    plannedTime: "20:00",
    suggestedTime: null,
    angle: "三个数据亮点",
    references: null,
    reason: null,
    proposer: "陈杰",
    owner: null,
    voters: [],
    duplicateOf: null,
    decision: null,
    version,
    buttons: { accept: button("accept", id, version), reject: button("reject", id, version), vote: button("vote", id, version) },
    ...over,
  };
}

function listItems(n: number): TopicListItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: `选题 ${i + 1}：小红书秋冬穿搭清单 & <限时> 福利`,
    status: i % 3 === 0 ? "idea" : "accepted",
    platforms: ["xiaohongshu", "douyin"],
    plannedDay: i % 2 === 0 ? "2026-12-05" : null,
    owner: i % 4 === 0 ? "chen.jie" : null,
  }));
}

function calendar(perDay: number, days: number) {
  const topics: CalendarTopic[] = [];
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < perDay; k++) {
      const day = `2026-12-${String(1 + d).padStart(2, "0")}`;
      topics.push({ id: d * 100 + k, title: `第 ${d + 1} 天的选题 ${k + 1}`, theme: (["product", "news", "story", "tips"] as const)[k % 4]!, platforms: ["douyin", "weibo", "xiaohongshu"], plannedDay: day, plannedTime: k % 2 ? "20:00" : null, status: "scheduled" });
    }
  }
  const built = buildContentCalendar({ topics, fromDay: "2026-12-01", days, targets: { product: 0.3, news: 0.2, story: 0.25, tips: 0.25 } });
  return { calendar: built, from: "2026-12-01", to: `2026-12-${String(days).padStart(2, "0")}` };
}

function outbox(dead: number): OutboxView {
  return {
    counts: { pending: 2, sending: 0, sent: 120, dead },
    dead: Array.from({ length: dead }, (_, i) => ({
      id: 900 + i,
      kind: "post",
      template: "topic.card",
      attempts: 8,
      lastError: "Error: An API error occurred: channel_not_found <#C0PRIVATE>",
      retry: encodeAction({ action: "retry", subjectType: "outbox", subjectId: String(900 + i), stateVersion: 8 }, SAMPLE_BUTTON_KEY),
    })),
  };
}

function digest(platforms: string[]): DailyDigestView {
  return {
    teamName: "Demo content team",
    day: "2026-11-25",
    sentDay: "2026-11-26",
    timezone: "Asia/Shanghai",
    platforms,
    headline: [
      { metric: "new_followers", platform: "douyin", account: null, goalText: "+10000", endDay: "2026-12-31", actual: 4200, expected: 5000, goal: 10000, projected: 8900, gap: -800, status: "behind" },
      { metric: "reads", platform: null, account: null, goalText: "1,000,000", endDay: "2026-11-30", actual: 910000, expected: 880000, goal: 1000000, projected: 1040000, gap: 30000, status: "ahead" },
      { metric: "plays", platform: "bilibili", account: "official", goalText: "500,000", endDay: "2026-12-31", actual: null, expected: 0, goal: 500000, projected: null, gap: 0, status: "no_data" },
    ],
    tables: platforms.map((platform, i) => ({
      platform,
      rows: [
        { metric: "new_followers", yesterday: 1200 + i, dayBefore: 1000, lastWeek: 900 },
        { metric: "reads", yesterday: 48000, dayBefore: null, lastWeek: 51000 },
        { metric: "shares", yesterday: null, dayBefore: 300, lastWeek: 280 },
      ],
    })),
    missing: ["kuaishou"],
    trends: [{ metric: "reads", values: Array.from({ length: 28 }, (_, d) => (d % 6 === 5 ? null : 30000 + d * 700)) }],
    moves: [{ platform: "douyin", metric: "plays", value: 120000, median: 80000, direction: "up", driver: { kind: "topic", id: 42, title: "双十一直播复盘", day: "2026-11-25" } }],
    needs: { reviewsOverdue: 2, reviewsPending: 5, slaBreaches: null, openIncidents: 0 },
    preview: false,
  };
}

/** Every sample, by template. */
export const SAMPLES: Sample[] = [
  { name: "notice with lines", template: "notice", model: { title: "选题 #42 的负责人已改为 陈杰", lines: ["状态：撰写中", "截止：12-03 18:00"], tone: "success" } },
  { name: "notice, title only", template: "notice", model: { title: "Saved." } },
  { name: "help overview", template: "help", model: { ids: ALL_COMMANDS.map((c) => c.id), detail: false } },
  { name: "help for one command", template: "help", model: { ids: ["topic.propose"], detail: true } },
  { name: "topic idea with buttons", template: "topic.card", model: topic({ voters: ["李伟", "Emma"], references: "https://example.com/report?a=1&b=2" }) },
  { name: "topic accepted", template: "topic.card", model: topic({ status: "accepted", buttons: null, decision: { by: "王芳", at: "11-26 10:00" }, version: 2 }) },
  { name: "topic rejected with reason", template: "topic.card", model: topic({ status: "rejected", buttons: null, decision: { by: "王芳", at: "11-26 10:05" }, reason: "涉及肖像权风险", version: 2 }) },
  { name: "topic near-duplicate", template: "topic.card", model: topic({ id: 43, title: "How to choose your skincare routine", duplicateOf: { id: 7, title: "How to choose a skincare routine" }, plannedTime: null, suggestedTime: "20:00" }) },
  { name: "topic list", template: "topic.list", model: { items: listItems(3), total: 3 } },
  { name: "topic list, empty", template: "topic.list", model: { items: [], total: 0 } },
  { name: "topic calendar, a week", template: "topic.calendar", model: calendar(1, 7) },
  { name: "outbox, nothing stuck", template: "admin.outbox", model: outbox(0) },
  { name: "outbox with dead letters", template: "admin.outbox", model: outbox(2) },
  { name: "daily digest", template: "kpi.daily_digest", model: digest(["douyin", "weibo"]) },
  // Oversized: more text than one message can carry.
  { name: "topic with a 9,000-character angle", template: "topic.card", model: topic({ angle: "长".repeat(9000), references: "r".repeat(5000) }), stress: true },
  { name: "topic with a 400-character title and 200 voters", template: "topic.card", model: topic({ title: "标题".repeat(200), voters: Array.from({ length: 200 }, (_, i) => `成员${i}`) }), stress: true },
  { name: "topic list of 500", template: "topic.list", model: { items: listItems(500), total: 800 }, stress: true },
  { name: "topic calendar, a month of busy days", template: "topic.calendar", model: calendar(6, 30), stress: true },
  { name: "outbox with 40 dead letters", template: "admin.outbox", model: outbox(40), stress: true },
  { name: "daily digest over every platform", template: "kpi.daily_digest", model: digest(["wechat_oa", "channels", "douyin", "weibo", "xiaohongshu", "bilibili", "kuaishou"]), stress: true },
];
