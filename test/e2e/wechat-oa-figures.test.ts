// WeChat OA figures that arrive by themselves: the running service with WECHAT_OA_APP_ID/SECRET against a fake
// datacube server. First connect stores the last 30 days in the APIs' allowed spans; the next day after 08:00
// one day is fetched; nothing is fetched twice; a day whose call failed is fetched again on the next run; the
// digest shows the figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobOnce } from "../../src/jobs/scheduler.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { fakeFigures, serveDatacube } from "../support/fake-datacube.js";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";

const APP = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };
const APIS = ["getusersummary", "getusercumulate", "getuserread"] as const;

let svc: TestService;
let wx: FakeWechat;
const clock = new FakeClock("2026-11-26T02:00:00Z"); // Thursday 10:00 in Shanghai

const run = async () => {
  const job = svc.jobs.find((j) => j.id === "wechat-oa.figures");
  if (!job) throw new Error("the WeChat OA figures job is not scheduled");
  return runJobOnce(job, svc.deps);
};
const datacubeCalls = () => wx.calls.filter((c) => c.path.startsWith("/datacube/"));
const spans = (api: string) => wx.find("POST", `/datacube/${api}`).map((c) => c.json as { begin_date: string; end_date: string });
const stored = async (day: string) => {
  const rows = await svc.deps.db.metricValue.findMany({ where: { platform: "wechat_oa", account: "main", day } });
  return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
};
const expected = (day: string) => {
  const f = fakeFigures(day);
  return { new_followers: f.newUsers[0] + f.newUsers[1], unfollows: f.cancelUsers[0] + f.cancelUsers[1], followers: f.cumulate, reads: f.reads, shares: f.shares, favourites: f.favourites };
};
const daysOf = (s: { begin_date: string; end_date: string }) => (Date.parse(s.end_date) - Date.parse(s.begin_date)) / 86_400_000 + 1;

beforeAll(async () => {
  wx = await startFakeWechat({ ...APP, now: () => clock.now() });
  serveDatacube(wx, () => clock.now());
  svc = await startTestService({ clock, env: { WECHAT_OA_APP_ID: APP.appId, WECHAT_OA_APP_SECRET: APP.appSecret, WECHAT_OA_API_URL: wx.url } });
});
afterAll(async () => {
  await svc.dispose();
  await wx.close();
});

describe("WeChat OA figures from the datacube", () => {
  it("stores the last 30 days at first connect, each API within its allowed span", async () => {
    expect(await run()).toBe("ran");
    const days = await svc.deps.db.metricValue.findMany({ where: { platform: "wechat_oa" }, distinct: ["day"], select: { day: true }, orderBy: { day: "asc" } });
    expect(days.map((d) => d.day)).toHaveLength(30);
    expect(days[0]!.day).toBe("2026-10-27");
    expect(days.at(-1)!.day).toBe("2026-11-25"); // yesterday: it is past 08:00
    expect(await svc.deps.db.metricValue.count({ where: { platform: "wechat_oa" } })).toBe(30 * 6);
    for (const day of ["2026-10-27", "2026-11-08", "2026-11-25"]) expect(await stored(day)).toEqual(expected(day));
    expect(spans("getusersummary").map(daysOf)).toEqual([7, 7, 7, 7, 2]);
    expect(spans("getusercumulate").map(daysOf)).toEqual([7, 7, 7, 7, 2]);
    expect(spans("getuserread").map(daysOf)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    // Stored as pulled figures, through the same path as other intake (source recorded, audit rows written).
    expect(new Set((await svc.deps.db.metricValue.findMany({ where: { platform: "wechat_oa" } })).map((v) => v.source))).toEqual(new Set(["wechat_oa"]));
    expect(await svc.deps.db.auditLog.count({ where: { action: "kpi.pull" } })).toBe(20);
  });

  it("fetches nothing again the same day, and nothing before 08:00 the next day", async () => {
    wx.calls.length = 0;
    clock.advance(31 * 60_000);
    expect(await run()).toBe("ran");
    clock.set("2026-11-26T23:30:00Z"); // Friday 07:30 in Shanghai
    expect(await run()).toBe("ran");
    expect(datacubeCalls()).toEqual([]);
    expect(await svc.deps.db.metricValueHistory.count()).toBe(0);
  });

  it("after 08:00 the next day stores that one day", async () => {
    clock.set("2026-11-27T00:10:00Z"); // Friday 08:10 in Shanghai
    expect(await run()).toBe("ran");
    for (const api of APIS) expect(spans(api), api).toEqual([{ begin_date: "2026-11-26", end_date: "2026-11-26" }]);
    expect(await stored("2026-11-26")).toEqual(expected("2026-11-26"));
    expect(await svc.deps.db.metricValue.count({ where: { platform: "wechat_oa" } })).toBe(31 * 6);
  });

  it("a day whose call failed is fetched on the next run, and only that call", async () => {
    wx.calls.length = 0;
    clock.set("2026-11-28T00:10:00Z"); // Saturday 08:10
    wx.failNext("/datacube/getuserread", -1, "system error");
    expect(await run()).toBe("ran");
    const partial = await stored("2026-11-27");
    expect(partial).toEqual({ new_followers: expected("2026-11-27").new_followers, unfollows: expected("2026-11-27").unfollows, followers: expected("2026-11-27").followers });
    const failed = await svc.deps.db.metricPullDay.findMany({ where: { status: "failed" } });
    expect(failed.map((f) => [f.api, f.day])).toEqual([["getuserread", "2026-11-27"]]);
    const status = await svc.deps.db.metricSourceStatus.findFirstOrThrow({ where: { source: "wechat_oa" } });
    expect(JSON.parse(status.lastError!)).toMatchObject({ kind: "platform", problem: "busy", code: -1, day: "2026-11-27" });
    const sources = cardText((await consoleClient(svc.app).say("wang.fang", "/kpi sources", "kpi")).messages.at(-1)!);
    expect(sources).toContain("公众号自动拉取：最近存入 2026-11-27 的数据（2026-11-28 08:10）；1 项日数据等待下次重试；最近错误（2026-11-28 08:10）：微信接口繁忙或无法连接，下次运行会重试（错误码 -1），获取 2026-11-27 的数据时");

    wx.calls.length = 0;
    clock.advance(30 * 60_000);
    expect(await run()).toBe("ran");
    expect(datacubeCalls().map((c) => [c.path, c.json])).toEqual([["/datacube/getuserread", { begin_date: "2026-11-27", end_date: "2026-11-27" }]]);
    expect(await stored("2026-11-27")).toEqual(expected("2026-11-27"));
    expect(await svc.deps.db.metricPullDay.count({ where: { status: "failed" } })).toBe(0);
    expect(await svc.deps.db.metricValueHistory.count()).toBe(0); // no day stored twice
  });

  it("the digest shows the pulled figures", async () => {
    const api = consoleClient(svc.app);
    const res = await api.say("wang.fang", "/kpi digest now", "kpi");
    expect(res.status, res.error).toBe(200);
    const text = cardText(res.messages.at(-1)!);
    const e = expected("2026-11-27");
    expect(text).toContain(e.reads.toLocaleString("en-US"));
    expect(text).toContain(e.followers.toLocaleString("en-US"));
    expect(text).toContain("公众号");
  });
});
