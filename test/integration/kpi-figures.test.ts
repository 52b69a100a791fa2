// Every digest figure computed from stored data and checked against the right answer worked out here by hand:
// team totals across two platforms when one is late (the partial total, the late platform named, the team
// interaction rate recomputed from its parts, followers from each platform's latest figure), one figure per
// target everywhere in the card, topics published on the report day only, reviews overdue only past their
// deadline, and the unusual-move threshold at its boundary (the documented method, 3.5 robust deviations).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importMetrics, type RawMetricRow } from "../../src/app/kpi/import-metrics.js";
import { addDays, weekdayOf } from "../../src/domain/calendar/local-day.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { draftingTopic, requestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

const TEAM = "default";
/** The report day of a digest sent on Thursday 2026-11-26 (the test clock's day). */
const DAY = "2026-11-25";

async function feed(svc: TestService, rows: RawMetricRow[]): Promise<void> {
  const report = await importMetrics(svc.deps, { teamId: TEAM, rows, source: "api", by: "test", locale: "en" });
  expect(report.errors).toEqual([]);
}

async function preview(api: ReturnType<typeof consoleClient>, user = "emma"): Promise<string> {
  const res = await api.say(user, "/kpi digest now", "kpi");
  expect(res.status, res.error).toBe(200);
  return cardText(res.messages[0]!);
}

const pct = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
const int = (x: number) => Math.round(x).toLocaleString("en-US");

