// Defects found by hand in issue 16, each kept fixed by a test that failed before its fix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { REVIEWS, draftingTopic, requestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const MIN = 60_000;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function topicCard(id: number): Promise<ApiMessage> {
  const card = (await api.read("topics", "wang.fang")).messages.filter((m) => m.card?.title.startsWith(`#${id} `) && !m.ephemeral).at(-1);
  if (!card) throw new Error(`no card of topic #${id}`);
  return card;
}

describe("/review chain default", () => {
  it("makes the chosen chain catch pieces no conditioned chain matches, even with a condition-free chain beside it", async () => {
    const set = await api.say("wang.fang", "/review chain default 敏感内容审核", REVIEWS);
    expect(set.status, set.error).toBe(200);
    expect(cardText(set.messages[0]!)).toBe("审核流程“敏感内容审核”已设为默认：其他流程的条件都不匹配时使用它。");
    const topicId = await draftingTopic(api, "默认流程回归测试");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/default`);
    const review = await svc.deps.db.review.findUniqueOrThrow({ where: { id: reviewId } });
    // "standard" has no conditions: since it is no longer the default, it must not catch this piece.
    expect(review.chainName).toBe("sensitive");
    const listed = await api.say("wang.fang", "/review chain list", REVIEWS);
    expect(cardText(listed.messages[0]!)).toContain("标准审核 · 顺序 100 · 无适用条件：设为默认后才会使用");
    const saved = await api.say("wang.fang", "/review chain set 快速 编辑=或签:@li.wei,@zhang.min/4h; 终审=或签:@liu.yang,@wang.fang/4h --name 快速审核", REVIEWS);
    expect(cardText(saved.messages[0]!)).toContain("它没有适用条件，只有设为默认后才会使用：/review chain default 快速审核。");
    await api.say("wang.fang", "/review chain default standard", REVIEWS);
  });
});

describe("the topic card after a review decision", () => {
  it("names who made the decision and when, not the earlier accept", async () => {
    const topicId = await draftingTopic(api, "卡片署名回归测试"); // accepted and assigned by 王芳 at 10:00
    svc.clock.advance(30 * MIN);
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/sign`); // 10:30 by 陈杰
    expect(outcomeOf(await topicCard(topicId))).toBe("陈杰 审核中 · 11-26 10:30");
    svc.clock.advance(60 * MIN);
    const card = await requestCard(api, reviewId, 1);
    const res = await api.click("li.wei", card, "review.changes", "标题夸大"); // 11:30 by 李伟
    expect(res.status, res.error).toBe(200);
    expect(outcomeOf(await topicCard(topicId))).toBe("李伟 撰写中 · 11-26 11:30 · 标题夸大");
    svc.clock.advance(10 * MIN);
    await submit(api, `${topicId} https://docs.example.com/d/sign2`); // 11:40, the old reason is gone
    expect(outcomeOf(await topicCard(topicId))).toBe("陈杰 审核中 · 11-26 11:40");
  });
});

describe("/sla stats today", () => {
  it("counts today in the team's zone only, and says which day", async () => {
    const first = await api.say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/stats-1 昨天的留言", "sla");
    expect(first.status, first.error).toBe(200);
    svc.clock.set(new Date("2026-11-26T22:00:00Z")); // Friday 2026-11-27 06:00 in Shanghai: yesterday's item is 20 hours old
    const second = await api.say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/stats-2 今天的留言", "sla");
    expect(second.status, second.error).toBe(200);
    svc.clock.advance(MIN);
    for (const typed of ["/sla stats today", "/sla stats 今天"]) {
      const res = await api.say("wang.fang", typed, "sla");
      expect(res.status, res.error).toBe(200);
      const text = cardText(res.messages[0]!);
      expect(text.split("\n")[0]).toBe("首次响应统计 2026-11-27");
      expect(text).toContain("全部：1 条");
    }
    const week = cardText((await api.say("wang.fang", "/sla stats 7天", "sla")).messages[0]!);
    expect(week.split("\n")[0]).toBe("首次响应统计 2026-11-21 至 2026-11-27");
  });
});

describe("a CSV row with neither author nor text", () => {
  it("is refused with its line, while the good rows are stored", async () => {
    const csv = ["平台,账号,类型,编号,用户,内容,时间", "抖音,brand-douyin,评论,csv-1,小林,什么时候发货？,2026-11-26 09:30", "抖音,brand-douyin,评论,csv-2,,,2026-11-26 09:40"].join("\n");
    const res = await api.say("wang.fang", `/sla import\n${csv}`, "sla");
    expect(res.status, res.error).toBe(200);
    expect(cardText(res.messages[0]!)).toContain("第 3 行：用户和内容都为空（空行或导出有误）");
    expect(await svc.deps.db.slaItem.count({ where: { externalId: "csv-1" } })).toBe(1);
    expect(await svc.deps.db.slaItem.count({ where: { externalId: "csv-2" } })).toBe(0);
  });
});
