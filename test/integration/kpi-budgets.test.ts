// Budgets (预算) as managers live them: set by name for a platform or the team, monthly, quarterly or over fixed
// days; spend from the signed intake (the spend metric, JSON and CSV) and from /kpi spend; managers warned at
// 80 %, at 100 % and when the pace projects an overspend, each once per crossing (two checks racing warn once);
// the digest and /kpi budget list show each budget's use and pace. The test clock says Thursday 2026-11-26 10:00
// Shanghai: November has 30 days and 25 of them are known (through yesterday).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIngestRequest } from "../../src/adapters/ingest/verify.js";
import { runBudgetChecks } from "../../src/app/kpi/budgets.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

const SECRET = "kpi-budget-test-secret-0123456789";
let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService({ env: { MEDIAOPS_INGEST_SECRET: SECRET } });
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function ingest(body: string, contentType: string): Promise<void> {
  const ts = String(Math.floor(svc.clock.now().getTime() / 1000));
  const res = await svc.app.inject({
    method: "POST", url: "/ingest/metrics", payload: body,
    headers: { "content-type": contentType, "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngestRequest(SECRET, ts, body) },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function ok(user: string, text: string): Promise<string> {
  const res = await api.say(user, text, "kpi");
  expect(res.status, `${text}: ${res.error}`).toBe(200);
  return cardText(res.messages[0]!);
}

/** The budget warnings `user` has been sent, oldest first. */
/** The budget warnings in `user`'s direct conversation with the bot in the console, oldest first. */
async function warnings(user: string): Promise<string[]> {
  const res = await api.read(encodeURIComponent(`@${user}`), user);
  return res.messages.map((m) => m.card?.title ?? "").filter((t) => /^(预算预警|Budget warning)/.test(t));
}

describe("budgets", () => {
  it("are set, changed and listed; bad input is refused in the sender's language and changes nothing", async () => {
    expect(await ok("wang.fang", "/kpi budget set 抖音投放 1万 --platform 抖音")).toContain("已设定预算：抖音投放（抖音） ¥10,000，每月");
    expect(await ok("wang.fang", "/kpi budget set 抖音投放 1万 --platform 抖音")).toContain("当前时段：2026-11-01 至 2026-11-30");
    expect(await ok("wang.fang", "/kpi budget set 双十一 20万 --from 2026-11-01 --to 2026-11-15")).toContain("已设定预算：双十一（全部平台） ¥200,000，固定时段");
    const list = await ok("emma", "/kpi budget list");
    expect(list).toContain("双十一 (all platforms): ¥0 of ¥200,000 (0%) in 2026-11-01–11-15, 100% of the period gone; at this pace ¥0 by 2026-11-15");
    expect(list).toContain("抖音投放 (Douyin): ¥0 of ¥10,000 (0%) in 2026-11-01–11-30, 83.3% of the period gone");
    const refused: [string, string, string][] = [
      ["wang.fang", "/kpi budget set 品牌 -5", "“-5”不是有效金额"],
      ["wang.fang", "/kpi budget set 品牌 0", "“0”不是有效金额"],
      ["wang.fang", "/kpi budget set 品牌 5万 --period 每周", "“每周”不是有效的预算周期"],
      ["wang.fang", "/kpi budget set 品牌 5万 --period month --from 2026-11-01 --to 2026-11-30", "不要同时写"],
      ["wang.fang", "/kpi budget set 品牌 5万 --from 2026-11-01", "需要同时写 --from 和 --to"],
      ["wang.fang", "/kpi budget set 品牌 5万 --from 2026-11-30 --to 2026-11-01", "结束日期（2026-11-01）早于开始日期（2026-11-30）"],
      ["wang.fang", "/kpi budget set 品牌 5万 --platform myspace", "未知平台“myspace”"],
      ["emma", "/kpi budget set brand 50000", "Only managers or admins"],
      ["wang.fang", "/kpi spend 不存在 100", "没有名为“不存在”的预算。现有预算：双十一、抖音投放。"],
      ["emma", "/kpi spend nothing 100", 'There is no budget "nothing".'],
      ["wang.fang", "/kpi spend 双十一 100 --day 2026-11-20", "2026-11-20 不在预算“双十一”的时段内（2026-11-01 至 2026-11-15）"],
      ["wang.fang", "/kpi spend 抖音投放 100 --day 2026-12-01", "2026-12-01 还没到"],
      ["li.wei", "/kpi spend 抖音投放 100", "只有"],
    ];
    for (const [user, text, message] of refused) {
      const res = await api.say(user, text, "kpi");
      expect(res.status, text).toBe(400);
      expect(res.error, text).toContain(message);
    }
    expect(await svc.deps.db.budget.count()).toBe(2);
    expect(await svc.deps.db.budgetSpend.count()).toBe(0);
    expect((await svc.deps.db.budget.findFirstOrThrow({ where: { name: "抖音投放" } })).amount).toBe(10_000);
  });

  it("count the spend metric of their platform from the intake, and /kpi spend; warn at 80 %, pace and 100 %, once each", async () => {
    // Douyin spent 240 a day on 11-01..11-25 (6,000) through the signed intake; Weibo's spend is not Douyin's budget.
    const days = Array.from({ length: 25 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);
    await ingest(JSON.stringify({ metrics: days.map((day) => ({ platform: "douyin", metric: "spend", day, value: 240 })) }), "application/json");
    await ingest(`platform,metric,day,value\nweibo,花费,2026-11-25,5000\n`, "text/csv");
    await runBudgetChecks(svc.deps);
    // 6,000 of 10,000 after 25 of 30 days: pace 7,200. Nothing to warn about.
    expect(await warnings("wang.fang")).toEqual([]);
    let list = await ok("emma", "/kpi budget list");
    expect(list).toContain("抖音投放 (Douyin): ¥6,000 of ¥10,000 (60%) in 2026-11-01–11-30, 83.3% of the period gone; at this pace ¥7,200 by 2026-11-30");

    // An agency fee of 2,000 recorded against the budget: 8,000 is 80 %; pace 9,600, still under.
    const spent = await ok("chen.jie", "/kpi spend 抖音投放 2000");
    expect(spent).toContain("已记录预算“抖音投放”花费 ¥2,000（2026-11-25）");
    expect(spent).toContain("已花费 ¥8,000 / ¥10,000（80%）");
    expect(await warnings("wang.fang")).toEqual(["预算预警：抖音投放（抖音）已用 80%"]);
    expect(await warnings("liu.yang")).toEqual(["预算预警：抖音投放（抖音）已用 80%"]);
    // Not a manager: no warning.
    expect(await warnings("chen.jie")).toEqual([]);
    // The job sees the same crossing: nothing new, however often it runs.
    await runBudgetChecks(svc.deps);
    await runBudgetChecks(svc.deps);
    expect(await warnings("wang.fang")).toHaveLength(1);

    // Yesterday's figure is re-sent higher (240 → 740): 8,500 after 25 days projects 10,200, over the amount.
    // Two checks race for the crossing: one warning.
    await ingest(JSON.stringify({ metrics: [{ platform: "douyin", metric: "spend", day: "2026-11-25", value: 740 }] }), "application/json");
    await Promise.all([runBudgetChecks(svc.deps), runBudgetChecks(svc.deps)]);
    expect(await warnings("wang.fang")).toEqual(["预算预警：抖音投放（抖音）已用 80%", "预算预警：抖音投放（抖音）按当前速度将在期末前超支"]);
    list = await ok("emma", "/kpi budget list");
    expect(list).toContain("🟠 抖音投放 (Douyin): ¥8,500 of ¥10,000 (85%)");
    expect(list).toContain("at this pace ¥10,200 by 2026-11-30: over by ¥200");

    // 1,500 more: 10,000, all of it.
    await ok("wang.fang", "/kpi spend 抖音投放 1500");
    expect((await warnings("wang.fang")).at(-1)).toBe("预算预警：抖音投放（抖音）已用完（100%）");
    await runBudgetChecks(svc.deps);
    expect(await warnings("wang.fang")).toHaveLength(3);
    expect(await warnings("liu.yang")).toHaveLength(3);
  });

  it("warn again only after the figure fell back below the line, and a team budget counts every platform", async () => {
    // The amount is raised to 20,000: 10,000 is 50 %, both lines re-armed; lowered to 12,000 it is 83 %: warned again.
    await ok("wang.fang", "/kpi budget set 抖音投放 2万 --platform 抖音");
    await ok("wang.fang", "/kpi budget set 抖音投放 1.2万 --platform 抖音");
    expect((await warnings("wang.fang")).slice(3)).toEqual(["预算预警：抖音投放（抖音）已用 80%"]);
    // A team budget counts Douyin's 6,500 and Weibo's 5,000 of the spend metric, not the entries of another budget.
    await ok("wang.fang", "/kpi budget set 全平台 10万 --period quarter");
    const list = await ok("wang.fang", "/kpi budget list");
    expect(list).toContain("全平台（全部平台）：2026-10-01–12-31 已花费 ¥11,500 / ¥100,000（11.5%）");
  });

  it("show in the digest with their use and pace, in each reader's language", async () => {
    const zh = await ok("wang.fang", "/kpi digest now");
    expect(zh).toContain("\n预算\n");
    expect(zh).toContain("- 🟠 抖音投放（抖音）：2026-11-01–11-30 已花费 ¥10,000 / ¥12,000（83.3%），时间已过 83.3%；按当前速度到 2026-11-30 将花费 ¥12,000");
    const en = await ok("emma", "/kpi digest now");
    expect(en).toContain("\nBudgets\n");
    expect(en).toContain("- 全平台 (all platforms): ¥11,500 of ¥100,000 (11.5%) in 2026-10-01–12-31");
  });
});
