// A COMMIT that SQLite refuses does not wedge the connection (src/db/sqlite-transactions.ts). SQLite only: the
// lock that stayed held is the better-sqlite3 adapter's. Here the COMMIT fails on a deferred foreign-key check,
// which leaves SQLite's transaction open (a full disk rolls it back instead: test/e2e/disk-full.test.ts):
// the failed change is rolled back, and the next transaction runs instead of waiting for ever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ database: "sqlite" });
});
afterAll(() => svc?.dispose());

describe("a refused COMMIT on SQLite", () => {
  it("rolls the transaction back and leaves the connection usable", async () => {
    const db = svc.deps.db;
    const failing = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON"); // the check moves to the COMMIT
      await tx.setting.create({ data: { key: "commit-failure.kept?", value: "no" } });
      await tx.topicVote.create({ data: { topicId: 987_654, userId: "nobody" } });
    });
    await expect(failing).rejects.toThrow(/ForeignKeyConstraintViolation/);
    // A later transaction runs (it used to wait for the lock the failed COMMIT kept), and nothing was kept.
    await db.$transaction(async (tx) => tx.setting.create({ data: { key: "commit-failure.after", value: "yes" } }));
    expect(await db.setting.findMany({ where: { key: { startsWith: "commit-failure." } }, select: { key: true } })).toEqual([{ key: "commit-failure.after" }]);
    expect(await db.topicVote.count({ where: { topicId: 987_654 } })).toBe(0);
  });
});
