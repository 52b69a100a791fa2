// SQLite commits at synchronous=NORMAL (better-sqlite3's WAL default: safe from a crash of the process, not of
// the machine); the inbox row a platform is told "received" about is flushed to disk before the answer goes
// out (src/db/durable.ts). Runs on SQLite in
// both legs of the suite: PostgreSQL commits durably by itself and has no flush to hold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupFlush, setDurableFlush } from "../../src/db/durable.js";
import { startTestService, type TestService } from "../support/service.js";
import { until } from "../support/wait.js";

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ database: "sqlite" });
});
afterAll(async () => {
  await svc.dispose();
});

describe("the inbox's flush before the answer", () => {
  it("answers a console command only after its stored event has been flushed", async () => {
    const held: (() => void)[] = [];
    setDurableFlush(svc.deps.db, groupFlush(() => new Promise<void>((resolve) => held.push(resolve))));
    let answered = false;
    const answer = fetch(`${svc.url}/console/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "topics", user: "chen.jie", text: "/topic list" }),
    }).then((res) => {
      answered = true;
      return res;
    });
    await until("the inbox asks for a flush", () => held.length === 1);
    expect(answered, "no answer while the event is not on disk").toBe(false);
    expect(await svc.deps.db.inboundEvent.count(), "the event is stored (written, not yet flushed)").toBe(1);
    held[0]!();
    expect((await answer).status).toBe(200);
  });
});
