// Several service processes on one database (PostgreSQL in the PostgreSQL run, one SQLite file otherwise):
// interleaved commands and clicks to all of them while their schedulers catch up on the same due work, and
// every decision, reminder and digest happens once.
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { faultTest } from "../support/fault-report.js";
import { createTestDatabase, dropTestDatabase, testDatabaseKind } from "../support/postgres.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { until } from "../support/wait.js";

const REPLICAS = 3;
const TOPICS = 12;
const SECRET = "replicas-ingest-secret-0123";
const dir = tempDir();
let databaseUrl = "";
let replicas: ServiceProcess[] = [];

interface Msg {
  id: string;
  text: string;
  card: { title: string; blocks: { type: string; buttons?: { actionId: string; value: string }[] }[] } | null;
}

async function call(url: string, path: string, body?: unknown): Promise<{ status: number; messages: Msg[]; error?: string }> {
  const res = await fetch(`${url}${path}`, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : undefined);
  const json = (await res.json()) as { messages?: Msg[]; error?: string };
  return { status: res.status, messages: json.messages ?? [], error: json.error };
}
const say = (url: string, user: string, text: string, channel: string) => call(url, "/console/api/messages", { channel, user, text });
const button = (m: Msg, actionId: string) => m.card!.blocks.flatMap((b) => b.buttons ?? []).find((b) => b.actionId === actionId)!;

