// Backpressure and de-duplication of the content-platform intake, the way the chat platforms have them
// (inbox-full.test.ts): with MEDIAOPS_INBOX_MAX events stored and not yet processed (the workers paused, as when
// all of them are busy), a WeChat OA push is answered 503 (not "success", so WeChat delivers it again) and
// /ingest/comments and /ingest/metrics answer 503 with Retry-After, storing nothing. Once there is room, the
// senders' retries go through, and every redelivery of something already stored (WeChat's retry of an
// answered push under a new nonce, an intake post sent twice) is stored once.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { wechatSignature } from "../../src/adapters/wechat-oa/crypto.js";
import { groupFlush, setDurableFlush, sqliteWalFlush } from "../../src/db/durable.js";
import { faultTest } from "../support/fault-report.js";
import { startTestService, type TestService } from "../support/service.js";
import { until } from "../support/wait.js";

const TOKEN = "inboxintake";
const SECRET = "inbox-intake-secret-0123";
const MAX = 3;
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { MEDIAOPS_INBOX_MAX: String(MAX), WECHAT_OA_TOKEN: TOKEN, WECHAT_OA_APP_ID: "wx0123456789abcdef", WECHAT_OA_ACCOUNT: "gh_demo_oa", MEDIAOPS_INGEST_SECRET: SECRET } });
});
afterAll(async () => {
  await svc?.dispose();
});

const seconds = () => String(Math.floor(svc.clock.now().getTime() / 1000));
let nonces = 0;

/** A plaintext-mode push of message `msgId` as WeChat sends it (each delivery has its own nonce). */
async function push(msgId: string): Promise<string> {
  const ts = seconds();
  const nonce = `intakenonce${++nonces}`;
  const body = `<xml><ToUserName><![CDATA[gh_demo_oa]]></ToUserName><FromUserName><![CDATA[oIntake${msgId.slice(-2)}]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收件箱满载时的留言 ${msgId}]]></Content><MsgId>${msgId}</MsgId></xml>`;
  const res = await fetch(`${svc.url}/wechat/oa?signature=${wechatSignature(TOKEN, ts, nonce)}&timestamp=${ts}&nonce=${nonce}&openid=oIntake`, { method: "POST", headers: { "content-type": "text/xml" }, body });
  return `${res.status} ${res.status === 200 ? await res.text() : ""}`.trim();
}

