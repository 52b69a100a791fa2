// The review chain in a real browser: reviewers click Approve / Request changes on the console cards, and the
// cards on screen end in their final state.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { consoleClient } from "../support/console-client.js";
import { REVIEWS, draftingTopic, requestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let browser: Browser;
let page: Page;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${svc.url}/console`);
  await page.click(`[data-channel=${REVIEWS}]`);
});
afterAll(async () => {
  await browser?.close();
  await svc?.dispose();
});

/** Clicks `label` on the console message `messageId` as `handle`, answering the reason prompt if any. */
async function clickAs(handle: string, messageId: string, label: string, reason?: string) {
  await page.selectOption("[data-testid=act-as]", handle);
  const card = page.locator(`li[data-id="${messageId}"] [data-testid=card]`);
  await expect.poll(() => card.locator("button", { hasText: label }).count()).toBeGreaterThan(0);
  const answered = page.waitForResponse((r) => r.url().endsWith("/console/api/actions"));
  await card.locator("button", { hasText: label }).first().click();
  if (reason !== undefined) {
    await card.locator("[data-testid=reason-input]").fill(reason);
    await card.locator("[data-testid=reason-confirm]").click();
  }
  expect((await answered).status()).toBe(200);
  return card;
}

describe("reviewing in the console page", () => {
  it("runs the three levels by real clicks, with a request for changes, and every card ends decided", async () => {
    const topicId = await draftingTopic(api, "浏览器里的三级审核");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/v1 初稿`);

    const v1 = await requestCard(api, reviewId, 1);
    const first = await clickAs("li.wei", v1.id, "要求修改", "补充数据来源");
    await expect.poll(() => first.locator("[data-testid=outcome]").textContent()).toContain("李伟 要求修改 · 第 1/3 级");

    await submit(api, `${topicId} https://docs.example.com/v2 已补充来源`);
    const l1 = await requestCard(api, reviewId, 1, 2);
    await clickAs("zhang.min", l1.id, "通过");
    const l2 = await requestCard(api, reviewId, 2, 2);
    await clickAs("liu.yang", l2.id, "通过");
    await clickAs("emma", l2.id, "通过"); // a channel card speaks the language it was posted in
    const l3 = await requestCard(api, reviewId, 3, 2);
    await clickAs("wang.fang", l3.id, "通过");
    const last = await clickAs("liu.yang", l3.id, "通过");
    await expect.poll(() => last.locator("[data-testid=outcome]").textContent()).toContain("第 3/3 级");

    expect((await svc.deps.db.topic.findUnique({ where: { id: topicId } }))!.status).toBe("approved");
    // No card of this review on screen still offers a decision.
    await page.selectOption("[data-testid=act-as]", "wang.fang");
    const cards = page.locator("[data-testid=card]", { hasText: `R${reviewId} ` });
    await expect.poll(() => cards.count()).toBeGreaterThan(3);
    const decisionButtons = cards.locator("button", { hasText: /^(通过|要求修改|驳回|Approve|Request changes|Reject)$/ });
    await expect.poll(() => decisionButtons.count()).toBe(0);
  });
});
