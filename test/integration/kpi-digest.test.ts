// The KPI digest end to end: commands through the console, the digest job with a FakeClock, two time zones,
// China's holidays and make-up days, catch-up after an outage, and two schedulers sending once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueDigests } from "../../src/app/kpi/run-due-digests.js";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";
import { FakeClock } from "../fakes/fake-clock.js";

async function digests(api: ReturnType<typeof consoleClient>, channel: string): Promise<ApiMessage[]> {
  const res = await api.read(channel, "wang.fang");
  return res.messages.filter((m) => m.card && /^(每日数据简报|Daily KPI digest)/.test(m.card.title) && !m.ephemeral);
}

describe("kpi commands and the digest content", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
  });
  afterAll(() => svc.dispose());

  it("records a value and keeps the history when it is re-sent", async () => {
    const first = await api.say("wang.fang", "/kpi record douyin reads 12,345", "kpi");
    expect(first.status, first.error).toBe(200);
    expect(cardText(first.messages[0]!)).toContain("已记录：抖音 阅读量 2026-11-25 = 12,345");
    // Without a day the reply says which day was stored (it is Thursday 2026-11-26 today).
    expect(cardText(first.messages[0]!)).toContain("未写日期，已按昨天（2026-11-25）记录。");
    const again = await api.say("wang.fang", "/kpi record 抖音 阅读量 13000 2026-11-25", "kpi");
    expect(cardText(again.messages[0]!)).toContain("已替换原值 12,345");
    expect(cardText(again.messages[0]!)).not.toContain("未写日期");
    const history = await svc.deps.db.metricValueHistory.findMany();
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([[12345, 13000]]);
    const audit = await svc.deps.db.auditLog.findMany({ where: { action: "kpi.record" } });
    expect(audit).toHaveLength(2);
  });

  it("refuses bad input with a clear sentence and stores nothing", async () => {
    const before = await svc.deps.db.metricValue.count();
    const cases: [string, string, string][] = [
      ["wang.fang", "/kpi record douyin karma 5", "未知指标“karma”"],
      ["wang.fang", "/kpi record myspace reads 5", "未知平台“myspace”"],
      ["wang.fang", "/kpi record douyin reads lots", "“lots”不是数字"],
      ["wang.fang", "/kpi record douyin reads 5 2026-12-01", "2026-12-01 还没到（今天是 2026-11-26）"],
      ["wang.fang", "/kpi record douyin 互动率 3%", "互动率由点赞、评论、收藏、转发、阅读量计算得出"],
      ["emma", "/kpi record douyin reads 5 2026-02-30", '"2026-02-30" is not a day.'],
      ["wang.fang", "/kpi target reads +25% by 2026-02-30", "“2026-02-30”不是可行的截止日期"],
      ["wang.fang", "/kpi target reads +25% by 2026-11-01", "不是可行的截止日期"],
      ["wang.fang", "/kpi target followers +30% by 2027-05-31", "粉丝总数还没有数据"],
      ["wang.fang", "/kpi subscribe --tz Mars/Olympus", "“Mars/Olympus”不是时区"],
      ["wang.fang", "/kpi subscribe --time 25:00", "“25:00”不是时间"],
    ];
    for (const [user, text, message] of cases) {
      const res = await api.say(user, text, "kpi");
      expect(res.status, text).toBe(400);
      expect(res.error, text).toContain(message);
    }
    expect(await svc.deps.db.metricValue.count()).toBe(before);
    expect(await svc.deps.db.kpiTarget.count()).toBe(0);
    expect(await svc.deps.db.digestSubscription.count()).toBe(0);
  });

  it("sets a target from the current baseline and shows its pace in the preview", async () => {
    for (let i = 1; i <= 28; i++) {
      const day = new Date(Date.UTC(2026, 10, 25 - i)).toISOString().slice(0, 10);
      await svc.deps.db.metricValue.create({ data: { teamId: "default", platform: "douyin", account: "main", metric: "reads", day, value: 10_000 + (i % 5) * 100, source: "api", updatedAt: svc.clock.now() } });
      await svc.deps.db.metricValue.create({ data: { teamId: "default", platform: "weibo", account: "main", metric: "reads", day, value: 2_000 + (i % 3) * 50, source: "api", updatedAt: svc.clock.now() } });
    }
    const res = await api.say("wang.fang", "/kpi target reads +25% by 2027-05-26", "kpi");
    expect(res.status, res.error).toBe(200);
    expect(cardText(res.messages[0]!)).toContain("已设定目标：阅读量 +25%，截止 2027-05-26");
    const preview = await api.say("emma", "/kpi digest now", "kpi");
    expect(preview.status, preview.error).toBe(200);
    const text = cardText(preview.messages[0]!);
    expect(preview.messages[0]!.ephemeral).toBe(true);
    expect(text).toContain("Preview (only you see this)");
    expect(text).toContain("Reads (team · 7-day daily average) +25%:");
    expect(text).toContain("Douyin · Yesterday · day before · same weekday last week");
    expect(text).toContain("- Reads: 13,000 ▲ 28.7% · 10,100 · 10,200 ▲ 27.5%");
    expect(text).toContain("No data from Weibo for yesterday.");
    // The team's total without Weibo is marked partial and names it, with no arrows against whole days.
    expect(text).toContain("- Reads: 13,000 (partial: Weibo late) · 12,150 · 12,250");
    expect(text).toMatch(/⬆ Douyin Reads jumped to 13,000 \(usual on Wednesdays: 10,250\)/);
    expect(text).not.toMatch(/Weibo[^\n]*: 0\b/);
  });
});

