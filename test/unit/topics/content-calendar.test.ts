import { describe, it, expect } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import { buildContentCalendar, type CalendarTopic } from "../../../src/domain/topics/content-calendar.js";

/** A topic planned for a day, with defaults for the fields a test does not care about. */
function topic(t: Partial<CalendarTopic> & { id: number }): CalendarTopic {
  return {
    title: `Topic ${t.id}`,
    theme: null,
    platforms: ["wechat_oa"],
    plannedDay: "2026-11-30",
    plannedTime: null,
    status: "scheduled",
    ...t,
  };
}

const TOPICS: CalendarTopic[] = [
  topic({ id: 1, title: "双十二选购指南", theme: "product", platforms: ["wechat_oa", "douyin"], plannedDay: "2026-11-30" }),
  topic({ id: 2, title: "行业周报", theme: "news", platforms: ["weibo"], plannedDay: "2026-11-30", plannedTime: "08:00" }),
  topic({ id: 3, title: "护士的夜班", theme: "story", platforms: ["xiaohongshu"], plannedDay: "2026-12-02", status: "drafting" }),
  topic({ id: 4, title: "冬季省电小技巧", theme: "tips", platforms: ["douyin", "kuaishou"], plannedDay: "2026-12-02", plannedTime: "19:30" }),
  topic({ id: 5, title: "新品发布会直播", theme: "product", platforms: ["channels"], plannedDay: "2026-12-05", status: "idea" }),
  topic({ id: 6, title: "未分类", theme: null, platforms: ["bilibili"], plannedDay: "2026-12-06", plannedTime: "18:00" }),
  // Out of the period, off the calendar or unplanned: none of these count.
  topic({ id: 7, title: "被拒", theme: "news", plannedDay: "2026-12-01", status: "rejected" }),
  topic({ id: 8, title: "归档", theme: "news", plannedDay: "2026-12-01", status: "archived" }),
  topic({ id: 9, title: "上周", theme: "news", plannedDay: "2026-11-29" }),
  topic({ id: 10, title: "下周", theme: "news", plannedDay: "2026-12-07" }),
  topic({ id: 11, title: "未排期", theme: "news", plannedDay: null }),
];

const TARGETS = { product: 0.4, news: 0.3, story: 0.2, tips: 0.1 };

