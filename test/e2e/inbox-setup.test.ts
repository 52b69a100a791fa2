// The console's first-admin `/mediaops setup <code>` goes through the durable inbox like every other console
// command: with MEDIAOPS_INBOX_MAX events waiting it is answered 503 "busy, try again" and changes nothing (the
// code stays unused, nobody is taken in); once there is room the same line makes its sender admin, and the
// command was stored as an inbox event before it ran.
import { PassThrough } from "node:stream";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService, type RunningService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { consoleClient } from "../support/console-client.js";
import { createTestDatabase, dropTestDatabase, testDatabaseKind } from "../support/postgres.js";
import { tempDir } from "../support/service.js";

const MAX = 1;
let svc: RunningService;
const lines: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  let url: string;
  if (testDatabaseKind() === "postgres") {
    const pgUrl = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(pgUrl));
    url = pgUrl;
  } else {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    url = `file:${join(dir, "m.db")}`;
  }
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  const env = loadConfig({ PORT: "0", DATABASE_URL: url, MEDIAOPS_DEMO: "0", LOG_LEVEL: "info", MEDIAOPS_INBOX_MAX: String(MAX) });
  svc = await startService({ env, clock: new FakeClock("2026-11-26T02:00:00Z"), log: createLogger("info", sink), jobs: false });
});
afterAll(async () => {
  await svc?.stop();
  for (const c of cleanups) await c();
});

describe("the first admin's setup in the console", () => {
  it("is refused busy while the inbox is full, changing nothing, and goes through the inbox once there is room", async () => {
    await new Promise((r) => setImmediate(r)); // the start's log lines reach the sink
    const code = lines.map((l) => JSON.parse(l) as { setupCode?: string }).find((l) => l.setupCode)!.setupCode!;
    const api = consoleClient(svc.app);
    const inbox = svc.deps.inbox!;
    const db = svc.deps.db;

    await inbox.stop(); // every worker busy elsewhere: a stored event waits
    const waiting = await inbox.store({ kind: "command", actor: { platform: "console", tenant: "local", externalId: "someone" }, conversation: { platform: "console", externalId: "general" }, text: "/help" });
    expect(waiting.kind).toBe("stored");

    const refused = await api.say("wang.fang", `/mediaops setup ${code}`, "general");
    expect([refused.status, refused.error]).toEqual([503, "服务器正忙，请稍后再试。没有做任何更改。"]);
    expect(await db.user.count(), "nobody taken in").toBe(0);
    expect(await db.setupCode.count({ where: { usedAt: null } }), "the code is still unused").toBe(1);

    inbox.start();
    await inbox.idle();
    const ok = await api.say("wang.fang", `/mediaops setup ${code}`, "general");
    expect(ok.status).toBe(200);
    const admin = await db.platformIdentity.findFirstOrThrow({ where: { platform: "console", externalId: "wang.fang" }, include: { user: true } });
    expect(admin.user.rolesJson).toContain("admin");
    const stored = await db.inboundEvent.findMany({ where: { source: "console" }, select: { payloadJson: true, status: true } });
    expect(stored.filter((e) => e.payloadJson.includes("/mediaops setup")).map((e) => e.status)).toEqual(["done"]);
  });
});
