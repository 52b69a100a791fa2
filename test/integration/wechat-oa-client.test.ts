// The WeChat OA API client against the fake WeChat server: the token from stable_token kept in the database
// and shared by replicas, renewed before it expires, one forced refresh and one retry on a token error, the
// IP named on 40164, -1 left to the caller to retry later, comment pages under 50, msgid's 1-based n.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { articlesOfDay } from "../../src/adapters/wechat-oa/articles-api.js";
import { allComments, listComments } from "../../src/adapters/wechat-oa/comments-api.js";
import { WechatApiError } from "../../src/adapters/wechat-oa/errors.js";
import { createWechatOaClient } from "../../src/adapters/wechat-oa/start-api.js";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";

const APP = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };

let svc: TestService;
let wx: FakeWechat;
const client = () => createWechatOaClient(svc.deps, { ...APP, apiUrl: wx.url });
const tokenCalls = () => wx.find("POST", "/cgi-bin/stable_token");
const forcedCalls = () => tokenCalls().filter((c) => (c.json as { force_refresh?: boolean }).force_refresh === true);

beforeAll(async () => {
  svc = await startTestService();
  wx = await startFakeWechat({ ...APP, now: () => svc.clock.now() });
  const a = wx.addArticle({ msgDataId: 2247483653, n: 1, refDate: "2026-11-25" });
  wx.addComment(a, { id: 1, at: new Date("2026-11-25T03:00:00Z"), content: "第一条" });
});
afterAll(async () => {
  await wx.close();
  await svc.dispose();
});
afterEach(async () => {
  wx.calls.length = 0;
  wx.refuseIp(undefined);
  await svc.deps.db.wechatOaToken.deleteMany();
});

const article = { msgDataId: "2247483653", index: 0 };