/** Rows from the shared database, whichever kind it is. */
async function rows(sql: string): Promise<Record<string, unknown>[]> {
  if (databaseUrl.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** One number from the shared database. */
const count = async (sql: string): Promise<number> => Number((await rows(sql))[0]!.n);

/** Runs one statement on the shared database (test setup only). */
async function exec(sql: string): Promise<void> {
  if (databaseUrl.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(databaseUrl.slice("file:".length));
  try {
    db.prepare(sql).run();
  } finally {
    db.close();
  }
}

const env = () => ({ DATABASE_URL: databaseUrl, MEDIAOPS_INGEST_SECRET: SECRET });
let reviewCard: Msg;
let reviewId = 0;

beforeAll(async () => {
  databaseUrl = testDatabaseKind() === "postgres" ? await createTestDatabase() : `file:${join(dir, "shared.db")}`;
  // Phase 1: one replica without a scheduler seeds the team and leaves work due for the others to find.
  const seeder = await spawnService({ ...env(), MEDIAOPS_JOBS: "0" });
  const url = seeder.url;
  const proposed = await say(url, "chen.jie", "/topic propose 多副本审核的稿件 --platform douyin", "topics");
  const topicId = /^#(\d+)/.exec(proposed.messages[0]!.card!.title)![1];
  expect((await say(url, "wang.fang", `/topic accept ${topicId}`, "topics")).status).toBe(200);
  expect((await say(url, "wang.fang", `/topic assign ${topicId} @chen.jie`, "topics")).status).toBe(200);
  const submitted = await say(url, "chen.jie", `/review submit ${topicId} https://docs.example.com/replicas 初稿`, "reviews");
  expect(submitted.status, submitted.error).toBe(200);
  reviewId = Number(/R(\d+)/.exec(submitted.messages.find((m) => /R\d+ /.test(m.card?.title ?? ""))!.card!.title)![1]);
  reviewCard = submitted.messages.find((m) => m.card?.title.includes(`R${reviewId} `) && m.text.includes("1 / 3"))!;
  expect(reviewCard, "the level-1 request card").toBeDefined();
  expect((await say(url, "wang.fang", "/kpi subscribe --time 00:00 --tz Asia/Shanghai --workdays no", "kpi")).status).toBe(200);
  // A subscription never sends a slot older than itself: date it back a week so today's 00:00 slot is due.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
  await exec(`UPDATE "DigestSubscription" SET "createdAt" = '${databaseUrl.startsWith("postgres") ? weekAgo.replace("T", " ").replace("Z", "") : weekAgo.replace("Z", "+00:00")}'`);
  const body = JSON.stringify({ platform: "douyin", account: "brand-douyin", kind: "complaint", externalId: "replica-c1", author: "用户", text: "三天了还没发货！", createdAt: new Date(Date.now() - 40 * 3600_000).toISOString() });
  const ts = String(Math.floor(Date.now() / 1000));
  const ingested = await fetch(`${url}/ingest/comments`, { method: "POST", body, headers: { "content-type": "application/json", "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(SECRET, ts, body) } });
  expect(ingested.status).toBe(200);
  seeder.child.kill("SIGTERM");
  await seeder.exited;
  // Phase 2: the replicas start together, so their schedulers catch up on the same digest and reminders at once.
  // (At debug level each job run is logged: the test waits for every replica's catch-up to end.)
  replicas = await Promise.all(Array.from({ length: REPLICAS }, () => spawnService({ ...env(), LOG_LEVEL: "debug" })));
}, 400_000);

afterAll(async () => {
  for (const r of replicas) r.child.kill("SIGTERM");
  await Promise.all(replicas.map((r) => r.exited));
  if (databaseUrl.startsWith("postgres")) await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

/** True once a replica has logged a run of `job` (its catch-up at start runs every job once, in order). */
const ran = (r: ServiceProcess, job: string) => r.output().split("\n").some((l) => l.includes(`"job":"${job}"`) && /"msg":"job run( failed)?"/.test(l));

describe(`${REPLICAS} replicas on one database`, () => {
  // Each decision, card, reminder and digest happens once, whichever replica gets there first.
  faultTest(`${REPLICAS} replicas: ${TOPICS} topics × ${REPLICAS} Accepts, 3 approvals of one review level, a digest and SLA reminders due at start`, async (ledger) => {
    const proposals = await Promise.all(
      Array.from({ length: TOPICS }, (_, i) => say(replicas[i % REPLICAS]!.url, "chen.jie", `/topic propose 多副本选题 ${i} --platform douyin`, "topics")),
    );
    expect(proposals.map((p) => p.status)).toEqual(Array(TOPICS).fill(200));
    const cards = proposals.map((p, i) => {
      const card = p.messages.find((m) => m.card?.title.includes("多副本选题"));
      expect(card, `the answer to proposal ${i} shows its card`).toBeDefined();
      return card!;
    });
    // Every replica clicks Accept on every card at once, and both level-1 reviewers approve through all replicas.
    const reviewers = ["li.wei", "zhang.min", "li.wei"];
    const [clicks, reviewClicks] = await Promise.all([
      Promise.all(cards.map((card) => Promise.all(replicas.map((r, i) => call(r.url, "/console/api/actions", { user: i === 0 ? "wang.fang" : "liu.yang", messageId: card.id, actionId: "topic.accept", value: button(card, "topic.accept").value }))))),
      Promise.all(replicas.map((r, i) => call(r.url, "/console/api/actions", { user: reviewers[i], messageId: reviewCard.id, actionId: "review.approve", value: button(reviewCard, "review.approve").value }))),
    ]);
    const failed = [...clicks.flat(), ...reviewClicks].filter((c) => c.status >= 500);
    // On failure, the replicas' own error lines say why (the answer only says the request failed).
    const errorLines = () => replicas.flatMap((r) => r.output().split("\n").filter((l) => /"level":(50|60)/.test(l))).join("\n");
    expect(failed.map((c) => `${c.status} ${c.error}`), failed.length ? errorLines() : "").toEqual([]);
    // Everything is done once every replica has finished its catch-up run and nothing is left in the outbox.
    await until("every replica's catch-up run", () => replicas.every((r) => ran(r, "sla.sweep")));
    await until("the outbox to drain", async () => (await count(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent'`)) === 0);

    const stream = await call(replicas[1]!.url, "/console/api/messages?channel=topics");
    cards.forEach((c, i) => {
      ledger.attempt(`topic ${i}: card`);
      ledger.seen(`topic ${i}: card`, stream.messages.filter((m) => m.card?.title === c.card!.title).length);
      ledger.attempt(`topic ${i}: accepted`);
      ledger.seen(`topic ${i}: accepted`, clicks[i]!.filter((c) => c.status === 200).length);
      ledger.attempt(`topic ${i}: outcome line`);
      ledger.seen(`topic ${i}: outcome line`, stream.messages.find((m) => m.id === c.id)?.card?.blocks.filter((b) => b.type === "outcome").length ?? 0);
    });
    ledger.attempt("review level 1: decision");
    ledger.seen("review level 1: decision", await count(`SELECT COUNT(*) AS n FROM "ReviewDecision" WHERE "reviewId" = ${reviewId} AND "level" = 1`));
    ledger.attempt("review level 1: accepted click");
    ledger.seen("review level 1: accepted click", reviewClicks.filter((c) => c.status === 200).length);
    ledger.attempt("digest: run");
    ledger.seen("digest: run", await count(`SELECT COUNT(*) AS n FROM "DigestRun"`));
    ledger.attempt("digest: card");
    ledger.seen("digest: card", (await call(replicas[2]!.url, "/console/api/messages?channel=kpi")).messages.filter((m) => m.text.startsWith("每日数据简报")).length);
    const reminders = await rows(`SELECT "action" || ' ' || "afterJson" AS k, COUNT(*) AS n FROM "AuditLog" WHERE "subjectType" = 'sla' AND "action" IN ('sla.breach', 'sla.escalate') GROUP BY "action", "afterJson"`);
    expect(reminders.length, "the SLA sweep found the complaint due").toBeGreaterThan(0);
    for (const r of reminders) {
      ledger.attempt(`sla reminder ${r.k}`);
      ledger.seen(`sla reminder ${r.k}`, Number(r.n));
    }
  }, { timeout: 300_000 });
});
