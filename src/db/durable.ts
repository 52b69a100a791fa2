// Durability of the one write a platform is promised: the inbox row stored before "received" is answered.
//
// SQLite in WAL mode with synchronous=FULL syncs the WAL to disk at every commit: about 4.5 ms on this project's
// machines, and a single command commits 5-8 times (inbox row, claim, the change, outbox rows, sent marks, done).
// better-sqlite3 runs WAL at synchronous=NORMAL: a commit is only written to the OS, which survives a crash of
// the process (kill -9) but not of the machine (power cut, kernel panic). So the connection stays at NORMAL and
// the inbox store asks for a flush of the WAL file before the platform is answered; concurrent stores share one
// flush (group commit). A flush covers every commit written before it started.
// PostgreSQL commits durably by itself: it has no flush here.
import { closeSync, fdatasync, openSync } from "node:fs";
import { promisify } from "node:util";
import type { Db } from "./client.js";

/** One flush to disk of whatever was written before it started. */
export type FlushOnce = () => Promise<void>;

/**
 * Coalesces flush requests: a caller joins the next flush that starts after its call (one already running may
 * have started before the caller's commit was written), so N concurrent callers cost at most two flushes.
 */
export function groupFlush(flushOnce: FlushOnce): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const flush: Promise<void> = flushOnce().finally(() => {
      if (running === flush) running = undefined;
    });
    running = flush;
    return flush;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

const datasync = promisify(fdatasync);

/**
 * fdatasync of the database's WAL file (its main file when there is no WAL, e.g. after the last close). Opened
 * and closed synchronously (microseconds; the file stays cached): under load each asynchronous step waited its
 * turn in the event loop, and open + datasync + close took three such turns where the datasync alone needs one.
 */
export function sqliteWalFlush(dbPath: string): FlushOnce {
  return async () => {
    let fd: number;
    try {
      fd = openSync(`${dbPath}-wal`, "r");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      fd = openSync(dbPath, "r");
    }
    try {
      await datasync(fd);
    } finally {
      closeSync(fd);
    }
  };
}

const flushes = new WeakMap<Db, () => Promise<void>>();

/** Registers how `db`'s commits are made durable (createDb, for SQLite). */
export function setDurableFlush(db: Db, flush: () => Promise<void>): void {
  flushes.set(db, flush);
}

/** Resolves once every commit made on `db` so far is on disk (at once where commits are durable already). */
export async function makeDurable(db: Db): Promise<void> {
  await flushes.get(db)?.();
}
