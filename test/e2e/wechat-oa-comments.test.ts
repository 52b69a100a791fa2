// WeChat OA article comments in, against the fake WeChat API on loopback (documented shapes): the real service's
// poll job finds the articles through datacube/getarticlesummary, reads comment/list in pages of 49, files each
// new comment as an SLA item of kind comment whose card the sweep posts; a comment answered in the WeChat
// backend closes its item at the reply's time; an expired token is refreshed once; two replicas on one database
// polling at once store each comment once; /sla sources reports the poll in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSlaSweep } from "../../src/app/sla/sweep.js";
import { COMMENT_POLL_JOB } from "../../src/adapters/wechat-oa/poll-job.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startFakeWechat, type FakeArticle, type FakeComment, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";
import { until } from "../support/wait.js";

const APP = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };

let wx: FakeWechat;
let svc: TestService;
let con: ReturnType<typeof consoleClient>;
/** The first test's comment, answered in the backend by the second. */
let first: { comment: FakeComment; externalId: string };
const clock = new FakeClock("2026-11-26T02:00:00Z"); // Thursday 10:00 in Shanghai

const env = () => ({ WECHAT_OA_APP_ID: APP.appId, WECHAT_OA_APP_SECRET: APP.appSecret, WECHAT_OA_API_URL: wx.url, WECHAT_OA_ACCOUNT: "gh_demo_oa" });
const pollOf = (s: TestService) => s.jobs.find((j) => j.id === COMMENT_POLL_JOB)!;
const poll = (s: TestService = svc) => pollOf(s).run();
const itemOf = (externalId: string) => svc.deps.db.slaItem.findFirst({ where: { platform: "wechat_oa", externalId } });
const extId = (a: FakeArticle, commentId: number) => `${a.msgDataId}_${a.n - 1}_${commentId}`;
const sources = async (user: string) => {
  const res = await con.say(user, "/sla sources", "sla");
  expect(res.status).toBe(200);
  return cardText(res.messages.at(-1)!);
};

beforeAll(async () => {
  wx = await startFakeWechat({ ...APP, now: () => clock.now() });
  svc = await startTestService({ clock, env: env() });
  con = consoleClient(svc.app);
});
afterAll(async () => {
  await svc.dispose();
  await wx.close();
});

