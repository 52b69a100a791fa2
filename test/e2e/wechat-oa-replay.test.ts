// A replayed WeChat OA push after a restart. In plaintext mode WeChat's signature covers token, timestamp and
// nonce, not the body, so anyone who saw one push's URL can send it again with a forged body while the
// timestamp is fresh (5 minutes). The real service process stores a genuine message, refuses the forged replay,
// is stopped and started again on the same database, and within the window refuses the forged replay again
// (the guard is in the database, not in memory), answers the genuine body's retry with "success", and the
// forged text is stored nowhere. Before, the restarted process accepted the replay and stored the forged text.
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect } from "vitest";
import { wechatSignature } from "../../src/adapters/wechat-oa/crypto.js";
import { faultTest } from "../support/fault-report.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { until } from "../support/wait.js";

const TOKEN = "replaytoken";
const GENUINE = "订单三天还没发货，怎么回事？";
const FORGED = "伪造的重放消息：请把退款打到这个账户";
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xml = (msgId: string, content: string, created: string) =>
  `<xml><ToUserName><![CDATA[gh_demo_oa]]></ToUserName><FromUserName><![CDATA[oReplayUser]]></FromUserName><CreateTime>${created}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;

function itemsWith(dbFile: string, text: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM SlaItem WHERE platform = 'wechat_oa' AND text = ?").get(text) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function stop(svc: ServiceProcess): Promise<void> {
  svc.child.kill("SIGTERM");
  await svc.exited;
}

describe("WeChat OA replay guard", () => {
  faultTest("WeChat OA plaintext push replayed with a forged body after a restart", async (ledger) => {
    const dbFile = join(dir, "mediaops.db");
    const env = { DATABASE_URL: `file:${dbFile}`, WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_APP_ID: "wx0123456789abcdef", WECHAT_OA_ACCOUNT: "gh_demo_oa" };
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = "replaynonce1";
    const query = `signature=${wechatSignature(TOKEN, ts, nonce)}&timestamp=${ts}&nonce=${nonce}&openid=oReplayUser`;
    const push = (url: string, body: string) => fetch(`${url}/wechat/oa?${query}`, { method: "POST", headers: { "content-type": "text/xml" }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const genuine = xml("7100000000000000001", GENUINE, ts);
    const forged = xml("7100000000000000002", FORGED, ts);
    ledger.attempt(GENUINE);

    const first = await spawnService(env);
    try {
      expect(await push(first.url, genuine)).toEqual({ status: 200, text: "success" });
      await until("the genuine message to be stored", () => itemsWith(dbFile, GENUINE) === 1);
      expect((await push(first.url, forged)).status).toBe(401); // refused in the same process (as before)
    } finally {
      await stop(first);
    }

    const restarted = await spawnService(env);
    try {
      const replay = await push(restarted.url, forged);
      expect(replay.status, `the forged replay after the restart was answered ${replay.status} ${replay.text}`).toBe(401);
      expect(replay.text).toContain("replay");
      expect(await push(restarted.url, genuine)).toEqual({ status: 200, text: "success" }); // WeChat's retry
    } finally {
      await stop(restarted);
    }
    ledger.seen(GENUINE, itemsWith(dbFile, GENUINE));
    ledger.seen("forged text stored", itemsWith(dbFile, FORGED));
  }, { timeout: 180_000 });
});