describe("the access token", () => {
  it("is fetched once in normal mode, stored in the database and used by every replica", async () => {
    const page = await listComments(client(), article, 0);
    expect(page.comments.map((c) => c.content)).toEqual(["第一条"]);
    expect(tokenCalls()).toHaveLength(1);
    expect(tokenCalls()[0]!.json).toEqual({ grant_type: "client_credential", appid: APP.appId, secret: APP.appSecret, force_refresh: false });
    const row = await svc.deps.db.wechatOaToken.findUniqueOrThrow({ where: { appId: APP.appId } });
    expect(row.accessToken).toBe(wx.currentToken());
    expect(row.expiresAt.getTime() - svc.clock.now().getTime()).toBe(7200_000);
    // A second client (another replica, or after a restart) reads it from the database.
    await listComments(client(), article, 0);
    expect(tokenCalls()).toHaveLength(1);
    expect(wx.find("POST", "/cgi-bin/comment/list").map((c) => c.query.get("access_token"))).toEqual([row.accessToken, row.accessToken]);
  });

  it("is fetched again five minutes before it expires, not earlier", async () => {
    const c = client();
    await listComments(c, article, 0);
    svc.clock.advance(7200_000 - 300_000 - 1000);
    await listComments(c, article, 0);
    expect(tokenCalls()).toHaveLength(1);
    svc.clock.advance(2000);
    await listComments(c, article, 0);
    expect(tokenCalls()).toHaveLength(2);
    expect(forcedCalls()).toHaveLength(0);
  });

  it("an expired token gets one forced refresh and the call is tried once more", async () => {
    const c = client();
    await listComments(c, article, 0);
    const old = wx.currentToken();
    wx.expireToken();
    const page = await listComments(c, article, 0);
    expect(page.total).toBe(1);
    expect(forcedCalls()).toHaveLength(1);
    const lists = wx.find("POST", "/cgi-bin/comment/list").map((x) => x.query.get("access_token"));
    expect(lists).toEqual([old, old, wx.currentToken()]);
    expect(wx.currentToken()).not.toBe(old);
    expect((await svc.deps.db.wechatOaToken.findUniqueOrThrow({ where: { appId: APP.appId } })).accessToken).toBe(wx.currentToken());
  });

  it("a token refused again after the refresh is an error, not a loop", async () => {
    const c = client();
    await listComments(c, article, 0);
    svc.clock.advance(60_000); // past WeChat's 30-second spacing of forced refreshes
    wx.failNext("/cgi-bin/comment/list", 40001, "invalid credential, access_token is invalid or not latest");
    wx.failNext("/cgi-bin/comment/list", 40001, "invalid credential, access_token is invalid or not latest");
    const err = await listComments(c, article, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect((err as WechatApiError).info).toMatchObject({ problem: "token", code: 40001, retryable: false });
    expect(forcedCalls()).toHaveLength(1);
    expect(wx.find("POST", "/cgi-bin/comment/list")).toHaveLength(3);
  });

  it("two replicas refused at once force one refresh between them", async () => {
    const [a, b] = [client(), client()];
    await listComments(a, article, 0);
    svc.clock.advance(60_000);
    wx.expireToken();
    const results = await Promise.allSettled([listComments(a, article, 0), listComments(b, article, 0)]);
    expect(forcedCalls()).toHaveLength(1);
    // The loser may have read the old token before the winner's refresh landed: its caller tries again later.
    for (const r of results) if (r.status === "rejected") expect((r.reason as WechatApiError).isTokenError).toBe(true);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    await expect(listComments(b, article, 0)).resolves.toMatchObject({ total: 1 });
    expect(forcedCalls()).toHaveLength(1);
  });
});

describe("errors", () => {
  it("40164 names the server's IP and is not retried", async () => {
    wx.refuseIp("203.0.113.7");
    const err = (await listComments(client(), article, 0).catch((e: unknown) => e)) as WechatApiError;
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err.info).toEqual({ problem: "ip_whitelist", code: 40164, ip: "203.0.113.7", retryable: false });
    expect(err.message).toContain("203.0.113.7");
    expect(err.message).toContain("IP白名单");
    expect(wx.calls).toHaveLength(1);
  });

  it("-1 (system busy) is thrown as retryable after one call: the caller tries again later", async () => {
    const c = client();
    await listComments(c, article, 0);
    wx.calls.length = 0;
    wx.failNext("/cgi-bin/comment/list", -1, "system error");
    const err = (await listComments(c, article, 0).catch((e: unknown) => e)) as WechatApiError;
    expect(err.info).toMatchObject({ problem: "busy", code: -1, retryable: true });
    expect(wx.calls).toHaveLength(1);
    await expect(listComments(c, article, 0)).resolves.toMatchObject({ total: 1 });
  });

  it("an unreachable server is retryable and the secret stays out of the message", async () => {
    const c = createWechatOaClient(svc.deps, { ...APP, apiUrl: "http://127.0.0.1:9" });
    const err = (await listComments(c, article, 0).catch((e: unknown) => e)) as WechatApiError;
    expect(err.info).toMatchObject({ problem: "busy", retryable: true });
    expect(err.message).not.toContain(APP.appSecret);
  });

  it("a wrong AppSecret is a credentials problem", async () => {
    const c = createWechatOaClient(svc.deps, { ...APP, appSecret: "f".repeat(32), apiUrl: wx.url });
    const err = (await listComments(c, article, 0).catch((e: unknown) => e)) as WechatApiError;
    expect(err.info).toMatchObject({ problem: "credentials", code: 40125 });
  });
});

describe("articles and comments", () => {
  it("reads every page with count under 50", async () => {
    const a = wx.addArticle({ msgDataId: 1200300, n: 3, refDate: "2026-11-24" });
    for (let i = 1; i <= 120; i++) wx.addComment(a, { id: 5000 + i, at: new Date("2026-11-24T04:00:00Z"), content: `评论 ${i}` });
    const all = await allComments(client(), { msgDataId: "1200300", index: 2 });
    expect(all.map((c) => c.user_comment_id)).toEqual(Array.from({ length: 120 }, (_, i) => String(5001 + i)));
    const pages = wx.find("POST", "/cgi-bin/comment/list").map((c) => c.json as { begin: number; count: number; index: number });
    expect(pages.map((p) => p.begin)).toEqual([0, 49, 98]);
    expect(pages.every((p) => p.count < 50 && p.index === 2)).toBe(true);
  });

  it("maps getarticlesummary's 1-based msgid to comment/list's 0-based index", async () => {
    wx.addArticle({ msgDataId: 12003, n: 1, refDate: "2026-11-23", title: "头条" });
    wx.addArticle({ msgDataId: 12003, n: 3, refDate: "2026-11-23", title: "第三篇" });
    const seen = await articlesOfDay(client(), "2026-11-23");
    expect(seen).toEqual([
      { msgDataId: "12003", index: 0, title: "头条", refDate: "2026-11-23" },
      { msgDataId: "12003", index: 2, title: "第三篇", refDate: "2026-11-23" },
    ]);
    expect(wx.find("POST", "/datacube/getarticlesummary")[0]!.json).toEqual({ begin_date: "2026-11-23", end_date: "2026-11-23" });
  });
});
