// Diagnostic (not run by npm run bench): how many SQL statements one /topic list and one +1 click cost on SQLite,
// counted from the better-sqlite3 driver adapter's debug output (DEBUG=prisma:driver-adapter:better-sqlite3).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeSlackProc, stopChild } from "./procs.js";
import { buttonOf, click, command } from "./requests.js";
import { spawnService } from "../../test/support/process.js";
import { SIGNING_SECRET } from "./requests.js";

const dir = mkdtempSync(join(tmpdir(), "mediaops-probe-"));
const fake = await startFakeSlackProc();
const svc = await spawnService({ SLACK_BOT_TOKEN: "xoxb-q", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATABASE_URL: `file:${dir}/probe.db`, LOG_LEVEL: "warn", DEBUG: "prisma:driver-adapter:better-sqlite3" }, 60_000);
const settle = async () => {
  for (let last = -1, now = await fake.total(); now !== last; last = now, now = await fake.total()) await new Promise((r) => setTimeout(r, 700));
};
const send = async (r: { body: string; headers: Record<string, string> }) => void (await (await fetch(`${svc.url}/slack/events`, { method: "POST", headers: r.headers, body: r.body })).text());
const statements = () => (svc.output().match(/driver-adapter:better-sqlite3 \[js::(query|execute)/g) ?? []).length;
try {
  await send(command("propose 计数卡片 --platform douyin", fake.responseBase));
  await settle();
  const card = buttonOf((await fake.lastPost())!, "topic.vote");
  for (const [name, make] of [["/topic list", () => command("list", fake.responseBase)], ["+1 click", () => click(card, fake.responseBase)]] as const) {
    await send(make()); // first contact (enrolment, first vote)
    await settle();
    const before = statements();
    for (let i = 0; i < 5; i++) await send(make());
    await settle();
    console.log(`${name}: ${((statements() - before) / 5).toFixed(1)} SQL statements per request`);
  }
} finally {
  await stopChild(svc.child, 5000);
  await stopChild(fake.child);
  rmSync(dir, { recursive: true, force: true });
}
