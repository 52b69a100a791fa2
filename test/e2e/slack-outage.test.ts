// Slack failing for a while (HTTP 500s, then 429s): every card still arrives, once, in the order written.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import { faultTest } from "../support/fault-report.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";

let fake: FakeSlack;
let svc: TestService;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ env: { SLACK_BOT_TOKEN: "xoxb-outage", SLACK_SIGNING_SECRET: "outage-signing-secret", SLACK_API_URL: fake.apiUrl } });
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

const propose = (title: string) =>
  handleInbound(svc.deps, {
    kind: "command",
    actor: { platform: "slack", tenant: "T0001", externalId: "U_OPS", displayName: "ops" },
    conversation: { platform: "slack", externalId: "C_OUTAGE", name: "outage" },
    text: `/topic propose ${title} --platform weibo`,
  });

const posted = () => fake.callsTo("chat.postMessage").filter((c) => String(c.args["channel"]) === "C_OUTAGE").map((c) => String(c.args["text"] ?? "").split("\n")[0]!.replace(/^#\d+ /, ""));

describe("a Slack outage", () => {
  // Every card still arrives, once, in the order written.
  faultTest("Slack answering 500 ×8 then 429, 4 cards to one channel", async (ledger) => {
    const titles = ["故障期间的选题一", "故障期间的选题二", "故障期间的选题三", "故障期间的选题四"];
    titles.forEach((t) => ledger.attempt(t));
    fake.serverErrorNext("chat.postMessage", 8); // eight delivery attempts: the client does not retry inside a send
    for (const t of titles.slice(0, 3)) expect((await propose(t)).ok).toBe(true);
    fake.rateLimitNext("chat.postMessage", 1);
    expect((await propose(titles[3]!)).ok).toBe(true);
    for (let round = 0; round < 12 && posted().length < titles.length; round++) {
      svc.clock.advance(60_000);
      await deliverOutbox(svc.deps);
    }
    const cards = posted();
    for (const c of cards) ledger.seen(titles.find((t) => c.endsWith(t)) ?? c);
    expect(cards.map((c) => titles.find((t) => c.endsWith(t)))).toEqual(titles);
    expect(await svc.deps.db.outboxMessage.count({ where: { status: { in: ["pending", "sending", "dead"] } } })).toBe(0);
  }, { timeout: 60_000 });
});
