// The inbox's group commit: concurrent stores share flushes, and nobody is answered on a flush that began
// before their own write (which would acknowledge an event not yet on disk).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { groupFlush, sqliteWalFlush } from "../../../src/db/durable.js";

/** A flush the test finishes by hand, recording when each one started. */
function manualFlushes() {
  const started: { finish: () => void; fail: (e: Error) => void }[] = [];
  const flushOnce = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  return { started, flush: groupFlush(flushOnce) };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  // Let every queued callback run (promise jobs only, no timers).
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
};

describe("groupFlush", () => {
  it("starts one flush for a lone caller and resolves when it ends", async () => {
    const { started, flush } = manualFlushes();
    const p = flush();
    expect(started).toHaveLength(1);
    expect(await settled(p)).toBe(false);
    started[0]!.finish();
    expect(await settled(p)).toBe(true);
  });

  it("makes callers that arrive during a flush wait for the next one, which they share", async () => {
    const { started, flush } = manualFlushes();
    const first = flush();
    const late = Array.from({ length: 20 }, () => flush());
    expect(started).toHaveLength(1);
    started[0]!.finish();
    expect(await settled(first)).toBe(true);
    // The first flush may have begun before their commits were written: they are not answered on it.
    expect(await settled(Promise.any(late))).toBe(false);
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await Promise.all(late);
    expect(started).toHaveLength(2);
  });

  it("passes a failed flush to its callers and flushes again for the next caller", async () => {
    const { started, flush } = manualFlushes();
    const p = flush();
    started[0]!.fail(new Error("EIO"));
    await expect(p).rejects.toThrow("EIO");
    const again = flush();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await again;
  });

  it("syncs a real WAL file, and the main file when there is no WAL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mediaops-flush-"));
    try {
      const path = join(dir, "t.db");
      const db = new Database(path);
      db.pragma("journal_mode = WAL");
      db.exec("CREATE TABLE t (a INTEGER)");
      db.prepare("INSERT INTO t VALUES (1)").run();
      await sqliteWalFlush(path)();
      db.close(); // the last connection removes the WAL
      await sqliteWalFlush(path)();
      await expect(sqliteWalFlush(join(dir, "missing.db"))()).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
