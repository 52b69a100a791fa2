// The database cannot save (a read-only database file) while Slack commands and console requests arrive: each
// person is told "the server cannot save right now, nothing was changed" in their language, /healthz reports
// the database unhealthy (its probe writes), events stored before the fault wait instead of failing, and once
// the fault ends writes resume on the same connection: the stored events run and the retried requests take
// effect, each once. A stop during the fault still ends.
// How the fault is made: `PRAGMA query_only = 1` on the service's own SQLite connection, which refuses every
// write the way a read-only file does (SQLITE_READONLY). The tests run as root, for whom chmod does not make a
// file read-only, and a small loop-mounted file system to fill is not available here.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { consoleClient } from "../support/console-client.js";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const SECRET = "db-fault-signing-secret";
let fake: FakeSlack;
let svc: TestService;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ database: "sqlite", env: { SLACK_BOT_TOKEN: "xoxb-dbfault", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl } });
});
afterAll(async () => {
  rmSync(svc.dir, { recursive: true, force: true });
  await fake?.close();
});

const readOnly = (on: boolean) => svc.deps.db.$queryRawUnsafe(`PRAGMA query_only = ${on ? 1 : 0}`);
let trigger = 0;
const slash = (title: string) => {
  const t = `${++trigger}.404.dbfault${trigger}`;
  return slackSender(svc.url, SECRET)(slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, user: "U0DBFAULT", userName: "db.ops", channel: "C0DBFAULT", trigger: t, responseUrl: fake.responseUrl(t) }));
};
const health = async () => {
  const res = await fetch(`${svc.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

describe("the database cannot save", () => {
  faultTest("read-only database during Slack commands and console requests, then recovery", async (ledger) => {
    const api = consoleClient(svc.app);
    const inbox = svc.deps.inbox!;
    const duringFault = ["只读期间的斯拉克选题一", "只读期间的斯拉克选题二", "只读期间的斯拉克选题三"];
    const storedBefore = ["故障前已收下的选题一", "故障前已收下的选题二"];
    const consoleZh = "只读期间控制台里的选题";
    const consoleEn = "Console topic while read-only";
    [...duringFault, ...storedBefore, consoleZh, consoleEn].forEach((t) => ledger.attempt(t));
    expect((await health()).status).toBe(200);

    // Two commands stored just before the fault, not yet run when it starts.
    await inbox.stop();
    for (const t of storedBefore) expect((await slash(t)).status).toBe(200);
    await readOnly(true);
    inbox.start();

    for (const t of duringFault) {
      const ack = await slash(t);
      expect(ack.status).toBe(200);
      expect(JSON.parse(ack.text)).toEqual({ response_type: "ephemeral", text: "服务器现在无法保存，没有做任何更改。请稍后再试。" });
    }
    const zh = await api.say("chen.jie", `/topic propose ${consoleZh} --platform weibo`);
    expect([zh.status, zh.error]).toEqual([503, "服务器现在无法保存，没有做任何更改。请稍后再试。"]);
    const en = await api.say("emma", `/topic propose ${consoleEn} --platform weibo`);
    expect([en.status, en.error]).toEqual([503, "The server cannot save right now; nothing was changed. Please try again later."]);
    expect(await health()).toEqual({ status: 503, body: { status: "unavailable", reason: "database cannot save" } });
    expect(await svc.deps.db.topic.count({ where: { title: { in: [...duringFault, ...storedBefore] } } })).toBe(0);

    // The fault ends: the same connection writes again, the stored events run, the people try again.
    await readOnly(false);
    expect((await health()).status).toBe(200);
    await until("the events stored before the fault to run", async () => (await svc.deps.db.topic.count({ where: { title: { in: storedBefore } } })) === storedBefore.length);
    for (const t of duringFault) expect((await slash(t)).status).toBe(200);
    expect((await api.say("chen.jie", `/topic propose ${consoleZh} --platform weibo`)).status).toBe(200);
    expect((await api.say("emma", `/topic propose ${consoleEn} --platform weibo`)).status).toBe(200);
    await inbox.idle();
    for (const t of [...duringFault, ...storedBefore, consoleZh, consoleEn]) ledger.seen(t, await svc.deps.db.topic.count({ where: { title: t } }));

    // A stop while the database cannot save still ends.
    await readOnly(true);
    await svc.stopKeepingData();
  }, { timeout: 120_000 });
});