describe("the digest schedule (FakeClock)", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    // Wednesday 2026-09-30 10:00 Shanghai, the eve of National Day.
    svc = await startTestService({ clock: new FakeClock("2026-09-30T02:00:00Z") });
    api = consoleClient(svc.app);
    const sh = await api.say("wang.fang", "/kpi subscribe --time 09:00 --tz Asia/Shanghai", "kpi");
    expect(sh.status, sh.error).toBe(200);
    expect(cardText(sh.messages[0]!)).toContain("下次发送：2026-10-08 09:00");
    const ldn = await api.say("emma", "/kpi subscribe --time 09:00 --tz Europe/London", "general");
    expect(ldn.status).toBe(400); // emma is an operator: subscriptions are for managers
    const ldn2 = await api.say("liu.yang", "/kpi subscribe --tz Europe/London --workdays yes", "general");
    expect(ldn2.status, ldn2.error).toBe(200);
  });
  afterAll(() => svc.dispose());

  const at = async (iso: string) => {
    svc.clock.set(iso);
    return runDueDigests(svc.deps);
  };

  it("sends at 09:00 in each subscription's own zone", async () => {
    expect((await at("2026-09-30T07:59:00Z")).sent).toEqual([]);
    // 09:00 in London (BST, UTC+1) on 2026-09-30; Shanghai's 09:00 passed before the subscription existed.
    const r = await at("2026-09-30T08:00:00Z");
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]).toMatch(/^kpi\.digest:.+:2026-09-30$/);
    const general = await digests(api, "general");
    expect(general).toHaveLength(1);
    expect(cardText(general[0]!)).toContain("每日数据简报 · 演示内容团队 · 2026-09-29");
    expect(await digests(api, "kpi")).toHaveLength(0);
  });

  it("skips National Day in both zones (the team calendar's holidays)", async () => {
    for (let d = 1; d <= 7; d++) {
      const day = `2026-10-0${d}`;
      expect((await at(`${day}T12:00:00Z`)).sent, day).toEqual([]);
    }
    expect(await digests(api, "kpi")).toHaveLength(0);
  });

  it("sends on Thursday 10-08 after the holiday, and on the make-up Saturday 10-10", async () => {
    expect((await at("2026-10-08T00:59:00Z")).sent).toEqual([]);
    expect((await at("2026-10-08T01:00:00Z")).sent).toHaveLength(1);
    expect((await at("2026-10-10T01:00:00Z")).sent).toHaveLength(1);
    const kpi = await digests(api, "kpi");
    expect(kpi).toHaveLength(2);
    expect(cardText(kpi[1]!)).toContain("每日数据简报 · 演示内容团队 · 2026-10-09");
    expect(cardText(kpi[1]!)).toContain("订阅的平台昨天都还没有数据。");
    expect((await at("2026-10-11T03:00:00Z")).sent).toEqual([]); // Sunday
  });

  it("catches up today's missed digest once after an outage, never the days before", async () => {
    // Down from Sunday night to Tuesday 15:00 Shanghai: Monday's digest is not replayed, Tuesday's goes out once.
    const r = await at("2026-10-13T07:00:00Z");
    expect(r.sent.filter((k) => k.endsWith("2026-10-13"))).toHaveLength(1);
    expect(r.sent.some((k) => k.endsWith("2026-10-12"))).toBe(false);
    expect((await at("2026-10-13T07:01:00Z")).sent).toEqual([]);
    expect(await svc.deps.db.digestRun.count({ where: { localDay: "2026-10-12" } })).toBe(0);
  });

  it("sends once with two schedulers running at the same time", async () => {
    svc.clock.set("2026-10-14T01:00:30Z");
    const [a, b] = await Promise.all([runDueDigests(svc.deps), runDueDigests(svc.deps)]);
    expect([...a.sent, ...b.sent]).toEqual([expect.stringMatching(/2026-10-14$/)]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    const kpi = await digests(api, "kpi");
    expect(kpi.filter((m) => cardText(m).includes("· 2026-10-13\n")).length).toBe(1);
    expect(await svc.deps.db.digestRun.count({ where: { localDay: "2026-10-14" } })).toBe(1);
  });

  it("leaves a slot alone when another replica has claimed its run key", async () => {
    const sub = await svc.deps.db.digestSubscription.findFirstOrThrow({ where: { timezone: "Asia/Shanghai" } });
    await svc.deps.db.digestRun.create({ data: { runKey: `kpi.digest:${sub.id}:2026-10-15`, subscriptionId: sub.id, localDay: "2026-10-15", createdAt: svc.clock.now() } });
    const before = (await digests(api, "kpi")).length;
    expect((await at("2026-10-15T01:05:00Z")).sent).toEqual([]);
    expect((await digests(api, "kpi")).length).toBe(before);
  });
});
