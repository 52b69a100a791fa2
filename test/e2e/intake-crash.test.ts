// Acknowledged intake, then killed: 150 WeChat OA pushes, 20 /ingest/comments items and 10 /ingest/metrics posts
// sent at once to the real service process, which is killed with SIGKILL the moment 40 of them have been
// answered ("success" / 200); after a restart (and its inbox workers have run what was stored) every
// acknowledged item and figure is there, once. WeChat never redelivers a push it was answered "success" for,
// and an intake sender treats 200 as done, so each must be stored before its answer. Before, the WeChat OA push
// answered first and stored afterwards (held in memory): under this load the first 40 answers were all pushes
// whose stores still waited behind the others, and the kill lost them.
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { wechatSignature } from "../../src/adapters/wechat-oa/crypto.js";
import { faultTest } from "../support/fault-report.js";
import { spawnService } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { until } from "../support/wait.js";

const TOKEN = "intakecrash";
const SECRET = "intake-crash-secret";
/** The service is killed when this many of the posts have been answered. */
const KILL_AT = 40;
/** Pushes sent at once: enough that answering before storing leaves stores waiting when the kill comes. */
const PUSHES = 150;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function query<T>(dbFile: string, sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe("kill -9 right after acknowledged intake", () => {
  faultTest("SIGKILL while 180 WeChat OA pushes and intake posts arrive, 40 acknowledged, then restart", async (ledger) => {
    const dbFile = join(dir, "mediaops.db");
    const env = { DATABASE_URL: `file:${dbFile}`, WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_APP_ID: "wx0123456789abcdef", WECHAT_OA_ACCOUNT: "gh_demo_oa", MEDIAOPS_INGEST_SECRET: SECRET };
    const svc = await spawnService(env);
    const ts = String(Math.floor(Date.now() / 1000));
    const signed = (body: string, type = "application/json") => ({ "content-type": type, "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(SECRET, ts, body) });

    const pushes = Array.from({ length: PUSHES }, (_, i) => `7200000000000000${String(i).padStart(3, "0")}`);
    const comments = Array.from({ length: 20 }, (_, i) => `crash-comment-${i}`);
    const metrics = Array.from({ length: 10 }, (_, i) => `crash-account-${i}`);
    // Killed the moment KILL_AT answers have arrived, the rest still in flight: each acknowledged one must be
    // stored already (an answer cut off by the kill was never acknowledged, so it is not counted).
    const acknowledged: string[] = [];
    const ack = (key: string, answer: string) => {
      if (answer !== "200 success" || svc.child.exitCode !== null || svc.child.signalCode !== null) return answer;
      acknowledged.push(key);
      ledger.attempt(key);
      if (acknowledged.length === KILL_AT) svc.child.kill("SIGKILL");
      return answer;
    };
    const answers = await Promise.all([
      ...pushes.map(async (msgId, i) => {
        const nonce = `crashnonce${i}`;
        const body = `<xml><ToUserName><![CDATA[gh_demo_oa]]></ToUserName><FromUserName><![CDATA[oCrash${i}]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[崩溃前已应答的留言 ${i}]]></Content><MsgId>${msgId}</MsgId></xml>`;
        const res = await fetch(`${svc.url}/wechat/oa?signature=${wechatSignature(TOKEN, ts, nonce)}&timestamp=${ts}&nonce=${nonce}&openid=oCrash${i}`, { method: "POST", headers: { "content-type": "text/xml" }, body });
        return ack(msgId, `${res.status} ${await res.text()}`);
      }).map((p) => p.catch(() => "cut off by the kill")),
      ...comments.map(async (id) => {
        const body = JSON.stringify({ platform: "douyin", account: "brand-douyin", kind: "comment", externalId: id, author: "用户", text: "什么时候发货？", createdAt: new Date().toISOString() });
        const res = await fetch(`${svc.url}/ingest/comments`, { method: "POST", headers: signed(body), body });
        return ack(id, `${res.status} ${res.status === 200 ? "success" : await res.text()}`);
      }).map((p) => p.catch(() => "cut off by the kill")),
      ...metrics.map(async (account) => {
        const body = JSON.stringify({ metrics: [{ platform: "douyin", account, metric: "reads", day: "2026-11-25", value: 100 }] });
        const res = await fetch(`${svc.url}/ingest/metrics`, { method: "POST", headers: signed(body), body });
        return ack(account, `${res.status} ${res.status === 200 ? "success" : await res.text()}`);
      }).map((p) => p.catch(() => "cut off by the kill")),
    ]);
    expect(answers.filter((a) => a !== "200 success" && a !== "cut off by the kill")).toEqual([]); // none refused
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AT);
    expect(await svc.exited).toBe(null); // ended by the signal, nothing graceful ran

    // The restarted service's inbox workers open the SLA items of pushes that were stored but not yet run.
    const restarted = await spawnService(env);
    await until("the restarted service to run every stored event", () => query<{ n: number }>(dbFile, "SELECT COUNT(*) AS n FROM InboundEvent WHERE status <> 'done'")[0]!.n === 0);
    restarted.child.kill("SIGTERM");
    await restarted.exited;
    const items = query<{ externalId: string; n: number }>(dbFile, "SELECT externalId, COUNT(*) AS n FROM SlaItem GROUP BY externalId");
    const byId = new Map(items.map((r) => [r.externalId, r.n]));
    for (const k of [...pushes, ...comments]) if (acknowledged.includes(k)) ledger.seen(k, byId.get(k) ?? 0);
    const figures = query<{ account: string; n: number }>(dbFile, "SELECT account, COUNT(*) AS n FROM MetricValue WHERE account LIKE 'crash-account-%' GROUP BY account");
    for (const r of figures) if (acknowledged.includes(r.account)) ledger.seen(r.account, r.n);
  }, { timeout: 240_000 });
});
