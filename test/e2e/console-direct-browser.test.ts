// The console page as a person uses it, in a real browser: their direct messages (a review request there,
// decided by a click), times in the team's zone whatever the browser's zone, a clean slate when switching who
// they act as, icons that draw without an emoji font, and the whole input row at phone width (390 px).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { consoleClient } from "../support/console-client.js";
import { draftingTopic, isRequestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let browser: Browser;
let api: ReturnType<typeof consoleClient>;
const shots = join(import.meta.dirname, "../../test-results");

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await svc?.dispose();
});

/** A page in a browser set to New York time, so times shown in Shanghai time can only come from the team's zone. */
async function openPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: "America/New_York", locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${svc.url}/`);
  expect(new URL(page.url()).pathname).toBe("/console");
  return page;
}

async function actAs(page: Page, handle: string) {
  await page.selectOption("[data-testid=act-as]", handle);
}

describe("direct messages in the console page", () => {
  it("opens a reviewer's direct messages and approves the review request there by a click", async () => {
    const topicId = await draftingTopic(api, "私信里点通过");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/dm-browser 初稿`);
    const page = await openPage(1200, 800);
    await actAs(page, "li.wei");
    await page.click('[data-channel="@li.wei"]');
    await expect.poll(() => page.locator("#channel-title").textContent()).toBe("私信 · 李伟");

    const request = page.locator("[data-testid=card]", { hasText: `审核 R${reviewId} ` }).filter({ hasText: "1 / 3 · " });
    await expect.poll(() => request.count()).toBe(1);
    expect(await request.locator("button").allTextContents()).toEqual(["通过", "要求修改", "驳回"]);
    const answered = page.waitForResponse((r) => r.url().endsWith("/console/api/actions"));
    await request.locator("button", { hasText: "通过" }).click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => request.locator("[data-testid=outcome]").textContent()).toBe("李伟 已通过 · 第 1/3 级 · 10:00");
    expect(await request.locator("button").count()).toBe(0);

    // The decision is the review's: the copy in the channel is decided as well.
    const inChannel = (await api.read("reviews", "wang.fang")).messages.filter((m) => isRequestCard(m, reviewId) && !m.ephemeral);
    expect(inChannel.some((m) => m.card!.blocks.some((b) => b.type === "outcome" && b.text.startsWith("李伟 已通过")))).toBe(true);

    // Times in the stream are the team's (Shanghai, 10:00 on the fake clock), not the browser's New York time.
    expect(await page.locator("[data-testid=time]").first().textContent()).toBe("11-26 10:00");
    await page.screenshot({ path: join(shots, "console-direct-messages.png") });

    // Acting as someone else shows their direct messages, never the previous person's.
    await actAs(page, "chen.jie");
    await expect.poll(() => page.locator("#channel-title").textContent()).toBe("私信 · 陈杰");
    await expect.poll(() => page.locator("[data-testid=card]", { hasText: `审核 R${reviewId} ` }).filter({ hasText: "1 / 3 · " }).count()).toBe(0);
    await page.context().close();
  });

  it("clears the previous person's refusal and draft when switching who one acts as", async () => {
    const page = await openPage(1200, 800);
    await page.click("[data-channel=topics]");
    await actAs(page, "chen.jie");
    await page.fill("#input", "/topic accept 9999");
    await page.press("#input", "Enter");
    await expect.poll(() => page.locator("#banner").isVisible()).toBe(true);
    expect(await page.inputValue("#input")).toBe("/topic accept 9999");

    await actAs(page, "emma");
    expect(await page.locator("#banner").isHidden()).toBe(true);
    expect(await page.inputValue("#input")).toBe("");
    // The page's own words, role names included, follow the person acted as.
    await expect.poll(() => page.locator("#send").textContent()).toBe("Send");
    expect(await page.locator("[data-testid=act-as] option[value='wang.fang']").textContent()).toBe("王芳 (@wang.fang) · admin, manager");
    await actAs(page, "wang.fang");
    await expect.poll(() => page.locator("#send").textContent()).toBe("发送");
    expect(await page.locator("[data-testid=act-as] option[value='wang.fang']").textContent()).toBe("王芳 (@wang.fang) · 管理员、主管");
    await page.context().close();
  });

  it("draws its controls as inline icons, not emoji that need a colour emoji font", async () => {
    const page = await openPage(1200, 800);
    for (const control of [".upload", "#send", "#menu"]) {
      expect(await page.locator(`${control} svg use`).count(), control).toBe(1);
      expect(await page.locator(control).textContent(), control).not.toMatch(/\p{Extended_Pictographic}/u);
    }
    await page.context().close();
  });

  it("at 390 px collapses the sidebar and keeps the whole input row, Send button included, on screen", async () => {
    const page = await openPage(390, 844);
    await actAs(page, "li.wei");
    await page.fill("#input", "/help");
    await page.press("#input", "Enter");
    await expect.poll(() => page.locator("[data-testid=card]").count()).toBeGreaterThan(0);
    const viewport = { width: 390, height: 844 };
    const inside = (box: { x: number; y: number; width: number; height: number } | null) =>
      box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;

    // The sidebar is out of the way until the menu button opens it.
    const sidebar = await page.locator("#sidebar").boundingBox();
    expect(sidebar!.x + sidebar!.width).toBeLessThanOrEqual(0);
    for (const part of ["#input", "#send", ".upload"]) expect(inside(await page.locator(part).boundingBox()), part).toBe(true);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(viewport.width); // nothing scrolls sideways
    await page.screenshot({ path: join(shots, "console-390px.png") });

    await page.click("#menu");
    await expect.poll(async () => inside(await page.locator("[data-channel=topics]").boundingBox())).toBe(true);
    await page.click("[data-channel=topics]");
    await expect.poll(() => page.locator("#channel-title").textContent()).toBe("topics");
    await expect.poll(async () => (await page.locator("#sidebar").boundingBox())!.x + (await page.locator("#sidebar").boundingBox())!.width).toBeLessThanOrEqual(0);

    // Typing and sending with the button at this width works.
    await page.fill("#input", "/topic list");
    await page.click("#send");
    await expect.poll(() => page.inputValue("#input")).toBe("");
    await expect.poll(() => page.locator("[data-testid=card]").count()).toBeGreaterThan(0);
    expect(inside(await page.locator("#send").boundingBox())).toBe(true);
    await page.context().close();
  });
});
