// Several service processes on one database (PostgreSQL in the PostgreSQL run, one SQLite file otherwise):
// interleaved commands and clicks to all of them while their schedulers catch up on the same due work, and
// every decision, reminder and digest happens once.
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { recordFault } from "../support/fault-report.js";
import { createTestDatabase, dropTestDatabase, testDatabaseKind } from "../support/postgres.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { tempDir } from "../support/service.js";

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

/** One number from the shared database, whichever kind it is. */
async function count(sql: string): Promise<number> {
  if (databaseUrl.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    } finally {
      await client.end();
    }
  }
  const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
}

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
  replicas = await Promise.all(Array.from({ length: REPLICAS }, () => spawnService(env())));
}, 90_000);

afterAll(async () => {
  for (const r of replicas) r.child.kill("SIGTERM");
  await Promise.all(replicas.map((r) => r.exited));
  if (databaseUrl.startsWith("postgres")) await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe(`${REPLICAS} replicas on one database`, () => {
  it("take each decision once, and send each digest and reminder once", async () => {
    const proposals = await Promise.all(
      Array.from({ length: TOPICS }, (_, i) => say(replicas[i % REPLICAS]!.url, "chen.jie", `/topic propose 多副本选题 ${i} --platform douyin`, "topics")),
    );
    expect(proposals.map((p) => p.status)).toEqual(Array(TOPICS).fill(200));
    const cards = proposals.map((p) => p.messages.find((m) => m.card?.title.includes("多副本选题"))!);
    // Every replica clicks Accept on every card at once, and both level-1 reviewers approve through all replicas.
    const reviewers = ["li.wei", "zhang.min", "li.wei"];
    const [clicks, reviewClicks] = await Promise.all([
      Promise.all(cards.flatMap((card) => replicas.map((r, i) => call(r.url, "/console/api/actions", { user: i === 0 ? "wang.fang" : "liu.yang", messageId: card.id, actionId: "topic.accept", value: button(card, "topic.accept").value })))),
      Promise.all(replicas.map((r, i) => call(r.url, "/console/api/actions", { user: reviewers[i], messageId: reviewCard.id, actionId: "review.approve", value: button(reviewCard, "review.approve").value }))),
    ]);
    expect([...clicks, ...reviewClicks].filter((c) => c.status >= 500)).toEqual([]);
    await new Promise((r) => setTimeout(r, 7000)); // the replicas' outbox workers run a tick or two
    const stream = await call(replicas[1]!.url, "/console/api/messages?channel=topics");
    const copies = cards.map((c) => stream.messages.filter((m) => m.card?.title === c.card!.title).length);
    const outcomes = cards.map((c) => stream.messages.find((m) => m.id === c.id)!.card!.blocks.filter((b) => b.type === "outcome").length);
    const accepted = clicks.filter((c) => c.status === 200).length;
    const levelOneDecisions = await count(`SELECT COUNT(*) AS n FROM "ReviewDecision" WHERE "reviewId" = ${reviewId} AND "level" = 1`);
    const digests = await count(`SELECT COUNT(*) AS n FROM "DigestRun"`);
    const digestCards = (await call(replicas[2]!.url, "/console/api/messages?channel=kpi")).messages.filter((m) => m.text.startsWith("每日数据简报")).length;
    const reminderRows = await count(`SELECT COUNT(*) AS n FROM "AuditLog" WHERE "subjectType" = 'sla' AND "action" IN ('sla.breach', 'sla.escalate')`);
    const distinctReminders = await count(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT "action", "afterJson" FROM "AuditLog" WHERE "subjectType" = 'sla' AND "action" IN ('sla.breach', 'sla.escalate')) AS d`);
    const undelivered = await count(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent'`);
    recordFault({
      fault: `${REPLICAS} replicas: ${TOPICS} topics × ${REPLICAS} Accepts, 3 approvals of one review level, a digest and SLA reminders due at start`,
      attempted: TOPICS + 1 + 1 + distinctReminders,
      lost: outcomes.filter((o) => o === 0).length + (levelOneDecisions === 0 ? 1 : 0) + (digestCards === 0 ? 1 : 0) + undelivered,
      duplicated: Math.max(0, accepted - TOPICS) + copies.filter((n) => n > 1).length + Math.max(0, levelOneDecisions - 1) + Math.max(0, digestCards - 1) + (reminderRows - distinctReminders),
    });
    expect(accepted).toBe(TOPICS);
    expect(copies).toEqual(Array(TOPICS).fill(1));
    expect(outcomes).toEqual(Array(TOPICS).fill(1));
    expect(levelOneDecisions).toBe(1);
    expect(reviewClicks.filter((c) => c.status === 200)).toHaveLength(1);
    expect(digests).toBe(1);
    expect(digestCards).toBe(1);
    expect(distinctReminders).toBeGreaterThan(0);
    expect(reminderRows).toBe(distinctReminders);
    expect(undelivered).toBe(0);
  }, 90_000);
});
