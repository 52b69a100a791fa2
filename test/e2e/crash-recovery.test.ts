// A real process killed with SIGKILL between a change and its send: after a restart the message goes out,
// exactly once. The figures are added to the fault report (test-results/fault-report.md).
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { recordFault } from "../support/fault-report.js";
import { spawnService } from "../support/process.js";
import { tempDir } from "../support/service.js";

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
  it("sends the card after restart, once", async () => {
    const titles = ["崩溃前提交的选题一", "崩溃前提交的选题二", "崩溃前提交的选题三"];
    for (const title of titles) {
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
    expect(count("SELECT COUNT(*) AS n FROM OutboxMessage WHERE status = 'pending'")).toBeGreaterThanOrEqual(1);

    const restarted = await spawnService({ DATABASE_URL: `file:${dbFile}` });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && count("SELECT COUNT(*) AS n FROM OutboxMessage WHERE status = 'pending'") > 0) {
      await new Promise((r) => setTimeout(r, 250));
    }
    // Give a second worker tick the chance to send anything twice.
    await new Promise((r) => setTimeout(r, 5500));
    const cards = titles.map(cardsTitled);
    restarted.child.kill("SIGTERM");
    await restarted.exited;
    recordFault({ fault: "SIGKILL between commit and send, then restart", attempted: titles.length, lost: cards.filter((c) => c === 0).length, duplicated: cards.filter((c) => c > 1).length });
    expect(cards).toEqual([1, 1, 1]);
  }, 90_000);
});
