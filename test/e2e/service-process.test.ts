// The service as users run it: a real process, a real database file, signals, restarts, bad configuration.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/service.js";
import { runToExit, spawnService } from "../support/process.js";
import { until } from "../support/wait.js";

const dir = tempDir();
const env = { DATABASE_URL: `file:${join(dir, "mediaops.db")}`, HOST: "127.0.0.1" };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function post(url: string, body: unknown) {
  const res = await fetch(`${url}/console/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { messages?: { text: string }[]; error?: string } };
}

describe("the service process", () => {
  it("seeds the demo team, keeps a proposed topic across a restart, and stops cleanly on SIGTERM", async () => {
    const first = await spawnService(env);
    expect(first.output()).toContain("seeded the demo team");
    const proposed = await post(first.url, { channel: "topics", user: "chen.jie", text: "/topic propose 重启之后还在吗 --platform weibo" });
    expect(proposed.status).toBe(200);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    const second = await spawnService(env);
    expect(second.output()).not.toContain("seeded the demo team");
    const list = await post(second.url, { channel: "topics", user: "emma", text: "/topic list --platform weibo" });
    expect(list.body.messages![0]!.text).toContain("重启之后还在吗");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  it("lets an in-flight request finish when asked to stop", async () => {
    const svc = await spawnService(env);
    const pending = post(svc.url, { channel: "topics", user: "chen.jie", text: "/topic calendar month" });
    // Stop once the service has the request (its "incoming request" log line), not after a guessed pause.
    await until("the service to receive the request", () => svc.output().split("\n").some((l) => l.includes('"msg":"incoming request"') && l.includes("/console/api/messages")), { every: 1 });
    svc.child.kill("SIGTERM");
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await svc.exited).toBe(0);
  });

  it("refuses a wrong setting with one line naming the variable", async () => {
    const { code, output } = await runToExit({ ...env, PORT: "99999" });
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toEqual(['Configuration error: PORT Too big: expected number to be <=65535 (got "99999")']);
  });

  it("starts empty with MEDIAOPS_DEMO=0", async () => {
    const emptyDir = tempDir();
    const svc = await spawnService({ DATABASE_URL: `file:${join(emptyDir, "m.db")}`, MEDIAOPS_DEMO: "0" });
    const users = (await (await fetch(`${svc.url}/console/api/users`)).json()) as { users: unknown[] };
    expect(users.users).toEqual([]);
    svc.child.kill("SIGTERM");
    await svc.exited;
    rmSync(emptyDir, { recursive: true, force: true });
  });
});