describe("buildContentCalendar: a week", () => {
  // Built inside each test, not in the describe body: code run while tests are collected runs before Stryker
  // activates a mutant, so no mutant of it could ever fail these tests.
  const week = () => buildContentCalendar({ topics: TOPICS, fromDay: "2026-11-30", days: 7, targets: TARGETS });

  it("lists all seven days, empty ones included, Monday to Sunday", () => {
    const cal = week();
    expect(cal.days.map((d) => d.day)).toEqual([
      "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06",
    ]);
    expect(cal.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(cal.days.map((d) => d.entries.length)).toEqual([3, 0, 3, 0, 0, 1, 1]);
  });

  it("makes one entry per topic and platform, sorted by (planned or suggested) time then id", () => {
    const cal = week();
    expect(cal.days[0]?.entries).toEqual([
      { topicId: 2, title: "行业周报", platform: "weibo", time: "08:00", suggestedTime: null, status: "scheduled" },
      { topicId: 1, title: "双十二选购指南", platform: "douyin", time: null, suggestedTime: "19:00", status: "scheduled" },
      { topicId: 1, title: "双十二选购指南", platform: "wechat_oa", time: null, suggestedTime: "20:30", status: "scheduled" },
    ]);
  });

  it("orders equal times by topic id, then platform order", () => {
    const cal = week();
    expect(cal.days[2]?.entries.map((e) => [e.topicId, e.platform, e.time ?? e.suggestedTime])).toEqual([
      [4, "douyin", "19:30"],
      [4, "kuaishou", "19:30"],
      [3, "xiaohongshu", "20:00"],
    ]);
  });

  it("suggests the golden time only when no time is planned", () => {
    const cal = week();
    expect(cal.days[5]?.entries[0]).toMatchObject({ topicId: 5, platform: "channels", time: null, suggestedTime: "12:30" });
    expect(cal.days[6]?.entries[0]).toMatchObject({ topicId: 6, platform: "bilibili", time: "18:00", suggestedTime: null });
  });

  it("measures the theme mix over the period's topics, all four themes present", () => {
    const cal = week();
    expect(cal.themeMix).toEqual([
      { theme: "product", count: 2, share: 0.4, target: 0.4, delta: 0 },
      { theme: "news", count: 1, share: 0.2, target: 0.3, delta: -0.1 },
      { theme: "story", count: 1, share: 0.2, target: 0.2, delta: 0 },
      { theme: "tips", count: 1, share: 0.2, target: 0.1, delta: 0.1 },
    ]);
    expect(cal.unthemed).toBe(1);
  });
});

describe("buildContentCalendar: edges", () => {
  it("covers a 28-day February with month-end and an empty mix", () => {
    const cal = buildContentCalendar({ topics: [], fromDay: "2027-02-01", days: 28, targets: {} });
    expect(cal.days).toHaveLength(28);
    expect(cal.days.at(-1)).toEqual({ day: "2027-02-28", weekday: 0, entries: [] });
    expect(cal.themeMix.map((r) => [r.theme, r.count, r.share, r.target, r.delta])).toEqual([
      ["product", 0, 0, 0, 0],
      ["news", 0, 0, 0, 0],
      ["story", 0, 0, 0, 0],
      ["tips", 0, 0, 0, 0],
    ]);
    expect(cal.unthemed).toBe(0);
  });

  it("crosses a year end and rounds thirds", () => {
    const cal = buildContentCalendar({
      topics: [
        topic({ id: 1, theme: "news", plannedDay: "2026-12-31" }),
        topic({ id: 2, theme: "news", plannedDay: "2027-01-01" }),
        topic({ id: 3, theme: "tips", plannedDay: "2027-01-02" }),
      ],
      fromDay: "2026-12-30",
      days: 7,
      targets: { news: 0.5 },
    });
    expect(cal.days.map((d) => d.entries.length)).toEqual([0, 1, 1, 1, 0, 0, 0]);
    expect(cal.themeMix.find((r) => r.theme === "news")).toEqual({ theme: "news", count: 2, share: 0.6667, target: 0.5, delta: 0.1667 });
    expect(cal.themeMix.find((r) => r.theme === "product")).toEqual({ theme: "product", count: 0, share: 0, target: 0, delta: 0 });
  });

  it("lists a topic once per distinct platform and counts a platform-less topic in the mix only", () => {
    const cal = buildContentCalendar({
      topics: [
        topic({ id: 1, theme: "story", platforms: ["douyin", "douyin"] }),
        topic({ id: 2, theme: "story", platforms: [] }),
      ],
      fromDay: "2026-11-30",
      days: 1,
      targets: {},
    });
    expect(cal.days[0]?.entries.map((e) => e.topicId)).toEqual([1]);
    expect(cal.themeMix[2]).toEqual({ theme: "story", count: 2, share: 1, target: 0, delta: 1 });
  });

  it("orders a day by time, then topic id, then platform order, whatever order the topics came in", () => {
    const cal = buildContentCalendar({
      topics: [
        topic({ id: 9, platforms: ["kuaishou", "douyin"], plannedTime: "12:00" }),
        topic({ id: 3, platforms: ["kuaishou", "douyin"], plannedTime: "12:00" }),
        topic({ id: 5, platforms: ["weibo"], plannedTime: "09:00" }),
      ],
      fromDay: "2026-11-30",
      days: 1,
      targets: {},
    });
    expect(cal.days[0]?.entries.map((e) => [e.time, e.topicId, e.platform])).toEqual([
      ["09:00", 5, "weibo"],
      ["12:00", 3, "douyin"],
      ["12:00", 3, "kuaishou"],
      ["12:00", 9, "douyin"],
      ["12:00", 9, "kuaishou"],
    ]);
  });

  it("takes 1 to 366 days, whole numbers only, and names the first day it cannot read", () => {
    expect(buildContentCalendar({ topics: [], fromDay: "2026-11-30", days: 1, targets: {} }).days).toHaveLength(1);
    expect(buildContentCalendar({ topics: [], fromDay: "2028-01-01", days: 366, targets: {} }).days.at(-1)?.day).toBe("2028-12-31");
    for (const days of [367, 1.5, -1]) expect(() => buildContentCalendar({ topics: [], fromDay: "2026-11-30", days, targets: {} }), String(days)).toThrow(RangeError);
    const e = (() => {
      try {
        buildContentCalendar({ topics: [], fromDay: "30/11/2026", days: 7, targets: {} });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: "date.unparseable", params: { value: "30/11/2026", examples: "2026-12-03, 2026-12-03 20:30, tomorrow, 周五" } });
  });

  it("refuses a malformed first day and rejects a nonsensical length", () => {
    expect(() => buildContentCalendar({ topics: [], fromDay: "2026-02-30", days: 7, targets: {} })).toThrow(AppError);
    expect(() => buildContentCalendar({ topics: [], fromDay: "2026-11-30", days: 0, targets: {} })).toThrow(RangeError);
  });
});
