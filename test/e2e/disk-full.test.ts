// A full disk while Slack commands and console requests arrive (issue 15), SQLite only by nature: the service's
// database lives on a small tmpfs mounted for this test, and a filler file takes every free block, so SQLite's
// own writes fail with a genuine SQLITE_FULL ("database or disk is full"). The WAL is truncated first (a
// checkpoint from this process), so a write transaction running after the fill keeps its pages in memory until
// its COMMIT, which then cannot append to the WAL. A command acknowledged just before the fill (its worker held
// at the sender's Slack profile read) runs into exactly that: the failed COMMIT used to leave the Prisma adapter's
// connection lock held, after which every write transaction of the process waited for ever (the log said P2028
// "Transaction already closed"), and so did a graceful stop. The service runs as a real process (npm start's
// entry) with the adapter's debug log on, which shows the COMMIT failing with SQLITE_FULL.
// What a person sees meanwhile: "the server cannot save right now, nothing was changed" in their language (the
// Slack command's ack, the console's 503), as test/e2e/database-fault.test.ts asserts for a read-only file;
// /healthz answers 503 "database cannot save". Once the filler is removed, the same process saves again: the
// acknowledged command runs, each retried request takes effect once, each card is posted once. A SIGTERM during a
// second fault stops the process gracefully (exit 0, "stopped").
// Mounting needs root (CI and the dev machines run the suite as root); without it this test fails and says so.
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { startFakeSlack, type FakeSlack, type SlackCall } from "../support/fake-slack.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const SECRET = "disk-full-signing-secret";
const CANNOT_SAVE_ZH = "服务器现在无法保存，没有做任何更改。请稍后再试。";
const CANNOT_SAVE_EN = "The server cannot save right now; nothing was changed. Please try again later.";

const mountDir = mkdtempSync(join(tmpdir(), "mediaops-disk-full-"));
const dbFile = join(mountDir, "mediaops.db");
const filler = join(mountDir, "filler");
let mounted = false;
let fake: FakeSlack;
let svc: ServiceProcess | undefined;
let reader: Database.Database | undefined;

beforeAll(async () => {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mountDir], { stdio: "pipe" });
  } catch (err) {
    throw new Error(`the full-disk test mounts a small tmpfs for the database and needs root for it (uid ${process.getuid?.()}): ${String((err as { stderr?: unknown }).stderr ?? err)}`);
  }
  mounted = true;
  fake = await startFakeSlack();
});
afterAll(async () => {
  if (svc && svc.child.exitCode === null && svc.child.signalCode === null) {
    svc.child.kill("SIGKILL");
    await svc.exited;
  }
  reader?.close();
  await fake?.close();
  if (mounted) execFileSync("umount", [mountDir]);
  rmSync(mountDir, { recursive: true, force: true });
});

