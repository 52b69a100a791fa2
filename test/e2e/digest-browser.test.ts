// The morning digest as a manager sees it in the console: a real browser renders the card, and a screenshot
// is kept in test-results/ for a human look.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";
import { until } from "../support/wait.js";

let svc: TestService;
let browser: Browser;
const shots = join(import.meta.dirname, "../../test-results");

beforeAll(async () => {
  svc = await startTestService();
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  const db = svc.deps.db;
  // 28 days of reads and new followers for Douyin and WeChat OA; Xiaohongshu stops reporting two days ago.
  for (let i = 1; i <= 28; i++) {
    const day = new Date(Date.UTC(2026, 10, 26 - i)).toISOString().slice(0, 10);
    const rows = [
      ["douyin", "reads", 10_000 + ((i * 37) % 9) * 150 + (i === 1 ? 4000 : 0)],
      ["douyin", "new_followers", 300 + ((i * 13) % 7) * 20],
      ["wechat_oa", "reads", 5_000 + ((i * 11) % 5) * 200],
      ["wechat_oa", "new_followers", 80 + ((i * 7) % 4) * 10],
      ...(i > 2 ? [["xiaohongshu", "reads", 3_000 + ((i * 5) % 6) * 100]] : []),
    ] as [string, string, number][];
    for (const [platform, metric, value] of rows) {
      await db.metricValue.create({ data: { teamId: "default", platform, account: "main", metric, day, value, source: "api", updatedAt: svc.clock.now() } });
    }
  }
  const api = consoleClient(svc.app);
  expect((await api.say("wang.fang", "/kpi target reads +25% by 2027-05-26", "kpi")).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await svc?.dispose();
});

describe("the digest card in the console", () => {
  it("renders the headline, the per-platform table, the trend and the missing data plainly", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.goto(`${svc.url}/console`);
    await page.click("[data-channel=kpi]");
    await page.selectOption("[data-testid=act-as]", "wang.fang");
    await page.fill("#input", "/kpi digest now");
    await page.press("#input", "Enter");
    const card = page.locator("[data-testid=card]", { hasText: "每日数据简报" });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    const text = (await card.textContent()) ?? "";
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]{5,}/); // a 28-day sparkline
    expect(text).toContain("抖音");
    expect(text).toContain("小红书"); // named as missing, never shown as zero
    expect(text).toMatch(/没有.*小红书|小红书.*没有|暂无/);
    expect(await page.locator("#banner").isHidden()).toBe(true);
    await card.screenshot({ path: join(shots, "kpi-digest-card.png") });
    await page.close();
  });

  it("shows the target's 28-day trend against its target line as a picture in the card", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.goto(`${svc.url}/console`);
    await page.click("[data-channel=kpi]");
    await page.selectOption("[data-testid=act-as]", "wang.fang");
    await page.fill("#input", "/kpi digest now");
    await page.press("#input", "Enter");
    const card = page.locator("[data-testid=card]", { hasText: "每日数据简报" }).last();
    const chart = card.locator("img[data-testid=chart]");
    await expect.poll(() => chart.count(), { timeout: 10_000 }).toBe(1);
    expect(await chart.getAttribute("alt")).toBe("阅读量（团队 · 7 日日均）");
    // The PNG the service drew has arrived and is shown (1440 px wide: sharp at 720 logical pixels).
    await expect.poll(() => chart.evaluate((el) => { const img = el as unknown as { complete: boolean; naturalWidth: number }; return img.complete ? img.naturalWidth : 0; }), { timeout: 10_000 }).toBe(1440);
    // The page redraws the whole stream when any message changes (the card can be updated after it is first
    // shown), so the picture's element may be replaced between two steps: each step below is retried on the
    // element the locator finds next, instead of failing on a detached one.
    await until("the chart shown wider than 300 px", async () => ((await chart.boundingBox().catch(() => null))?.width ?? 0) > 300);
    await until("a screenshot of the card", () => card.screenshot({ path: join(shots, "kpi-digest-chart.png") }).then(() => true, () => false));
    // Someone else cannot fetch the picture of a preview only wang.fang sees.
    const id = await card.evaluate((el) => el.closest("[data-id]")?.getAttribute("data-id") ?? "");
    expect(id).not.toBe("");
    expect((await fetch(`${svc.url}/console/api/messages/${id}/charts/0?user=wang.fang`)).headers.get("content-type")).toBe("image/png");
    expect((await fetch(`${svc.url}/console/api/messages/${id}/charts/0?user=emma`)).status).toBe(404);
    await page.close();
  });
});
