// A real process killed with SIGKILL between a change and its send: after a restart the message goes out,
// exactly once. The figures are added to the fault report (test-results/fault-report.md).
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { spawnService } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { until } from "../support/wait.js";

const dir = tempDir();
const dbFile = join(dir, "mediaops.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bot cards whose title line is "#<id> <title>" (other cards may mention the title, e.g. as a near-duplicate). */
function cardsTitled(title: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare("SELECT text FROM ConsoleMessage WHERE authorKind = 'bot'").all() as { text: string }[];
    return rows.filter((r) => new RegExp(`^#\\d+ ${title}$`).test(r.text.split("\n")[0]!)).length;
  } finally {
    db.close();
  }
}

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("crash between a committed change and its send", () => {
  // Each card is posted after the restart, once.
  faultTest("SIGKILL between commit and send, then restart", async (ledger) => {
    const titles = ["崩溃前提交的选题一", "崩溃前提交的选题二", "崩溃前提交的选题三"];
    for (const title of titles) {
      ledger.attempt(title);
      const crashing = await spawnService({ DATABASE_URL: `file:${dbFile}`, MEDIAOPS_FAULT_INJECTION: "crash-before-send" });
      const answer = await fetch(`${crashing.url}/console/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "topics", user: "chen.jie", text: `/topic propose ${title} --platform weibo` }),
      }).then((r) => r.status, () => "connection lost");
      expect(answer).toBe("connection lost");
      expect(await crashing.exited).toBe(null); // killed by a signal
      expect(count("SELECT COUNT(*) AS n FROM Topic WHERE title = ?", title)).toBe(1);
      expect(cardsTitled(title)).toBe(0);
    }
    // Each start catches up what the previous crash left, so at least the last crash's card is still owed.
    expect(count("SELECT COUNT(*) AS n FROM OutboxMessage WHERE status <> 'sent'")).toBeGreaterThanOrEqual(1);

    const restarted = await spawnService({ DATABASE_URL: `file:${dbFile}` });
    await until("the restarted service to send what the crashes left", () => count("SELECT COUNT(*) AS n FROM OutboxMessage WHERE status <> 'sent'") === 0);
    // Stopping waits for any send in flight, so the cards counted after the exit are all there will be.
    restarted.child.kill("SIGTERM");
    expect(await restarted.exited).toBe(0);
    for (const title of titles) ledger.seen(title, cardsTitled(title));
  }, { timeout: 120_000 });
});
