// People's names from the platforms (#12): a Feishu and a WeCom person appear on cards by name, read through the
// real Lark SDK and the WeCom API client from fake contact APIs on 127.0.0.1; without the permission the id is
// shown and the log says once which permission is missing; the name is read again after a day.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService, type RunningService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { startFakeApi, type FakeApi, type RecordedCall } from "../support/fake-api.js";
import { tempDir } from "../support/service.js";
import { join } from "node:path";
import { rmSync } from "node:fs";

const NAMES: Record<string, string> = { ou_zhangsan: "张三", "li.si": "李四" };
/** Open ids the fake contact API refuses, as Feishu does without contact:user.base:readonly. */
const NO_SCOPE = new Set(["ou_noscope"]);

let lark: FakeApi;
let wecom: FakeApi;
let svc: RunningService;
const clock = new FakeClock("2026-11-26T02:00:00Z");
const logLines: string[] = [];
const dir = tempDir();
let sent = 0;

beforeAll(async () => {
  lark = await startFakeApi((call) => {
    if (call.path === "/open-apis/auth/v3/tenant_access_token/internal") return { body: { code: 0, msg: "ok", tenant_access_token: "t-fake", expire: 7200 } };
    if (call.method === "POST" && call.path === "/open-apis/im/v1/messages") return { body: { code: 0, msg: "success", data: { message_id: `om_${++sent}`, chat_id: "oc_team" } } };
    const user = /^\/open-apis\/contact\/v3\/users\/([^/?]+)$/.exec(call.path);
    if (call.method === "GET" && user) {
      const id = decodeURIComponent(user[1]!);
      if (NO_SCOPE.has(id)) return { status: 400, body: { code: 99991672, msg: "Access denied. One of the following scopes is required: [contact:user.base:readonly]" } };
      return { body: { code: 0, msg: "success", data: { user: { open_id: id, name: NAMES[id] ?? id, en_name: "" } } } };
    }
    return undefined;
  });
  wecom = await startFakeApi((call) => {
    if (call.path === "/cgi-bin/gettoken") return { body: { errcode: 0, errmsg: "ok", access_token: "ACCESS", expires_in: 7200 } };
    if (call.path === "/cgi-bin/message/send") return { body: { errcode: 0, errmsg: "ok", msgid: `msg-${++sent}` } };
    if (call.method === "GET" && call.path === "/cgi-bin/user/get") {
      const id = call.query.get("userid")!;
      return { body: { errcode: 0, errmsg: "ok", userid: id, name: NAMES[id] ?? id } };
    }
    return undefined;
  });
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => logLines.push(...c.toString().split("\n").filter(Boolean)));
  const env = loadConfig({
    PORT: "0", DATABASE_URL: `file:${join(dir, "m.db")}`, LOG_LEVEL: "warn",
    FEISHU_APP_ID: "cli_names", FEISHU_APP_SECRET: "secret", FEISHU_VERIFICATION_TOKEN: "vtoken", FEISHU_DOMAIN: lark.url,
    WECOM_CORP_ID: "wwcorp", WECOM_AGENT_ID: "1000002", WECOM_SECRET: "s", WECOM_TOKEN: "t", WECOM_ENCODING_AES_KEY: "a".repeat(43), WECOM_API_URL: wecom.url,
  });
  svc = await startService({ env, clock, log: createLogger("warn", sink), jobs: false });
});
afterAll(async () => {
  await svc?.stop();
  await lark?.close();
  await wecom?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Proposes a topic as a person on `platform`; returns what the card the platform received says. */
async function propose(platform: "lark" | "wecom", externalId: string, title: string): Promise<string> {
  const outcome = await handleInbound(svc.deps, {
    kind: "command",
    actor: { platform, tenant: platform === "lark" ? "tenant-1" : "wwcorp", externalId },
    conversation: { platform, externalId: platform === "lark" ? "oc_team" : `user:${externalId}` },
    text: `/topic propose ${title} --platform douyin`,
  });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  const fake = platform === "lark" ? lark : wecom;
  const path = platform === "lark" ? "/open-apis/im/v1/messages" : "/cgi-bin/message/send";
  const card: RecordedCall = await fake.waitFor((c) => c.path === path && c.body.includes(title));
  return card.body;
}

describe("names from the platforms", () => {
  it("a Feishu user's name (contact v3 user get through the Lark SDK) is on the card", async () => {
    const card = await propose("lark", "ou_zhangsan", "飞书同事的选题");
    expect(card).toContain("张三");
    expect(card).not.toContain("ou_zhangsan");
    const get = lark.find("GET", "/open-apis/contact/v3/users/ou_zhangsan");
    expect(get).toHaveLength(1);
    expect(get[0]!.query.get("user_id_type")).toBe("open_id");
    expect(get[0]!.headers.authorization).toBe("Bearer t-fake");
  });

  it("a WeCom user's name (user/get) is on the card", async () => {
    const card = await propose("wecom", "li.si", "企业微信同事的选题");
    expect(card).toContain("李四");
    expect(wecom.find("GET", "/cgi-bin/user/get")[0]!.query.get("userid")).toBe("li.si");
  });

  it("reads a name once, and again only after a day", async () => {
    await propose("lark", "ou_zhangsan", "同一天的第二个选题");
    expect(lark.find("GET", "/open-apis/contact/v3/users/ou_zhangsan")).toHaveLength(1);
    NAMES.ou_zhangsan = "张三丰";
    clock.advance(24 * 60 * 60_000);
    await propose("lark", "ou_zhangsan", "第二天的选题");
    await lark.waitFor((c) => c.path === "/open-apis/contact/v3/users/ou_zhangsan" && lark.find("GET", c.path).length === 2);
    const user = await svc.deps.db.user.findFirstOrThrow({ where: { identities: { some: { externalId: "ou_zhangsan" } } } });
    await expect.poll(async () => (await svc.deps.db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe("张三丰");
  });

  it("without the contact permission the id is shown and the log names the missing permission once", async () => {
    const card = await propose("lark", "ou_noscope", "没有通讯录权限时的选题");
    expect(card).toContain("ou_noscope");
    NO_SCOPE.add("ou_noscope2");
    await propose("lark", "ou_noscope2", "另一位没有权限时的选题");
    const warnings = logLines.filter((l) => l.includes("cannot read people's names"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("contact:user.base:readonly");
    expect(warnings[0]).toContain("people are shown by their ids");
  });
});
