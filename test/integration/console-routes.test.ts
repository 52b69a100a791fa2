// The console's HTTP edges: the root address opens the console, the page learns the team's zone, and the
// page's 2-second polling does not fill the info log (a command still does).
import { rmSync } from "node:fs";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService, type RunningService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { tempDir } from "../support/service.js";

let svc: RunningService;
const dir = tempDir();
const lines: { msg: string; req?: { url?: string }; level: number }[] = [];

beforeAll(async () => {
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l)); done(); } });
  const env = loadConfig({ PORT: "0", DATABASE_URL: `file:${dir}/mediaops.db`, LOG_LEVEL: "info" });
  svc = await startService({ env, clock: new FakeClock("2026-11-26T02:00:00Z"), log: createLogger("info", sink), jobs: false });
});
afterAll(async () => {
  await svc.stop();
  rmSync(dir, { recursive: true, force: true });
});

const loggedUrls = () => lines.flatMap((l) => (l.req?.url ? [l.req.url] : []));

describe("the console's routes", () => {
  it("redirects the root address to the console, keeping a pasted token", async () => {
    const plain = await svc.app.inject({ method: "GET", url: "/" });
    expect(plain.statusCode).toBe(302);
    expect(plain.headers.location).toBe("/console");
    expect((await svc.app.inject({ method: "GET", url: "/?token=abc" })).headers.location).toBe("/console?token=abc");
  });

  it("tells the page the team's zone, so stream times read like the cards", async () => {
    expect((await svc.app.inject({ method: "GET", url: "/console/api/team" })).json()).toEqual({ timezone: "Asia/Shanghai" });
  });

  it("does not log the page's polling at info, but still logs what people do", async () => {
    lines.length = 0;
    for (let i = 0; i < 3; i++) expect((await svc.app.inject({ method: "GET", url: "/console/api/messages?channel=topics&user=chen.jie" })).statusCode).toBe(200);
    const typed = await svc.app.inject({ method: "POST", url: "/console/api/messages", payload: { channel: "topics", user: "chen.jie", text: "/help" } });
    expect(typed.statusCode).toBe(200);
    expect(loggedUrls().filter((u) => u.startsWith("/console/api/messages?"))).toEqual([]);
    expect(loggedUrls()).toContain("/console/api/messages");
  });
});