describe("two platforms, one late", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  // Per platform and day k (k = 0 is 14 days before DAY): each stored metric.
  const douyin = (k: number) => ({ reads: 10_000 + 150 * k, likes: 300 + 4 * k, comments: 50 + k, favourites: 100, forwards: 50, followers: 50_000 + 40 * k });
  const weibo = (k: number) => ({ reads: 2_000 + 30 * k, likes: 200 + 2 * k, comments: 100, favourites: 50 - k, forwards: 50, followers: 20_000 + 25 * k });
  const interactions = (v: ReturnType<typeof douyin>) => v.likes + v.comments + v.favourites + v.forwards;

  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
    const rows: RawMetricRow[] = [];
    for (let k = 0; k <= 14; k++) {
      const day = addDays(DAY, k - 14);
      for (const [platform, v] of [["douyin", douyin(k)], ["weibo", weibo(k)]] as const) {
        if (platform === "weibo" && day === DAY) continue; // Weibo's figures for the report day have not arrived
        for (const [metric, value] of Object.entries(v)) rows.push({ platform, account: "main", metric, day, value });
      }
    }
    await feed(svc, rows);
  });
  afterAll(() => svc.dispose());

  it("marks the team's total partial, names the late platform, and recomputes the team interaction rate", async () => {
    const text = await preview(api);
    const y = douyin(14), b = douyin(13), bw = weibo(13), w = douyin(7), ww = weibo(7);
    // Reads: Douyin alone yesterday, marked; the day before and last week both platforms.
    expect(text).toContain(`- Reads: ${int(y.reads)} (partial: Weibo late) · ${int(b.reads + bw.reads)} · ${int(w.reads + ww.reads)}`);
    // The team rate is all interactions over all reads, never a sum or an average of the platforms' rates.
    const teamRate = (d: ReturnType<typeof douyin>, e: ReturnType<typeof weibo>) => (interactions(d) + interactions(e)) / (d.reads + e.reads);
    expect(teamRate(b, bw)).not.toBeCloseTo(interactions(b) / b.reads + interactions(bw) / bw.reads, 3);
    expect(text).toContain(`- Interaction rate: ${pct(interactions(y) / y.reads)} (partial: Weibo late) · ${pct(teamRate(b, bw))} · ${pct(teamRate(w, ww))}`);
    // Followers add each platform's latest figure: Weibo's of the day before is used, and said so.
    expect(text).toContain(`- Followers: ${int(y.followers + bw.followers)} (Weibo: figure of 11-24)`);
    expect(text).toContain("No data from Weibo for yesterday.");
  });

  it("uses one figure per target everywhere in the card: headline, pace and trend agree", async () => {
    const set = await api.say("wang.fang", "/kpi target interaction_rate +20% by 2027-05-31", "kpi");
    expect(set.status, set.error).toBe(200);
    // The tracked figure: the 7 days' interactions over their reads, each platform over its own days with data.
    let num = 0, den = 0;
    for (let k = 8; k <= 14; k++) {
      num += interactions(douyin(k));
      den += douyin(k).reads;
      if (k < 14) (num += interactions(weibo(k))), (den += weibo(k).reads);
    }
    const figure = pct(num / den);
    expect(cardText(set.messages[0]!)).toContain(`基线 ${figure}`);
    const text = await preview(api);
    expect(text).toContain(`Interaction rate (team · over 7 days) +20%: on pace. Now ${figure}, expected ${figure} today;`);
    expect(text).toContain("(Weibo late)");
    expect(text).toMatch(new RegExp(`- Interaction rate \\(team · over 7 days\\) [▁▂▃▄▅▆▇█ ]{28} ${figure.replace(".", "\\.")}\\n`));
    // The team's own daily interaction-rate trend is not shown next to it: one figure per metric and scope.
    expect(text.match(/- Interaction rate [▁▂▃▄▅▆▇█]/g)).toBeNull();
  });

  it("names each target's scope and measures it there: a platform, an account, the team", async () => {
    for (const cmd of ["/kpi target reads +10% by 2027-05-31 weibo", "/kpi target followers 60000 by 2027-05-31 douyin/main", "/kpi target new_followers 50 by 2027-05-31 team"]) {
      const res = await api.say("wang.fang", cmd, "kpi");
      expect(res.status, `${cmd}: ${res.error}`).toBe(200);
    }
    const targets = await svc.deps.db.kpiTarget.findMany({ orderBy: { id: "asc" } });
    expect(targets.map((t) => [t.metric, t.scope, t.platform, t.account])).toEqual([
      ["interaction_rate", "team", null, null], ["reads", "platform", "weibo", null], ["followers", "account", "douyin", "main"], ["new_followers", "team", null, null],
    ]);
    const text = await preview(api);
    // Weibo's own 7-day daily average: its six days before the late one.
    const weiboReads = [8, 9, 10, 11, 12, 13].reduce((s, k) => s + weibo(k).reads, 0) / 6;
    expect(text).toContain(`Reads (Weibo · 7-day daily average) +10%: on pace. Now ${int(weiboReads)}`);
    expect(text).toContain(`Followers (Douyin/main · latest) 60000: on pace. Now ${int(douyin(14).followers)},`);
    // New followers are stored by nobody here: no data, said plainly, never 0.
    expect(text).toContain("⚪ New followers (team · 7-day daily average) 50: no data to measure against the goal 50 by 2027-05-31");
  });
});

