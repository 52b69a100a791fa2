// Secrets in query strings never reach the log: the documented `/console?token=…` (and the redirect from `/`),
// a token passed to the console API in the query, and WeChat's signature/echostr on the server-URL check. The
// real service process runs at LOG_LEVEL=info and its own output is read: each request's line is there, with
// `[redacted]` in place of the value, and the value itself appears nowhere. Before, each request line carried
// the console token as typed.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { spawnService } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { until } from "../support/wait.js";

const TOKEN = "ConsoleTokenNeverLogged7f3a9";
const OA_TOKEN = "oatokenredact";
const ECHO = "EchoStrNeverLogged5521";
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("query-string secrets in the request log", () => {
  faultTest("console ?token= and other query secrets in request lines: redacted", async (ledger) => {
    const svc = await spawnService({ DATABASE_URL: `file:${join(dir, "mediaops.db")}`, MEDIAOPS_CONSOLE_TOKEN: TOKEN, WECHAT_OA_TOKEN: OA_TOKEN, WECHAT_OA_APP_ID: "wx0123456789abcdef", LOG_LEVEL: "info" });
    try {
      const ts = String(Math.floor(Date.now() / 1000));
      const requests = [
        { path: `/console?token=${TOKEN}`, logged: "/console?token=[redacted]" },
        { path: `/?lang=zh&token=${encodeURIComponent(TOKEN)}`, logged: "/?lang=zh&token=[redacted]" },
        { path: `/console/api/users?token=${TOKEN}`, logged: "/console/api/users?token=[redacted]" },
        { path: `/wechat/oa?signature=${"ab".repeat(20)}&timestamp=${ts}&nonce=n1&echostr=${ECHO}`, logged: `/wechat/oa?signature=[redacted]&timestamp=${ts}&nonce=n1&echostr=[redacted]` },
      ];
      for (const r of requests) {
        ledger.attempt(r.path);
        await fetch(`${svc.url}${r.path}`, { redirect: "manual", headers: { "x-mediaops-console-token": TOKEN } }).then((res) => res.arrayBuffer());
      }
      // Each request's line is written once its answer has gone: wait for all of them before reading.
      await until("every request line in the log", () => requests.every((r) => svc.output().includes(`"url":"${r.logged}"`)), { limitMs: 20_000 }).catch(() => undefined);
      const out = svc.output();
      for (const r of requests) ledger.seen(r.path, out.includes(`"url":"${r.logged}"`) ? 1 : 0);
      // A secret value anywhere in the log is an effect nobody asked for.
      const leaks = (value: string) => out.split(value).length - 1;
      ledger.seen("console token in the log", leaks(TOKEN));
      ledger.seen("WeChat echostr in the log", leaks(ECHO));
      expect(leaks(TOKEN), "the console token is in the log").toBe(0);
    } finally {
      svc.child.kill("SIGTERM");
      await svc.exited;
    }
  }, { timeout: 120_000 });
});