describe("WeChat OA comment polling", () => {
  it("runs as a job every WECHAT_OA_POLL_MINUTES (one slot per interval across replicas)", () => {
    const job = pollOf(svc);
    expect(job.slot!(new Date("2026-11-26T02:00:00Z"))).toBe(job.slot!(new Date("2026-11-26T02:09:59Z")));
    expect(job.slot!(new Date("2026-11-26T02:10:00Z"))).not.toBe(job.slot!(new Date("2026-11-26T02:09:59Z")));
  });

  it("files a new comment as an SLA item of kind comment at the comment's time, and the sweep posts its card", async () => {
    const a = wx.addArticle({ msgDataId: 2247483650, n: 2, refDate: "2026-11-25", title: "空气炸锅测评" });
    const comment = wx.addComment(a, { id: 11, openid: "o_reader_lin", at: new Date("2026-11-26T01:30:00Z"), content: "能用来烤红薯吗？" });
    first = { comment, externalId: extId(a, 11) };
    await poll();
    const row = await itemOf(extId(a, 11));
    expect(row).toMatchObject({ account: "gh_demo_oa", kind: "comment", author: "o_reader_lin", text: "能用来烤红薯吗？", source: "wechat_oa_comments", status: "open" });
    expect(row!.createdAt.toISOString()).toBe("2026-11-26T01:30:00.000Z");
    // What a reply through comment/reply/add needs: msg_data_id, the 0-based index, user_comment_id.
    expect(row).toMatchObject({ msgDataId: "2247483650", articleIndex: 1, userCommentId: "11" });
    // comment/list was asked with the msgid's 1-based n as the 0-based index, in pages under 50.
    const list = wx.find("POST", "/cgi-bin/comment/list").map((c) => c.json);
    expect(list).toContainEqual({ msg_data_id: 2247483650, index: 1, begin: 0, count: 49, type: 0 });

    // Polling again stores nothing new.
    await poll();
    expect(await svc.deps.db.slaItem.count({ where: { source: "wechat_oa_comments" } })).toBe(1);

    // The card comes like every SLA item's: the owner is reminded at the first warning.
    const schedule = JSON.parse(row!.scheduleJson) as { warnings: string[] };
    clock.set(schedule.warnings[0]!);
    await runSlaSweep(svc.deps);
    const cards = (await con.read("sla", "chen.jie")).messages.filter((m) => m.card?.title.includes(`#${row!.id}`));
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0]!)).toContain("能用来烤红薯吗？");
  });

  it("answers a polled comment from its card: Reply sends comment/reply/add with the comment's own ids, and the card shows it answered", async () => {
    const a = wx.addArticle({ msgDataId: 2247483655, n: 3, refDate: "2026-11-25", title: "冬季护肤清单" });
    wx.addComment(a, { id: 42, openid: "o_reader_wu", at: new Date(clock.now().getTime() - 5 * 60_000), content: "敏感肌能用吗？" });
    await poll();
    const row = (await itemOf(extId(a, 42)))!;
    expect((await con.say("chen.jie", `/sla show ${row.id}`, "sla")).status).toBe(200);
    const card = (await con.read("sla", "chen.jie")).messages.filter((m) => m.card?.title.endsWith(`· #${row.id}`)).at(-1)!;
    wx.calls.length = 0;
    expect((await con.click("chen.jie", card, "sla.reply", "可以的，无香精配方。")).status).toBe(200);
    // The article's 1-based n is the 0-based index 2; the comment's id as WeChat gave it.
    expect(wx.find("POST", "/cgi-bin/comment/reply/add").map((c) => c.json)).toEqual([{ msg_data_id: 2247483655, index: 2, user_comment_id: 42, content: "可以的，无香精配方。" }]);
    const answered = await until("the card to show the reply", async () =>
      (await con.read("sla", "chen.jie")).messages.find((m) => m.card?.title === `已回复 · #${row.id}`),
    );
    expect(cardText(answered)).toContain("可以的，无香精配方。");
    expect(cardText(answered)).toMatch(/响应用时 5分钟/);
    expect(await itemOf(extId(a, 42))).toMatchObject({ status: "answered", replyStatus: "sent" });
  });

  it("closes an item answered in the WeChat backend as answered at the reply's time, and its card says so", async () => {
    const row = (await itemOf(first.externalId))!;
    const replyAt = new Date(clock.now().getTime() - 60_000);
    first.comment.reply = { content: "可以的，200 度 40 分钟。", create_time: Math.floor(replyAt.getTime() / 1000) };
    await poll();
    const closed = (await itemOf(row.externalId))!;
    expect(closed).toMatchObject({ status: "answered", answer: "可以的，200 度 40 分钟。", answeredById: null, nextReminderAt: null });
    expect(closed.answeredAt!.toISOString()).toBe(replyAt.toISOString());
    const card = await until("the card to show the answer", async () => (await con.read("sla", "chen.jie")).messages.find((m) => m.card?.title === `已回复 · #${row.id}`));
    expect(cardText(card)).toContain("可以的，200 度 40 分钟。");
    expect(card.card!.blocks.some((b) => b.type === "actions")).toBe(false);
    // A comment already answered when first seen is stored and closed at once (its response time counts).
    const b = wx.addArticle({ msgDataId: 2247483651, n: 1, refDate: "2026-11-24" });
    wx.addComment(b, { id: 5, at: new Date("2026-11-25T02:00:00Z"), content: "好文", reply: { content: "谢谢", at: new Date("2026-11-25T03:00:00Z") } });
    await poll();
    expect(await itemOf(extId(b, 5))).toMatchObject({ status: "answered", answer: "谢谢", answeredAt: new Date("2026-11-25T03:00:00Z") });
  });

  it("reads an article with more than 49 comments page by page (begin 0, 49, 98)", async () => {
    const a = wx.addArticle({ msgDataId: 2247483660, n: 1, refDate: "2026-11-23" });
    for (let i = 1; i <= 120; i++) wx.addComment(a, { id: 1000 + i, at: new Date("2026-11-26T00:00:00Z"), content: `留言 ${i}` });
    wx.calls.length = 0;
    await poll();
    const pages = wx.find("POST", "/cgi-bin/comment/list").map((c) => c.json as { msg_data_id: number; begin: number; count: number }).filter((j) => j.msg_data_id === 2247483660);
    expect(pages.map((p) => [p.begin, p.count])).toEqual([[0, 49], [49, 49], [98, 49]]);
    expect(await svc.deps.db.slaItem.count({ where: { externalId: { startsWith: "2247483660_0_" } } })).toBe(120);
  });

  it("refreshes an expired token once and polls on", async () => {
    const a = wx.addArticle({ msgDataId: 2247483670, n: 1, refDate: "2026-11-26" });
    wx.addComment(a, { id: 7, at: new Date(clock.now().getTime() - 600_000), content: "令牌过期后的留言" });
    const forced = wx.forcedRefreshes();
    wx.expireToken();
    wx.calls.length = 0;
    await poll();
    expect(wx.forcedRefreshes()).toBe(forced + 1);
    expect(wx.find("POST", "/cgi-bin/stable_token").filter((c) => (c.json as { force_refresh: boolean }).force_refresh)).toHaveLength(1);
    expect(await itemOf(extId(a, 7))).toMatchObject({ status: "open", text: "令牌过期后的留言" });
  });

  it("stores each comment once when two replicas on one database poll at the same moment", async () => {
    const other = await startTestService({ clock, databaseUrl: svc.databaseUrl, env: env() });
    try {
      const a = wx.addArticle({ msgDataId: 2247483680, n: 1, refDate: "2026-11-22" });
      for (let i = 1; i <= 60; i++) wx.addComment(a, { id: 2000 + i, at: new Date("2026-11-26T00:30:00Z"), content: `并发 ${i}` });
      // Both replicas read the page before either stores anything: the database has to decide.
      const release = wx.hold((c) => c.path === "/cgi-bin/comment/list" && (c.json as { msg_data_id: number }).msg_data_id === 2247483680 && (c.json as { begin: number }).begin === 49);
      const runs = Promise.all([poll(svc), poll(other)]);
      await until("both replicas to read the last page", () => wx.find("POST", "/cgi-bin/comment/list").filter((c) => (c.json as { msg_data_id: number; begin: number }).msg_data_id === 2247483680 && (c.json as { begin: number }).begin === 49).length >= 2);
      release();
      const outcomes = (await runs) as ({ added: number; rejected: number } | undefined)[];
      expect(outcomes.every((o) => o !== undefined && o.rejected === 0)).toBe(true); // neither run failed
      expect(outcomes.reduce((n, o) => n + o!.added, 0)).toBe(60);
      expect(await svc.deps.db.slaItem.count({ where: { externalId: { startsWith: "2247483680_0_" } } })).toBe(60);
    } finally {
      await other.stopKeepingData();
    }
  });

  it("/sla sources shows the poll's last success and items, and its last error in the reader's language", async () => {
    const zh = await sources("wang.fang");
    expect(zh).toContain("公众号文章留言（定时拉取） · 每 10 分钟拉取近 7 天文章的留言 · 上次成功拉取 2026-11-");
    expect(zh).toMatch(/公众号文章留言（定时拉取）[^\n]*共 \d+ 条/);
    expect(zh).toContain("签名接口推送 · 尚无记录 · 共 0 条");
    wx.refuseIp("203.0.113.7");
    try {
      await poll();
    } finally {
      wx.refuseIp(undefined);
    }
    expect(await sources("wang.fang")).toContain("服务器地址 203.0.113.7 不在公众号的白名单中");
    expect(await sources("emma")).toContain("this server's IP 203.0.113.7 is not on the account's IP whitelist");
    const row = await svc.deps.db.setting.findUniqueOrThrow({ where: { key: "sla.source:wechat_oa_comments" } });
    expect(JSON.parse(row.value)).toMatchObject({ error: { problem: "ip_whitelist", code: 40164, ip: "203.0.113.7" } });
  });
});