describe("figures from the bot's own records", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
  });
  afterAll(() => svc.dispose());

  it("counts the topics published on the report day, in the team's zone, and no others", async () => {
    const boss = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "wang.fang" } });
    const published = (title: string, at: string) =>
      svc.deps.db.topic.create({ data: { teamId: TEAM, title, platforms: '["douyin"]', status: "published", proposerId: boss.id, decidedById: boss.id, decidedAt: new Date(at), createdAt: new Date(at), updatedAt: new Date(at) } });
    await published("前天深夜发布", "2026-11-24T15:50:00Z"); // 11-24 23:50 Shanghai
    await published("昨天零点后发布", "2026-11-24T16:10:00Z"); // 11-25 00:10
    await published("昨天午间发布", "2026-11-25T04:00:00Z"); // 11-25 12:00
    await published("昨天深夜发布", "2026-11-25T15:59:00Z"); // 11-25 23:59
    await published("今天早上发布", "2026-11-26T01:00:00Z"); // 11-26 09:00
    await svc.deps.db.topic.create({ data: { teamId: TEAM, title: "昨天排期未发布", platforms: '["douyin"]', status: "scheduled", proposerId: boss.id, createdAt: new Date("2026-11-25T04:00:00Z"), updatedAt: new Date("2026-11-25T04:00:00Z") } });
    const text = await preview(api);
    expect(text).toContain("- Topics published: 3\n");
    // The trend's last two days are the day before (1) and the report day (3).
    expect(text).toMatch(/- Topics published [▁▂▃▄▅▆▇█]{26}▃█ 3\n/);
  });

  it("counts a review overdue only once the level it waits on is past its deadline", async () => {
    const first = await submit(api, `${await draftingTopic(api, "逾期审核一")} https://docs.example.com/a`);
    svc.clock.advance(60 * 60_000);
    const second = await submit(api, `${await draftingTopic(api, "逾期审核二")} https://docs.example.com/b`);
    const deadline = async (id: number) => (await svc.deps.db.reviewLevelState.findFirstOrThrow({ where: { reviewId: id, status: "pending" } })).deadlineAt;
    const [d1, d2] = [await deadline(first), await deadline(second)];
    expect(d1.getTime()).toBeLessThan(d2.getTime());
    // Before any deadline: two pending, none overdue.
    let text = await preview(api);
    expect(text).toContain("- Reviews pending: 2\n- Reviews overdue: 0\n");
    // Exactly at the first deadline: not yet past it.
    svc.clock.set(d1);
    expect(await preview(api)).toContain("- Reviews overdue: 0\n");
    // Just past the first deadline, before the second: one overdue, and "needs you" says so.
    svc.clock.set(new Date(d1.getTime() + 60_000));
    text = await preview(api);
    expect(text).toContain("- Reviews pending: 2\n- Reviews overdue: 1\n");
    expect(text).toContain("- 1 review overdue (2 pending)");
    svc.clock.set(new Date(d2.getTime() + 60_000));
    expect(await preview(api)).toContain("- Reviews overdue: 2\n");
  });

  it("does not count a review overdue for a level already decided, only for the level it waits on", async () => {
    // Runs after the test above: its two reviews are overdue now. A third one has level 1 approved just before
    // level 1's deadline; once that deadline has passed, the review waits on level 2, whose deadline has not.
    const third = await submit(api, `${await draftingTopic(api, "逾期审核三")} https://docs.example.com/c`);
    const levelOne = await svc.deps.db.reviewLevelState.findFirstOrThrow({ where: { reviewId: third, level: 1 } });
    svc.clock.set(new Date(levelOne.deadlineAt.getTime() - 60_000));
    const approved = await api.click("li.wei", await requestCard(api, third, 1), "review.approve");
    expect(approved.status, approved.error).toBe(200);
    const levelTwo = await svc.deps.db.reviewLevelState.findFirstOrThrow({ where: { reviewId: third, level: 2, status: "pending" } });
    svc.clock.set(new Date(levelOne.deadlineAt.getTime() + 60_000));
    expect(levelTwo.deadlineAt.getTime()).toBeGreaterThan(svc.clock.now().getTime());
    expect(await preview(api)).toContain("- Reviews pending: 3\n- Reviews overdue: 2\n");
    svc.clock.set(new Date(levelTwo.deadlineAt.getTime() + 60_000));
    expect(await preview(api)).toContain("- Reviews pending: 3\n- Reviews overdue: 3\n");
  });
});

// The documented method (/help kpi): the usual value of a weekday is the median of that weekday's ordinary days
// in the 8 weeks before; each day's residual is log(value / usual), its own day left out of its usual; the report
// day's residual is scored against them by (r − median) / Qn, and a move is unusual beyond 3.5 (and 20% off).
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
function qn(xs: number[]): number {
  const d: number[] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) d.push(Math.abs(xs[i]! - xs[j]!));
  d.sort((a, b) => a - b);
  const n = xs.length, h = (n >> 1) + 1;
  return 2.2219 * (n % 2 ? n / (n + 1.4) : n / (n + 3.8)) * d[(h * (h - 1)) / 2 - 1]!;
}

