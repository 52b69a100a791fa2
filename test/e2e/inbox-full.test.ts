// Backpressure instead of unbounded memory: with MEDIAOPS_INBOX_MAX events stored and not yet processed (the
// workers paused, as when all of them are busy), a new Slack command is refused with a non-2xx answer and the
// console answers 503 "busy, try again" in the person's language, changing nothing. Once there is room, the
// same deliveries (Slack's retry, the person trying again) go through: nothing is lost, nothing doubled.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { consoleClient } from "../support/console-client.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const SECRET = "inbox-full-signing-secret";
const MAX = 5;
let fake: FakeSlack;
let svc: TestService;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ env: { SLACK_BOT_TOKEN: "xoxb-full", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, MEDIAOPS_INBOX_MAX: String(MAX) } });
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

const slash = (title: string, trigger: string) =>
  slackSender(svc.url, SECRET)(slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, user: "U0FULL", userName: "full.ops", channel: "C0FULL", trigger, responseUrl: fake.responseUrl(trigger) }));

describe("a full inbox", () => {
  faultTest("MEDIAOPS_INBOX_MAX events waiting: new ones refused non-2xx, retried later", async (ledger) => {
    const inbox = svc.deps.inbox!;
    const api = consoleClient(svc.app);
    await inbox.stop(); // every worker busy elsewhere: nothing stored is processed for now
    const titles = Array.from({ length: MAX + 2 }, (_, i) => `收件箱满载时的选题${i + 1}`);
    const consoleTitle = "收件箱满载时控制台里的选题";
    [...titles, consoleTitle].forEach((t) => ledger.attempt(t));

    const first = await Promise.all(titles.map((t, i) => slash(t, `${i + 1}.321.full${i + 1}`)));
    expect(first.map((a) => a.status).sort()).toEqual([...Array(MAX).fill(200), 503, 503]);
    const typed = await api.say("chen.jie", `/topic propose ${consoleTitle} --platform weibo`);
    expect(typed.status).toBe(503);
    expect(typed.error).toBe("服务器正忙，请稍后再试。没有做任何更改。");
    expect(await svc.deps.db.inboundEvent.count()).toBe(MAX); // the refused ones were not stored
    expect((await api.read("topics")).messages.some((m) => m.text.includes(consoleTitle)), "the refused line is not left in the console").toBe(false);

    inbox.start();
    await until("the stored commands to run", async () => (await svc.deps.db.inboundEvent.count({ where: { status: { not: "done" } } })) === 0);
    // Slack's retry of each refused delivery (same trigger), and the person typing it again.
    const refused = titles.map((t, i) => ({ t, i })).filter(({ i }) => first[i]!.status !== 200);
    for (const { t, i } of refused) expect((await slash(t, `${i + 1}.321.full${i + 1}`)).status).toBe(200);
    expect((await api.say("chen.jie", `/topic propose ${consoleTitle} --platform weibo`)).status).toBe(200);
    await inbox.idle();
    for (const t of [...titles, consoleTitle]) ledger.seen(t, await svc.deps.db.topic.count({ where: { title: t } }));
  }, { timeout: 120_000 });
});
