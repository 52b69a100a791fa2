// Oversized view models, built the way the topic use cases build them (button values through the real codec,
// calendars through the domain's buildContentCalendar): cards with more than one Slack message can carry.
import { ALL_COMMANDS } from "../../../commands/registry.js";
import type { ModelOf, TemplateId } from "../../../templates/index.js";
import type { TopicListItem } from "../../../templates/topic/topic-list.card.js";
import type { TopicView } from "../../../templates/topic/topic-view.js";
import { buildContentCalendar, type CalendarTopic } from "../../../src/domain/topics/content-calendar.js";
import { encodeAction } from "../../../src/messaging/action.js";
import { SAMPLE_BUTTON_KEY } from "../sample-cards.js";

/** One oversized model of one template. */
export interface StressSample<K extends TemplateId = TemplateId> {
  name: string;
  template: K;
  model: ModelOf<K>;
}

const button = (action: string, id: number, version: number) => encodeAction({ action, subjectType: "topic", subjectId: String(id), stateVersion: version }, SAMPLE_BUTTON_KEY);

function topic(over: Partial<TopicView>): TopicView {
  return {
    id: 42, title: "双十一直播复盘", status: "idea", theme: "news", platforms: ["douyin", "weibo"], format: "live", plannedDay: "2026-12-03", plannedTime: "20:00",
    suggestedTime: null, angle: "三个数据亮点", references: null, reason: null, proposer: "陈杰", owner: null, voters: [], duplicateOf: null, decision: null, version: 1,
    buttons: { accept: button("accept", 42, 1), reject: button("reject", 42, 1), vote: button("vote", 42, 1) },
    ...over,
  };
}

function listItems(n: number): TopicListItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1, title: `选题 ${i + 1}：小红书秋冬穿搭清单 & <限时> 福利`, status: i % 3 === 0 ? "idea" : "accepted", platforms: ["xiaohongshu", "douyin"],
    plannedDay: i % 2 === 0 ? "2026-12-05" : null, owner: i % 4 === 0 ? "chen.jie" : null,
  }));
}

function busyMonth() {
  const topics: CalendarTopic[] = [];
  for (let d = 0; d < 30; d++) {
    for (let k = 0; k < 6; k++) {
      topics.push({ id: d * 100 + k, title: `第 ${d + 1} 天的选题 ${k + 1}`, theme: (["product", "news", "story", "tips"] as const)[k % 4]!, platforms: ["douyin", "weibo", "xiaohongshu"], plannedDay: `2026-12-${String(1 + d).padStart(2, "0")}`, plannedTime: k % 2 ? "20:00" : null, status: "scheduled" });
    }
  }
  return { calendar: buildContentCalendar({ topics, fromDay: "2026-12-01", days: 30, targets: { product: 0.3, news: 0.2, story: 0.25, tips: 0.25 } }), from: "2026-12-01", to: "2026-12-30" };
}

/** Every oversized sample. */
export const STRESS_SAMPLES: StressSample[] = [
  { name: "topic with a 9,000-character angle", template: "topic.card", model: topic({ angle: "长".repeat(9000), references: "r".repeat(5000) }) },
  { name: "topic with a 400-character title and 200 voters", template: "topic.card", model: topic({ title: "标题".repeat(200), voters: Array.from({ length: 200 }, (_, i) => `成员${i}`) }) },
  { name: "topic list of 500", template: "topic.list", model: { items: listItems(500), total: 800 } },
  { name: "topic calendar, a month of busy days", template: "topic.calendar", model: busyMonth() },
  { name: "help overview of every command", template: "help", model: { ids: ALL_COMMANDS.map((c) => c.id), detail: false } },
];
