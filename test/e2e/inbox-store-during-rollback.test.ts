// A Slack command acknowledged while another request's change is being rolled back still runs. On SQLite every
// request shares one connection, and the inbox's insert used to run inside whatever transaction was open on it:
// the rollback took the acknowledged event with it, so the command was never answered (Slack does not
// redeliver an acknowledged command). The held transaction here stands for any command refused halfway.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const SECRET = "rollback-signing-secret";
let fake: FakeSlack;
let svc: TestService;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ env: { SLACK_BOT_TOKEN: "xoxb-rollback", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl } });
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

describe("a command stored while another request's transaction is open", () => {
  faultTest("another request's change rolled back while a Slack command is stored", async (ledger) => {
    const title = "别人的事务回滚时收到的选题";
    ledger.attempt(title);
    const inbox = svc.deps.inbox!;
    let opened!: () => void;
    let refuse!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    const refused = new Promise<void>((r) => (refuse = r));
    const other = svc.deps.db
      .$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "rollback-test", value: "written, then refused" } });
        opened();
        await refused;
        throw new Error("the other request is refused halfway");
      }, { timeout: 60_000 })
      .catch((err: unknown) => err);
    await open;

    // Told when the command reaches the inbox; the store's statements follow in the same turn of the event loop.
    let reached!: () => void;
    const atInbox = new Promise<void>((r) => (reached = r));
    const store = inbox.store.bind(inbox);
    inbox.store = (...args) => {
      reached();
      return store(...args);
    };
    try {
      const ack = slackSender(svc.url, SECRET)(
        slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, user: "U0ROLLBACK", userName: "rollback.ops", channel: "C0ROLLBACK", trigger: "1.777.rollback1", responseUrl: fake.responseUrl("1.777.rollback1") }),
      );
      await Promise.race([ack, atInbox.then(() => new Promise((r) => setImmediate(r)))]);
      refuse();
      expect(String(await other)).toContain("refused halfway");
      expect((await ack).status).toBe(200);
    } finally {
      inbox.store = store;
    }
    expect(await svc.deps.db.setting.count({ where: { key: "rollback-test" } }), "the other change was rolled back").toBe(0);
    await until("the acknowledged command to run", async () => (await svc.deps.db.topic.count({ where: { title } })) > 0, { limitMs: 20_000 });
    await inbox.idle();
    ledger.seen(title, await svc.deps.db.topic.count({ where: { title } }));
    await fake.waitFor("its card", () => fake.callsTo("chat.postMessage").find((c) => String(c.args["text"] ?? "").includes(title)));
  }, { timeout: 60_000 });
});