/** Empties the WAL into the database file, then takes every free block of the tmpfs; true when the WAL stayed empty. */
function fillDisk(db: Database.Database): boolean {
  const [cp] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
  if (cp?.busy) return false;
  const fd = openSync(filler, "a");
  try {
    let chunk = 1 << 20;
    const bytes = Buffer.alloc(chunk, 0x5a);
    while (chunk > 0) {
      try {
        writeSync(fd, bytes, 0, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
        chunk >>= 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  // The service may have written between the checkpoint and the fill: its WAL then has room for a few commits.
  return !existsSync(`${dbFile}-wal`) || statSync(`${dbFile}-wal`).size === 0;
}

async function startFault(db: Database.Database): Promise<void> {
  await until("the disk full with an empty WAL", () => fillDisk(db) || (rmSync(filler, { force: true }), false));
}

const endFault = () => rmSync(filler);

function topicCount(db: Database.Database, title: string): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM Topic WHERE title = ?").get(title) as { n: number }).n;
}

type Block = { type: string; text?: { text: string } };
const headerOf = (c: SlackCall) => (c.args["blocks"] as Block[] | undefined)?.find((b) => b.type === "header")?.text?.text;
const cardsOf = (title: string) => fake.callsTo("chat.postMessage").filter((c) => headerOf(c)?.endsWith(` ${title}`)).length;

describe("the disk fills up", () => {
  faultTest("full disk during Slack commands and console requests, then recovery", async (ledger) => {
    svc = await spawnService({ DATABASE_URL: `file:${dbFile}`, HOST: "127.0.0.1", SLACK_BOT_TOKEN: "xoxb-diskfull", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, DEBUG: "prisma:driver-adapter:better-sqlite3", DEBUG_COLORS: "false" });
    const { url } = svc;
    reader = new Database(dbFile, { fileMustExist: true, timeout: 5000 });
    const db = reader;
    let trigger = 0;
    const slash = (title: string, who = { user: "U0DISKFULL", userName: "disk.ops", channel: "C0DISKFULL" }) => {
      const t = `${++trigger}.404.diskfull${trigger}`;
      return slackSender(url, SECRET)(slashCommand({ command: "/topic", text: `propose ${title} --platform weibo`, ...who, trigger: t, responseUrl: fake.responseUrl(t) }));
    };
    const say = async (user: string, text: string) => {
      const res = await fetch(`${url}/console/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ channel: "topics", user, text }) });
      return { status: res.status, error: ((await res.json()) as { error?: string }).error };
    };
    const health = async () => {
      const res = await fetch(`${url}/healthz`);
      return { status: res.status, body: (await res.json()) as unknown };
    };

    const before = "磁盘满之前的选题";
    const held = "收下之后磁盘才满的选题";
    const duringFault = ["磁盘满时的斯拉克选题一", "磁盘满时的斯拉克选题二", "磁盘满时的斯拉克选题三"];
    const consoleZh = "磁盘满时控制台里的选题";
    const consoleEn = "Console topic while the disk is full";
    const all = [before, held, ...duringFault, consoleZh, consoleEn];
    all.forEach((t) => ledger.attempt(t));

    expect((await slash(before)).status).toBe(200);
    await until("the first command to take effect", () => topicCount(db, before) === 1 && cardsOf(before) === 1);

    // A command stored and acknowledged before the disk fills, whose work then runs on the full disk: its sender is
    // new, so the worker reads their Slack profile first, and Slack is slow to answer until the disk is full. The
    // work's transaction keeps its pages in memory until its COMMIT, which cannot append to the emptied WAL.
    const release = fake.hold("users.info");
    expect((await slash(held, { user: "U0HELD", userName: "held.ops", channel: "C0HELD" })).status).toBe(200);
    await fake.waitFor("the profile read of the held command's sender", () => fake.calls.find((c) => c.method === "users.info" && c.args["user"] === "U0HELD"));
    await startFault(db);
    release();
    await until("the held command's run to fail on the full disk", () => svc!.output().includes("inbox: running an event failed"));
    expect(svc.output()).toMatch(/\[js::executeRaw\] '\{\\n {2}"sql": "COMMIT",[^\n]*\n(?:(?!prisma:driver-adapter)[^\n]*\n)*prisma:driver-adapter:better-sqlite3 Error in performIO: '\{\\n {2}"code": "SQLITE_FULL"/);

    for (const t of duringFault) {
      const ack = await slash(t);
      expect([ack.status, JSON.parse(ack.text || "{}")]).toEqual([200, { response_type: "ephemeral", text: CANNOT_SAVE_ZH }]);
    }
    expect(await say("chen.jie", `/topic propose ${consoleZh} --platform weibo`)).toEqual({ status: 503, error: CANNOT_SAVE_ZH });
    expect(await say("emma", `/topic propose ${consoleEn} --platform weibo`)).toEqual({ status: 503, error: CANNOT_SAVE_EN });
    expect(await health()).toEqual({ status: 503, body: { status: "unavailable", reason: "database cannot save" } });
    for (const t of [held, ...duringFault, consoleZh, consoleEn]) expect(topicCount(db, t)).toBe(0);

    // Space again: the same process saves; the people try again and each request takes effect once.
    endFault();
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    for (const t of duringFault) expect((await slash(t)).status).toBe(200);
    expect((await say("chen.jie", `/topic propose ${consoleZh} --platform weibo`)).status).toBe(200);
    expect((await say("emma", `/topic propose ${consoleEn} --platform weibo`)).status).toBe(200);
    // The held command was stored: it runs again once its worker's lease has run out, without being sent again.
    await until("the held and the retried commands to take effect", () => [held, ...duringFault].every((t) => topicCount(db, t) > 0 && cardsOf(t) > 0));
    for (const t of all) ledger.seen(t, topicCount(db, t));
    for (const t of [before, held, ...duringFault]) expect(cardsOf(t), `cards of ${t}`).toBe(1);

    // Full again, and asked to stop: the stop finishes what it can and the process ends on its own.
    await startFault(db);
    const refused = "停止前磁盘又满时的选题";
    expect(JSON.parse((await slash(refused)).text || "{}")).toEqual({ response_type: "ephemeral", text: CANNOT_SAVE_ZH });
    svc.child.kill("SIGTERM");
    expect(await svc.exited).toBe(0);
    expect(svc.output()).toContain('"msg":"stopped"');
    endFault();
    expect(topicCount(db, refused)).toBe(0);
  }, { timeout: 240_000 });
});
