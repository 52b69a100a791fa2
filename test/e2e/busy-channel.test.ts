// One busy channel must not stall everyone: a burst of 30 commands in one Slack channel whose cards cannot go
// out (Slack holds chat.postMessage, as a channel paced at one post a second is for 30 s), and a command in
// another channel takes effect meanwhile. Shown by events: the quiet channel's topic is stored while not one
// of the busy channel's cards has been sent, so its wait did not depend on their pacing at all (the issue's
// contract is 2 s; the time it took is printed, not asserted). Afterwards every card arrives once, in order.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { stopwatch, until } from "../support/wait.js";

const SECRET = "busy-channel-signing-secret";
let fake: FakeSlack;
let svc: TestService;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ env: { SLACK_BOT_TOKEN: "xoxb-busy", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl } });
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

let trigger = 0;
function propose(channel: string, title: string) {
  const t = `${++trigger}.555.busy${trigger}`;
  return slackSender(svc.url, SECRET)(slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, user: "U0BUSY", userName: "busy.ops", channel, trigger: t, responseUrl: fake.responseUrl(t) }));
}

/** Titles of the cards posted to `channel`, in the order Slack received them. */
const postedTitles = (channel: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.args["channel"] === channel).map((c) => String(c.args["text"] ?? "").split("\n")[0]!.replace(/^#\d+ /, ""));

describe("a burst in one channel", () => {
  faultTest("30-command Slack burst in one channel, Slack holding its cards; another channel's command", async (ledger) => {
    const busy = Array.from({ length: 30 }, (_, i) => `繁忙频道的连发选题第${i + 1}条`);
    const quiet = "安静频道里的一条选题";
    [...busy, quiet].forEach((t) => ledger.attempt(t));
    const release = fake.hold("chat.postMessage");
    try {
      for (const t of busy) expect((await propose("C0BUSY", t)).status).toBe(200);
      const sinceAsked = stopwatch();
      expect((await propose("C0QUIET", quiet)).status).toBe(200);
      await until("the quiet channel's topic to be stored", () => svc.deps.db.topic.findFirst({ where: { title: quiet } }), { limitMs: 20_000 });
      console.log(`quiet channel's command took effect ${sinceAsked.ms()} ms after it was sent (bound: 2000 ms, not asserted on wall time)`);
      expect(postedTitles("C0BUSY"), "none of the busy channel's cards could be sent yet").toEqual([]);
    } finally {
      release();
    }
    await until("every card to arrive", () => postedTitles("C0BUSY").length >= busy.length && postedTitles("C0QUIET").length >= 1, { limitMs: 120_000 });
    await svc.deps.inbox!.idle();
    for (const t of [...postedTitles("C0BUSY"), ...postedTitles("C0QUIET")]) ledger.seen(t);
    expect(postedTitles("C0BUSY")).toEqual(busy);
  }, { timeout: 180_000 });
});
