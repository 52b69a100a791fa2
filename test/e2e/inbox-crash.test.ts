// Acknowledged, then killed: 50 signed commands are answered 200 by a real service process, which is killed
// with SIGKILL right after the last answer; after a restart every command has taken effect, once. Slack and
// Feishu never redeliver an acknowledged event, so an event must be stored before it is acknowledged (the
// durable inbox). The platform's API is held (slow) during the burst, as a busy channel is: work acknowledged
// but still waiting in memory is exactly what a crash would lose.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect } from "vitest";
import { encryptLark, larkSignature } from "../../src/adapters/lark/verify.js";
import { faultTest, type FaultLedger } from "../support/fault-report.js";
import { startFakeApi } from "../support/fake-api.js";
import { startFakeSlack } from "../support/fake-slack.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const COMMANDS = 50;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function dbFileIn(): string {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir, "mediaops.db");
}

/** Topics stored per title. */
function topicsByTitle(dbFile: string): Map<string, number> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare("SELECT title, COUNT(*) AS n FROM Topic GROUP BY title").all() as { title: string; n: number }[];
    return new Map(rows.map((r) => [r.title, r.n]));
  } finally {
    db.close();
  }
}

async function killHard(svc: ServiceProcess): Promise<void> {
  svc.child.kill("SIGKILL");
  expect(await svc.exited).toBe(null); // ended by the signal, nothing graceful ran
}

/** Restarts on the same database and counts each title's topics once the restart has caught up. */
async function restartAndCount(env: Record<string, string>, dbFile: string, titles: string[], ledger: FaultLedger): Promise<void> {
  const restarted = await spawnService(env);
  try {
    // Waits for all of them; on a service that lost some this gives up after the limit and the ledger says which.
    await until(`${titles.length} topics after the restart`, () => titles.every((t) => (topicsByTitle(dbFile).get(t) ?? 0) > 0), { limitMs: 45_000 }).catch(() => undefined);
  } finally {
    restarted.child.kill("SIGTERM");
    await restarted.exited;
  }
  const stored = topicsByTitle(dbFile);
  for (const t of titles) ledger.seen(t, stored.get(t) ?? 0);
}

describe("kill -9 right after 50 acknowledged commands", () => {
  faultTest("SIGKILL after 50 acknowledged Slack /topic propose, then restart", async (ledger) => {
    const fake = await startFakeSlack();
    const dbFile = dbFileIn();
    const secret = "inbox-crash-signing-secret";
    const env = { DATABASE_URL: `file:${dbFile}`, SLACK_BOT_TOKEN: "xoxb-inbox-crash", SLACK_SIGNING_SECRET: secret, SLACK_API_URL: fake.apiUrl };
    try {
      const svc = await spawnService(env);
      const release = fake.hold("chat.postMessage"); // Slack slow to take the cards: the work is still going on
      const send = slackSender(svc.url, secret);
      const titles = Array.from({ length: COMMANDS }, (_, i) => `斯拉克崩溃验证选题编号${i + 1}`);
      const answers = await Promise.all(
        titles.map((title, i) => {
          ledger.attempt(title);
          const trigger = `${i + 1}.777.crash${i + 1}`;
          return send(slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, user: "U0CRASH", userName: "crash.ops", channel: "C0CRASH", trigger, responseUrl: fake.responseUrl(trigger) }));
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(titles.map(() => 200)); // every one acknowledged
      await killHard(svc);
      release();
      await restartAndCount(env, dbFile, titles, ledger);
    } finally {
      await fake.close();
    }
  }, { timeout: 240_000 });

  faultTest("SIGKILL after 50 acknowledged Feishu messages, then restart", async (ledger) => {
    const appId = "cli_a1b2c3d4e5f6a7b8";
    const token = "vtoken-inbox-crash";
    const key = "inbox-crash-encrypt-key";
    let n = 0;
    const fake = await startFakeApi((call) => {
      if (call.path === "/open-apis/auth/v3/tenant_access_token/internal") return { body: { code: 0, msg: "ok", tenant_access_token: "t-crash", expire: 7200 } };
      if (call.method === "POST" && call.path === "/open-apis/im/v1/messages") return { body: { code: 0, msg: "success", data: { message_id: `om_crash_${++n}`, chat_id: "oc_crash" } } };
      if (call.method === "PATCH") return { body: { code: 0, msg: "success", data: {} } };
      return undefined;
    });
    const dbFile = dbFileIn();
    const env = { DATABASE_URL: `file:${dbFile}`, FEISHU_APP_ID: appId, FEISHU_APP_SECRET: "app-secret", FEISHU_VERIFICATION_TOKEN: token, FEISHU_ENCRYPT_KEY: key, FEISHU_DOMAIN: fake.url };
    try {
      const svc = await spawnService(env);
      const release = fake.hold((c) => c.method === "POST" && c.path === "/open-apis/im/v1/messages");
      const titles = Array.from({ length: COMMANDS }, (_, i) => `飞书崩溃验证选题编号${i + 1}`);
      const answers = await Promise.all(
        titles.map(async (title, i) => {
          ledger.attempt(title);
          const now = Math.floor(Date.now() / 1000);
          const event = {
            schema: "2.0",
            header: { event_id: randomUUID(), event_type: "im.message.receive_v1", create_time: String(now * 1000), token, app_id: appId, tenant_key: "tenant-crash" },
            event: {
              sender: { sender_id: { open_id: "ou_crash" }, sender_type: "user", tenant_key: "tenant-crash" },
              message: { message_id: `om_in_${i}`, chat_id: "oc_crash", chat_type: "group", message_type: "text", content: JSON.stringify({ text: `@_user_1 topic propose ${title} --platform weibo` }), mentions: [{ key: "@_user_1", id: { open_id: "ou_bot" }, name: "mediaops", tenant_key: "tenant-crash" }] },
            },
          };
          const raw = JSON.stringify({ encrypt: encryptLark(key, JSON.stringify(event)) });
          const nonce = randomUUID();
          const headers = { "content-type": "application/json; charset=utf-8", "x-lark-request-timestamp": String(now), "x-lark-request-nonce": nonce, "x-lark-signature": larkSignature(String(now), nonce, key, raw) };
          return (await fetch(`${svc.url}/feishu/events`, { method: "POST", headers, body: raw })).status;
        }),
      );
      expect(answers).toEqual(titles.map(() => 200));
      await killHard(svc);
      release();
      await restartAndCount(env, dbFile, titles, ledger);
    } finally {
      await fake.close();
    }
  }, { timeout: 240_000 });
});
