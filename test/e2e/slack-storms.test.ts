// Slack storms while cards are due, with the outbox's workers ticking on two replicas (ticks that do not wait
// for each other, on the service's fake clock): a 429 storm with Retry-After 25 for 70 s sends each card once,
// and a storm of HTTP 500 keeps the cards of one channel in the order they were written.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import { faultTest, type FaultLedger } from "../support/fault-report.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const SECRET = "storm-signing-secret";
let fake: FakeSlack;
let svc: TestService;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ env: { SLACK_BOT_TOKEN: "xoxb-storm", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl } });
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

let trigger = 0;
async function propose(channel: string, title: string): Promise<void> {
  const t = `${++trigger}.999.storm${trigger}`;
  const ack = await slackSender(svc.url, SECRET)(slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, user: "U0STORM", userName: "storm.ops", channel, trigger: t, responseUrl: fake.responseUrl(t) }));
  expect(ack.status).toBe(200);
}

/** Titles of the cards Slack accepted in `channel`, in the order it accepted them. */
const posted = (channel: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.args["channel"] === channel).map((c) => String(c.args["text"] ?? "").split("\n")[0]!.replace(/^#\d+ /, ""));
const attemptsIn = (channel: string) => fake.calls.filter((c) => c.method === "chat.postMessage" && c.args["channel"] === channel).length;

/** Proposes the titles in `channel` and waits until they are stored and the first send was tried. */
async function cardsDue(ledger: FaultLedger, channel: string, titles: string[]): Promise<void> {
  for (const t of titles) {
    ledger.attempt(t);
    await propose(channel, t);
  }
  await until("the topics to be stored", async () => (await svc.deps.db.topic.count({ where: { title: { in: titles } } })) === titles.length);
  await until("the first send to be tried", () => attemptsIn(channel) > 0);
}

/**
 * Outbox ticks every `stepMs` of service time for `forMs`, as two replicas' workers would: a tick does not wait
 * for the one before. Service time moves on once the tick has finished, but never faster than real time while
 * a send is still in flight (a send that takes 25 s takes 25 s of the service's time too), so a lease that
 * runs out does so only for a send that really outlasted it.
 */
async function ticks(stepMs: number, forMs: number): Promise<void> {
  const running: Promise<unknown>[] = [];
  for (let t = 0; t < forMs; t += stepMs) {
    svc.clock.advance(stepMs);
    const tick = deliverOutbox(svc.deps);
    running.push(tick);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([tick.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, stepMs)))]);
    clearTimeout(timer);
  }
  await Promise.all(running);
}

/** Then the worker as usual until every card is out (or 20 rounds). */
async function catchUp(channel: string, count: number): Promise<void> {
  for (let round = 0; round < 20 && posted(channel).length < count; round++) {
    svc.clock.advance(30_000);
    await deliverOutbox(svc.deps);
  }
}

describe("Slack storms while cards are due", () => {
  faultTest("Slack answering 429 with Retry-After 25 for 70 s while 2 cards are due", async (ledger) => {
    const stormEnds = svc.clock.now().getTime() + 70_000;
    fake.stormWhile("chat.postMessage", { status: 429, retryAfter: 25 }, () => svc.clock.now().getTime() < stormEnds);
    const titles = ["限流风暴中的第一张卡片", "限流风暴中的第二张卡片"];
    await cardsDue(ledger, "C0STORM429", titles);
    await ticks(5_000, 150_000);
    await catchUp("C0STORM429", titles.length);
    for (const t of posted("C0STORM429")) ledger.seen(t);
    expect(posted("C0STORM429")).toEqual(titles);
  }, { timeout: 180_000 });

  faultTest("Slack answering HTTP 500 for 10 s while 8 cards are due in one channel: order kept", async (ledger) => {
    const stormEnds = svc.clock.now().getTime() + 10_000;
    fake.stormWhile("chat.postMessage", { status: 500 }, () => svc.clock.now().getTime() < stormEnds);
    const titles = Array.from({ length: 8 }, (_, i) => `服务故障期间的卡片${"一二三四五六七八"[i]}`);
    await cardsDue(ledger, "C0STORM500", titles);
    await ticks(1_000, 40_000);
    await catchUp("C0STORM500", titles.length);
    for (const t of posted("C0STORM500")) ledger.seen(t);
    expect(posted("C0STORM500"), "the order written").toEqual(titles);
  }, { timeout: 180_000 });
});
