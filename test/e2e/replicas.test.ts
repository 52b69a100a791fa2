// Several service processes on one database (PostgreSQL in the PostgreSQL run, one SQLite file otherwise):
// interleaved commands and clicks to all of them, their schedulers running, and every decision taken once.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFault } from "../support/fault-report.js";
import { createTestDatabase, dropTestDatabase, testDatabaseKind } from "../support/postgres.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { tempDir } from "../support/service.js";

const REPLICAS = 3;
const TOPICS = 12;
const dir = tempDir();
let databaseUrl = "";
let replicas: ServiceProcess[] = [];

interface Msg {
  id: string;
  text: string;
  card: { title: string; blocks: { type: string; buttons?: { actionId: string; value: string }[] }[] } | null;
}

async function call(url: string, path: string, body?: unknown): Promise<{ status: number; messages: Msg[] }> {
  const res = await fetch(`${url}${path}`, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : undefined);
  const json = (await res.json()) as { messages?: Msg[] };
  return { status: res.status, messages: json.messages ?? [] };
}

beforeAll(async () => {
  databaseUrl = testDatabaseKind() === "postgres" ? await createTestDatabase() : `file:${join(dir, "shared.db")}`;
  // Start one first so the demo team is seeded once, then the others on the same data.
  replicas.push(await spawnService({ DATABASE_URL: databaseUrl }));
  for (let i = 1; i < REPLICAS; i++) replicas.push(await spawnService({ DATABASE_URL: databaseUrl }));
}, 60_000);

afterAll(async () => {
  for (const r of replicas) r.child.kill("SIGTERM");
  await Promise.all(replicas.map((r) => r.exited));
  if (databaseUrl.startsWith("postgres")) await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe(`${REPLICAS} replicas on one database`, () => {
  it("take each decision once under interleaved commands and simultaneous clicks", async () => {
    const proposals = await Promise.all(
      Array.from({ length: TOPICS }, (_, i) => call(replicas[i % REPLICAS]!.url, "/console/api/messages", { channel: "topics", user: "chen.jie", text: `/topic propose 多副本选题 ${i} --platform douyin` })),
    );
    expect(proposals.map((p) => p.status)).toEqual(Array(TOPICS).fill(200));
    const cards = proposals.map((p) => p.messages.find((m) => m.card?.title.includes("多副本选题"))!);
    // Every replica clicks Accept on every card at once, as three managers on three replicas would.
    const clicks = await Promise.all(
      cards.flatMap((card) =>
        replicas.map((r, i) => {
          const button = card.card!.blocks.find((b) => b.type === "actions")!.buttons!.find((b) => b.actionId === "topic.accept")!;
          return call(r.url, "/console/api/actions", { user: i === 0 ? "wang.fang" : "liu.yang", messageId: card.id, actionId: "topic.accept", value: button.value });
        }),
      ),
    );
    const accepted = clicks.filter((c) => c.status === 200).length;
    const refused = clicks.filter((c) => c.status === 400).length;
    expect(clicks.filter((c) => c.status >= 500)).toEqual([]);
    // Let the replicas' outbox workers run a few ticks.
    await new Promise((r) => setTimeout(r, 6000));
    const stream = await call(replicas[1]!.url, "/console/api/messages?channel=topics");
    const copies = cards.map((c) => stream.messages.filter((m) => m.card?.title === c.card!.title).length);
    const outcomes = cards.map((c) => stream.messages.find((m) => m.id === c.id)!.card!.blocks.filter((b) => b.type === "outcome").length);
    recordFault({ fault: `${REPLICAS} replicas, ${TOPICS} topics, ${REPLICAS} simultaneous Accepts each`, attempted: TOPICS, lost: outcomes.filter((o) => o === 0).length, duplicated: Math.max(0, accepted - TOPICS) + copies.filter((n) => n > 1).length });
    expect(accepted).toBe(TOPICS);
    expect(refused).toBe(TOPICS * (REPLICAS - 1));
    expect(copies).toEqual(Array(TOPICS).fill(1));
    expect(outcomes).toEqual(Array(TOPICS).fill(1));
  }, 90_000);
});
