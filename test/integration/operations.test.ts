// Operating promises: the console token off loopback, online backups, and one run per job slot.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../scripts/backup.js";
import { createLogger } from "../../src/lib/logger.js";
import { runJobOnce, type JobDefinition } from "../../src/jobs/scheduler.js";
import { consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ database: "sqlite", env: { MEDIAOPS_CONSOLE_TOKEN: "a-long-console-token-123" } });
});
afterAll(() => svc.dispose());

describe("console token", () => {
  it("refuses the API without the token, and serves it with it", async () => {
    const without = await svc.app.inject({ url: "/console/api/users" });
    expect(without.statusCode).toBe(401);
    const wrong = await svc.app.inject({ url: "/console/api/users", headers: { "x-mediaops-console-token": "a-long-console-token-124" } });
    expect(wrong.statusCode).toBe(401);
    const right = await svc.app.inject({ url: "/console/api/users", headers: { "x-mediaops-console-token": "a-long-console-token-123" } });
    expect(right.statusCode).toBe(200);
  });
});

describe("online backup", () => {
  it("copies a consistent database while the service keeps writing", async () => {
    const api = consoleClient(svc.app);
    const headers = { "x-mediaops-console-token": "a-long-console-token-123" };
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => api.call("POST", "/console/api/messages", { channel: "topics", user: "chen.jie", text: `/topic propose 备份期间的选题 ${i}` }, headers)));
    const target = join(svc.dir, "backup.db");
    const pages = await backupDatabase(svc.dbPath, target);
    await writes;
    expect(pages).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const topics = (copy.prepare("SELECT COUNT(*) AS n FROM Topic WHERE title LIKE '备份期间的选题%'").get() as { n: number }).n;
    const audited = (copy.prepare("SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'topic.propose' AND afterJson LIKE '%备份期间的选题%'").get() as { n: number }).n;
    copy.close();
    // Each proposal and its audit row commit together, so a consistent copy never has one without the other.
    expect(audited).toBe(topics);
    rmSync(target);
    expect(existsSync(target)).toBe(false);
  });
});

describe("job slots", () => {
  let shared: TestService;
  beforeAll(async () => {
    shared = await startTestService();
  });
  afterAll(() => shared.dispose());

  it("runs a slot once even when two schedulers fire it at the same moment", async () => {
    const svc = shared;
    let runs = 0;
    const job: JobDefinition = { id: "test.slot", cron: "* * * * *", slot: (now) => now.toISOString().slice(0, 16), run: async () => void runs++ };
    const env = { db: svc.deps.db, clock: svc.clock, log: createLogger("silent") };
    const results = await Promise.all([runJobOnce(job, env), runJobOnce(job, env), runJobOnce(job, env)]);
    expect(results.sort()).toEqual(["claimed-elsewhere", "claimed-elsewhere", "ran"]);
    expect(runs).toBe(1);
    svc.clock.advance(60_000);
    expect(await runJobOnce(job, env)).toBe("ran");
    expect(runs).toBe(2);
  });
});
