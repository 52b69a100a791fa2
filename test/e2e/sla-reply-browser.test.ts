// Reply from chat in a real browser (issue 13): on an SLA card in the console, Claim and then Reply (typing the
// text in the card's prompt); the card on screen changes to claimed, then to answered with the reply shown, and
// the fake WeChat API received the comment reply.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSlaItems } from "../../src/app/sla/ingest-items.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { launchBrowser } from "../support/browser.js";
import { consoleClient } from "../support/console-client.js";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";

const APP = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };
let svc: TestService;
let wx: FakeWechat;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const clock = new FakeClock("2026-11-26T02:00:00Z");
  wx = await startFakeWechat({ ...APP, now: () => clock.now() });
  svc = await startTestService({ clock, env: { WECHAT_OA_APP_ID: APP.appId, WECHAT_OA_APP_SECRET: APP.appSecret, WECHAT_OA_API_URL: wx.url } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await svc?.dispose();
  await wx?.close();
});

describe("an SLA card in the console page", () => {
  it("is claimed and then answered by Reply, and the card on screen shows each step and the reply", async () => {
    const a = wx.addArticle({ msgDataId: 2247483800, n: 3, refDate: "2026-11-25" });
    wx.addComment(a, { id: 51, openid: "oREADER", at: new Date("2026-11-26T01:30:00Z"), content: "第三篇的链接打不开" });
    const [r] = await ingestSlaItems(svc.deps, [{ platform: "wechat_oa", account: "gh_demo_oa", kind: "comment", externalId: "c:browser", author: "oREADER", text: "第三篇的链接打不开", createdAt: "2026-11-26T01:30:00Z", comment: { msgDataId: "2247483800", index: 2, userCommentId: "51" } }], "wechat_oa");
    const id = (r as { id: number }).id;
    const shown = await consoleClient(svc.app).say("chen.jie", `/sla show ${id}`, "sla");
    const messageId = shown.messages.find((m) => m.card?.title.endsWith(`· #${id}`))!.id;

    await page.goto(`${svc.url}/console`);
    await page.selectOption("[data-testid=act-as]", "chen.jie");
    await page.click("[data-channel=sla]");
    const card = page.locator(`li[data-id="${messageId}"] [data-testid=card]`);
    await expect.poll(() => card.locator("button", { hasText: "我来处理" }).count()).toBe(1);

    let answered = page.waitForResponse((res) => res.url().endsWith("/console/api/actions"));
    await card.locator("button", { hasText: "我来处理" }).click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => card.textContent()).toContain("处理中 · 陈杰");
    await expect.poll(() => card.locator("button", { hasText: "我来处理" }).count()).toBe(0);

    answered = page.waitForResponse((res) => res.url().endsWith("/console/api/actions"));
    await card.locator("button", { hasText: /^回复$/ }).click();
    await card.locator("[data-testid=reason-input]").fill("已修复，请重新打开链接。");
    await card.locator("[data-testid=reason-confirm]").click();
    expect((await answered).status()).toBe(200);

    await expect.poll(() => card.locator("[data-testid=outcome]").textContent()).toContain("陈杰 标记为已回复");
    await expect.poll(() => card.textContent()).toContain("已修复，请重新打开链接。");
    expect(await card.locator("button").count()).toBe(0);
    expect(wx.find("POST", "/cgi-bin/comment/reply/add").map((c) => c.json)).toEqual([{ msg_data_id: 2247483800, index: 2, user_comment_id: 51, content: "已修复，请重新打开链接。" }]);
  });
});