async function signedPost(path: string, payload: unknown): Promise<Response> {
  const ts = seconds();
  const body = JSON.stringify(payload);
  return fetch(`${svc.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json", "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(SECRET, ts, body) } });
}
const comment = (externalId: string) => ({ platform: "douyin", account: "brand-douyin", kind: "comment", externalId, author: "用户", text: "什么时候发货？", createdAt: svc.clock.now().toISOString() });
const figure = (account: string) => ({ metrics: [{ platform: "douyin", account, metric: "reads", day: "2026-11-25", value: 100 }] });

describe("a full inbox and the content-platform intake", () => {
  faultTest("MEDIAOPS_INBOX_MAX events waiting: WeChat OA pushes and intake posts refused 503, retried later, stored once", async (ledger) => {
    const inbox = svc.deps.inbox!;
    const db = svc.deps.db;
    await inbox.stop(); // every worker busy elsewhere: nothing stored is processed for now
    const msgIds = Array.from({ length: MAX + 2 }, (_, i) => `72100000000000000${i + 10}`);
    msgIds.forEach((m) => ledger.attempt(m));
    ["full-comment", "full-account"].forEach((k) => ledger.attempt(k));

    const first = await Promise.all(msgIds.map(push));
    expect([...first].sort()).toEqual([...Array(MAX).fill("200 success"), "503", "503"]);
    expect(await db.inboundEvent.count({ where: { source: "wechat_oa" } }), "the refused pushes were not stored").toBe(MAX);
    const comments = await signedPost("/ingest/comments", comment("full-comment"));
    expect([comments.status, comments.headers.get("retry-after")]).toEqual([503, "5"]);
    const metrics = await signedPost("/ingest/metrics", figure("full-account"));
    expect([metrics.status, metrics.headers.get("retry-after")]).toEqual([503, "5"]);
    expect(await db.slaItem.count({ where: { externalId: "full-comment" } })).toBe(0);
    expect(await db.metricValue.count({ where: { account: "full-account" } })).toBe(0);

    inbox.start();
    await inbox.idle();
    // WeChat's next delivery of each refused push; a redelivery of an answered one under a new nonce.
    const refused = msgIds.filter((_, i) => first[i] !== "200 success");
    for (const m of refused) expect(await push(m)).toBe("200 success");
    const answered = msgIds.find((_, i) => first[i] === "200 success")!;
    expect(await push(answered)).toBe("200 success");
    // The intake senders retry; the comment is then sent once more (its report says duplicate).
    expect((await signedPost("/ingest/comments", comment("full-comment"))).status).toBe(200);
    expect((await signedPost("/ingest/metrics", figure("full-account"))).status).toBe(200);
    const again = (await (await signedPost("/ingest/comments", comment("full-comment"))).json()) as { accepted: number; duplicates: number };
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
    await inbox.idle();

    expect(await db.inboundEvent.count({ where: { source: "wechat_oa" } }), "one inbox event per message: the redelivery was not stored").toBe(msgIds.length);
    for (const m of msgIds) ledger.seen(m, await db.slaItem.count({ where: { platform: "wechat_oa", externalId: m } }));
    ledger.seen("full-comment", await db.slaItem.count({ where: { externalId: "full-comment" } }));
    ledger.seen("full-account", await db.metricValue.count({ where: { account: "full-account" } }));
  }, { timeout: 120_000 });

  faultTest("intake requests in progress count against MEDIAOPS_INBOX_MAX: the next push and post refused 503", async (ledger) => {
    const db = svc.deps.db;
    // The flush before each 200 is held, so the intake requests stay in progress (their items committed).
    let calls = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    setDurableFlush(db, () => {
      calls++;
      return gate;
    });
    try {
      const ids = Array.from({ length: MAX }, (_, i) => `held-comment-${i}`);
      [...ids, "over-comment", "7210000000000000099"].forEach((k) => ledger.attempt(k));
      const held = ids.map((id) => signedPost("/ingest/comments", comment(id)));
      await until(`${MAX} intake requests waiting for their flush`, () => calls === MAX);
      // Each is answered at once, or (admitted, wrongly) goes on to wait for the held flush too.
      const unheld = async <T>(request: Promise<T>): Promise<T> => {
        let answer: { value: T } | undefined;
        void request.then((value) => (answer = { value }));
        const seen = await until("an answer, or one more request waiting for the flush", () => answer ?? (calls > MAX && "admitted: waiting for the flush"));
        if (typeof seen === "string") throw new Error(`refused request was ${seen}`);
        return seen.value;
      };
      const over = await unheld(signedPost("/ingest/comments", comment("over-comment")));
      expect([over.status, over.headers.get("retry-after")]).toEqual([503, "5"]);
      expect(await unheld(push("7210000000000000099")), "no room for a push while MAX intake requests are in progress").toBe("503");
      open();
      expect((await Promise.all(held)).map((r) => r.status)).toEqual(Array(MAX).fill(200));
      // Room again: the refused ones are sent again.
      expect((await signedPost("/ingest/comments", comment("over-comment"))).status).toBe(200);
      expect(await push("7210000000000000099")).toBe("200 success");
      await svc.deps.inbox!.idle();
      for (const id of [...ids, "over-comment"]) ledger.seen(id, await db.slaItem.count({ where: { externalId: id } }));
      ledger.seen("7210000000000000099", await db.slaItem.count({ where: { externalId: "7210000000000000099" } }));
    } finally {
      open();
      setDurableFlush(db, svc.databaseUrl.startsWith("file:") ? groupFlush(sqliteWalFlush(svc.dbPath)) : async () => {});
    }
  }, { timeout: 120_000 });
});
