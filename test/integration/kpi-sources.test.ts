// /kpi sources and /kpi history through the console: each source's last day and last error in the reader's
// language (a refused CSV line, a refused typed value), the stored values of a metric with the values they
// replaced (who, when, from which source), and specific refusals for bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const HEADER = "platform,account,metric,day,value";
beforeAll(async () => {
  svc = await startTestService(); // Thursday 2026-11-26 10:00 in Shanghai
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

const say = async (user: string, text: string) => {
  const res = await api.say(user, text, "kpi");
  expect(res.status, `${text}: ${res.error}`).toBe(200);
  return cardText(res.messages.at(-1)!);
};

describe("/kpi sources", () => {
  it("lists every source before anything arrived", async () => {
    const zh = await say("wang.fang", "/kpi sources");
    expect(zh).toContain("公众号自动拉取：未连接：管理员配置公众号开发者凭据后每天自动拉取");
    expect(zh).toContain("签名推送接口：尚未存入数据；无错误");
    expect(zh).toContain("CSV 导入：尚未存入数据；无错误");
    expect(zh).toContain("手动录入：尚未存入数据；无错误");
    expect(await say("emma", "/kpi sources")).toContain("Typed (/kpi record): nothing stored yet; no errors");
  });

  it("shows the last day each source stored and its last refusal, in the reader's language", async () => {
    await say("wang.fang", "/kpi record douyin reads 1200 2026-11-24");
    await say("chen.jie", `/kpi import\n${HEADER}\ndouyin,main,reads,2026-11-25,1500`);
    const refused = await api.say("chen.jie", `/kpi import\n${HEADER}\ndouyin,main,reads,2026-11-25,1600\nmyspace,main,reads,2026-11-25,3`, "kpi");
    expect(refused.status).toBe(200); // a refused batch is a report
    const bad = await api.say("wang.fang", "/kpi record douyin reads 5 2026-12-01", "kpi");
    expect(bad.status).toBe(400);

    const zh = await say("wang.fang", "/kpi sources");
    expect(zh).toMatch(/CSV 导入：最近存入 2026-11-25 的数据（2026-11-26 10:00）；最近错误（2026-11-26 10:00）：第 3 行：未知平台“myspace”/);
    expect(zh).toMatch(/手动录入：最近存入 2026-11-24 的数据（2026-11-26 10:00）；最近错误（2026-11-26 10:00）：2026-12-01 还没到（今天是 2026-11-26）/);
    const en = await say("emma", "/kpi sources");
    expect(en).toContain('CSV import: last day stored 2026-11-25');
    expect(en).toContain('line 3: Unknown platform "myspace"');
    expect(en).toContain("2026-12-01 is in the future (today is 2026-11-26)");
    // The refused batch stored nothing.
    expect((await svc.deps.db.metricValue.findFirstOrThrow({ where: { platform: "douyin", day: "2026-11-25" } })).value).toBe(1500);
  });
});

describe("/kpi history", () => {
  it("shows stored values newest first, with the values they replaced, who and from which source", async () => {
    svc.clock.advance(60 * 60_000); // 11:00
    await say("wang.fang", "/kpi record douyin reads 1300 2026-11-24");
    const zh = await say("wang.fang", "/kpi history 阅读量 --platform 抖音 --days 7");
    expect(zh).toContain("阅读量历史：抖音，2026-11-19 至 2026-11-26");
    const lines = zh.split("\n");
    const i25 = lines.findIndex((l) => l.startsWith("2026-11-25 抖音"));
    const i24 = lines.findIndex((l) => l.startsWith("2026-11-24 抖音"));
    expect(i25).toBeGreaterThan(0);
    expect(i24).toBeGreaterThan(i25);
    expect(lines[i25]).toContain("1,500（CSV 导入，");
    expect(lines[i24]).toContain("2026-11-24 抖音：1,300（手动录入，王芳，11-26 11:00）");
    expect(lines[i24]).toContain("11-26 11:00 由王芳将 1,200（手动录入）替换为 1,300");
    const en = await say("emma", "/kpi history reads --platform douyin");
    expect(en).toContain("replaced 1,200 (Typed (/kpi record)) with 1,300 at 11-26 03:00 by 王芳"); // in emma's own zone (UTC)
  });

  it("says when nothing is stored, and refuses bad input specifically", async () => {
    expect(await say("wang.fang", "/kpi history 收藏")).toContain("近 14 天没有存储的数据。");
    const cases: [string, string, string][] = [
      ["wang.fang", "/kpi history karma", "未知指标“karma”"],
      ["wang.fang", "/kpi history 阅读量 --days 0", "“0”不是有效的天数。请写 1 到 90 之间的整数"],
      ["wang.fang", "/kpi history 阅读量 --days 200", "“200”不是有效的天数"],
      ["emma", "/kpi history reads --days a-week", '"a-week" is not a number of days. Give a whole number from 1 to 90'],
      ["wang.fang", "/kpi history 阅读量 --platform myspace", "未知平台“myspace”"],
      ["wang.fang", "/kpi history 互动率", "互动率由点赞、评论、收藏、转发、阅读量计算得出"],
    ];
    for (const [user, text, message] of cases) {
      const res = await api.say(user, text, "kpi");
      expect(res.status, text).toBe(400);
      expect(res.error, text).toContain(message);
    }
  });
});
