// View models for every template in templates/index.ts: ordinary ones (snapshotted) and oversized ones (checked
// against the limits only). Models are built the way the use cases build them: button values through the real
// codec, calendars through the domain's buildContentCalendar. A new template needs a sample here.
import { ALL_COMMANDS } from "../../../commands/registry.js";
import type { ModelOf, TemplateId } from "../../../templates/index.js";
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
  // Oversized: more text than one message can carry.
  { name: "topic with a 9,000-character angle", template: "topic.card", model: topic({ angle: "长".repeat(9000), references: "r".repeat(5000) }), stress: true },
  { name: "topic with a 400-character title and 200 voters", template: "topic.card", model: topic({ title: "标题".repeat(200), voters: Array.from({ length: 200 }, (_, i) => `成员${i}`) }), stress: true },
  { name: "topic list of 500", template: "topic.list", model: { items: listItems(500), total: 800 }, stress: true },
  { name: "topic calendar, a month of busy days", template: "topic.calendar", model: calendar(6, 30), stress: true },
];
