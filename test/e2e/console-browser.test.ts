// The console page in a real browser: act as a user, propose a topic by typing, click real buttons, watch
// the card update in place, and see a refusal in the banner.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let browser: Browser;
let page: Page;
const shots = join(import.meta.dirname, "../../test-results");

beforeAll(async () => {
  svc = await startTestService();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await svc?.dispose();
});

async function actAs(handle: string) {
  await page.selectOption("[data-testid=act-as]", handle);
}

async function send(text: string) {
  await page.fill("#input", text);
  await page.press("#input", "Enter");
}

describe("the console page", () => {
  it("proposes a topic, accepts it with a real click, and the card ends in its final state", async () => {
    await page.goto(`${svc.url}/console`);
    await page.click("[data-channel=topics]");
    await actAs("chen.jie");
    await send("/topic propose 浏览器里提的选题 --platform douyin --theme tips");
    const card = page.locator("[data-testid=card]", { hasText: "浏览器里提的选题" });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator("button").allTextContents()).toEqual(["通过", "驳回", "+1"]);

    await actAs("chen.jie");
    await card.locator("button", { hasText: "通过" }).click();
    await expect.poll(() => page.locator("#banner").textContent()).toBe("只有主管或管理员可以通过选题。你的角色：运营。");

    await actAs("wang.fang");
    await card.locator("button", { hasText: "通过" }).click();
    await expect.poll(() => card.locator("[data-testid=outcome]").textContent()).toBe("王芳 已通过 · 11-26 10:00");
    expect(await card.locator("button").count()).toBe(0);
    expect(await page.locator("#banner").isHidden()).toBe(true);
    await page.screenshot({ path: join(shots, "console-topic-accepted.png") });
  });

  it("asks for a reason before Reject and shows it on the card", async () => {
    await actAs("emma");
    await send("/topic propose Office pets week --platform weibo");
    const card = page.locator("[data-testid=card]", { hasText: "Office pets week" });
    await expect.poll(() => card.count()).toBe(1);
    await actAs("wang.fang");
    await card.locator("button", { hasText: "Reject" }).click();
    await card.locator("[data-testid=reason-input]").fill("Off-brand for December");
    await card.locator("[data-testid=reason-confirm]").click();
    await expect.poll(() => card.locator("[data-testid=outcome]").textContent()).toBe("Rejected by 王芳 · 11-26 10:00 · Off-brand for December");
  });

  it("shows a refusal for bad input in the banner and keeps what was typed", async () => {
    await actAs("chen.jie");
    await send("/topic propose 没有日期的选题 --date 昨天的昨天");
    await expect.poll(() => page.locator("#banner").textContent()).toContain("无法识别日期“昨天的昨天”");
    expect(await page.inputValue("#input")).toBe("/topic propose 没有日期的选题 --date 昨天的昨天");
  });
});