describe("the unusual-move threshold at its boundary", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  // National Day 2026 (Oct 1-7) and its make-up Saturday (Oct 10) fall in the 8 weeks: left out of the method.
  const offDays = new Set(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-10"]);
  // 8 weeks of reads before DAY: a weekly rhythm with a fixed ±10% wobble, and half the traffic on the holiday.
  const history = Array.from({ length: 56 }, (_, i) => {
    const day = addDays(DAY, i - 56);
    const rhythm = [0.65, 1, 1.05, 1.02, 0.98, 0.95, 0.7][weekdayOf(day)]!;
    return { day, value: Math.round(10_000 * rhythm * (1 + 0.1 * Math.sin(i * 2.3)) * (offDays.has(day) ? 0.5 : 1)) };
  });
  const ordinary = history.filter((h) => !offDays.has(h.day));
  /** The report day's value whose score is exactly `score` by the documented method. */
  const valueAt = (score: number) => {
    const usual = (h: { day: string } | null, wd: number) => median(ordinary.filter((p) => weekdayOf(p.day) === wd && p !== h).map((p) => p.value));
    const residuals = ordinary.map((h) => Math.log(h.value / usual(h, weekdayOf(h.day))));
    return Math.round(usual(null, weekdayOf(DAY)) * Math.exp(median(residuals) + score * qn(residuals)));
  };

  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
    const rows: RawMetricRow[] = [];
    for (const platform of ["douyin", "weibo", "bilibili", "kuaishou"]) for (const h of history) rows.push({ platform, metric: "reads", day: h.day, value: h.value });
    rows.push({ platform: "douyin", metric: "reads", day: DAY, value: valueAt(3.45) });
    rows.push({ platform: "weibo", metric: "reads", day: DAY, value: valueAt(3.55) });
    rows.push({ platform: "bilibili", metric: "reads", day: DAY, value: valueAt(-3.45) });
    rows.push({ platform: "kuaishou", metric: "reads", day: DAY, value: valueAt(-3.55) });
    await feed(svc, rows);
  });
  afterAll(() => svc.dispose());

  it("flags a move just beyond 3.5 robust deviations and not one just inside, up and down", async () => {
    const text = await preview(api);
    const moves = text.slice(text.indexOf("Unusual moves"), text.indexOf("Operations"));
    expect(moves).toContain(`⬆ Weibo Reads jumped to ${int(valueAt(3.55))}`);
    expect(moves).toContain(`⬇ Kuaishou Reads dropped to ${int(valueAt(-3.55))}`);
    expect(moves).not.toContain("Douyin");
    expect(moves).not.toContain("Bilibili");
  });

  it("states the threshold and the method in /help kpi, in both languages", async () => {
    const en = cardText((await api.say("emma", "/help kpi", "kpi")).messages[0]!);
    expect(en).toContain("usual value for that weekday (the median of the same weekday over the last 8 weeks)");
    expect(en).toContain("more than 3.5 robust standard deviations away");
    expect(en).toContain("Public holidays and make-up workdays of the team calendar are left out");
    expect(en).toContain("/kpi record <platform> <metric> <value> [day] [--account A]");
    const zh = cardText((await api.say("wang.fang", "/help kpi", "kpi")).messages[0]!);
    expect(zh).toContain("偏离超过 3.5 个稳健标准差");
    expect(zh).toContain("法定节假日和调休上班日不计入历史");
    // Another feature's help says nothing of it.
    expect(cardText((await api.say("emma", "/help topic", "kpi")).messages[0]!)).not.toContain("3.5");
  });
});
