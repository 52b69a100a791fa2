// A real team on day one (issue #12): the first admin from the setup code in the log, MEDIAOPS_ADMINS, the team
// list, roles given and taken from chat, the last admin kept, and removing someone without leaving work stuck.
import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashSetupCode } from "../../src/app/identity/first-admin.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/lib/logger.js";
import { startService, type RunningService } from "../../src/service.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { draftingTopic, submit } from "../support/review-flow.js";
import { createTestDatabase, dropTestDatabase, testDatabaseKind } from "../support/postgres.js";
import { startTestService, tempDir, type TestService } from "../support/service.js";
import { join } from "node:path";
import { rmSync } from "node:fs";

/** A service on an empty database (MEDIAOPS_DEMO=0) whose log lines the test reads. */
async function startEmpty(databaseUrl: string, env: Record<string, string> = {}, clock = new FakeClock("2026-11-26T02:00:00Z")) {
  const lines: string[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  const svc = await startService({ env: loadConfig({ PORT: "0", DATABASE_URL: databaseUrl, MEDIAOPS_DEMO: "0", LOG_LEVEL: "info", ...env }), clock, log: createLogger("info", sink), jobs: false });
  await new Promise((r) => setImmediate(r));
  const codeLines = () => lines.map((l) => JSON.parse(l) as { msg: string; setupCode?: string }).filter((l) => l.setupCode);
  return { svc, clock, codeLines, api: consoleClient(svc.app) };
}

const started: RunningService[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
async function freshUrl(): Promise<string> {
  if (testDatabaseKind() === "postgres") {
    const url = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(url));
    return url;
  }
  const dir = tempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return `file:${join(dir, "m.db")}`;
}
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
  for (const c of cleanups.splice(0)) await c();
});

describe("the first admin of an empty install", () => {
  it("prints one setup code line; the code makes the console sender admin once, a second use is refused", async () => {
    const url = await freshUrl();
    const { svc, codeLines, api } = await startEmpty(url);
    started.push(svc);
    expect(codeLines()).toHaveLength(1);
    const code = codeLines()[0]!.setupCode!;
    expect(codeLines()[0]!.msg).toContain(`/mediaops setup ${code}`);
    // Only the hash is stored.
    const rows = await svc.deps.db.setupCode.findMany();
    expect(rows.map((r) => r.codeHash)).toEqual([hashSetupCode(code)]);
    expect(JSON.stringify(rows)).not.toContain(code);

    const wrong = await api.say("wang.fang", "/mediaops setup AAAABBBBCCCC", "general");
    expect(wrong.error).toBe("初始化码不存在、已被使用或已过期。团队还没有管理员时，服务每次启动都会在日志里打印新的初始化码。");
    expect(await svc.deps.db.user.count()).toBe(0); // a wrong code takes nobody in

    const ok = await api.say("wang.fang", `/mediaops setup ${code.toLowerCase()}`, "general");
    expect(ok.status, ok.error).toBe(200);
    expect(cardText(ok.messages.at(-1)!)).toContain("wang.fang 已成为团队管理员。");
    const admin = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "wang.fang" } });
    expect(JSON.parse(admin.rolesJson)).toEqual(["admin", "operator"]);
    expect(await svc.deps.db.auditLog.count({ where: { action: "people.setup", subjectId: admin.id } })).toBe(1);

    const again = await api.say("li.wei", `/mediaops setup ${code}`, "general");
    expect(again.error).toContain("初始化码不存在、已被使用或已过期");
    const twice = await api.say("wang.fang", `/mediaops setup ${code}`, "general");
    expect(twice.error).toContain("初始化码不存在、已被使用或已过期");
    expect(await svc.deps.db.user.count()).toBe(1);
    // The refusal of a known person is audited: who, what, why.
    const denied = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "auth.denied", actorId: admin.id } });
    expect(denied.subjectId).toBe("admin.setup");
  });

  it("prints a new code at each start until one is used; the earlier one stops working; none once there is an admin", async () => {
    const url = await freshUrl();
    const first = await startEmpty(url);
    const firstCode = first.codeLines()[0]!.setupCode!;
    await first.svc.stop();
    const second = await startEmpty(url);
    started.push(second.svc);
    const secondCode = second.codeLines()[0]!.setupCode!;
    expect(secondCode).not.toBe(firstCode);
    expect((await second.api.say("wang.fang", `/mediaops setup ${firstCode}`, "general")).error).toContain("初始化码不存在");
    expect((await second.api.say("wang.fang", `/mediaops setup ${secondCode}`, "general")).status).toBe(200);
    await second.svc.stop();
    started.pop();
    const third = await startEmpty(url);
    started.push(third.svc);
    expect(third.codeLines()).toEqual([]);
  });

  it("refuses a code after its 24 hours", async () => {
    const url = await freshUrl();
    const { svc, clock, codeLines, api } = await startEmpty(url);
    started.push(svc);
    clock.advance(24 * 60 * 60_000);
    expect((await api.say("wang.fang", `/mediaops setup ${codeLines()[0]!.setupCode!}`, "general")).error).toContain("已过期");
  });

  it("makes MEDIAOPS_ADMINS admins at start (no setup code then); a Slack id is matched on first contact", async () => {
    const url = await freshUrl();
    const { svc, codeLines, api } = await startEmpty(url, { MEDIAOPS_ADMINS: "console:boss, slack:U0123ABCD,feishu:ou_xxx" });
    started.push(svc);
    expect(codeLines()).toEqual([]);
    const people = await api.say("boss", "/mediaops people", "general");
    expect(people.status, people.error).toBe(200);
    const text = cardText(people.messages.at(-1)!);
    expect(text).toContain("团队共 3 人");
    expect(text).toContain("boss（@boss）：管理员；控制台");
    expect(text).toContain("U0123ABCD（@u0123abcd）：管理员；Slack");
    expect(text).toContain("ou_xxx（@ou_xxx）：管理员；飞书");
    const slack = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "slack" } });
    expect(slack.tenant).toBe("*");
  });

  it("refuses a malformed MEDIAOPS_ADMINS with one line naming the variable", () => {
    expect(() => loadConfig({ MEDIAOPS_ADMINS: "slack U0123" })).toThrow(/^Configuration error: MEDIAOPS_ADMINS must be comma-separated platform:id pairs/);
  });
});

describe("people and roles from chat", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
  });
  afterAll(() => svc.dispose());

  it("lists everyone with roles by name, or those of one role (Chinese role names accepted)", async () => {
    const all = cardText((await api.say("chen.jie", "/mediaops people", "general")).messages.at(-1)!);
    expect(all).toContain("团队共 6 人");
    expect(all).toContain("王芳（@wang.fang）：管理员、主管；控制台；最近活动 从未");
    expect(all).toContain("陈杰（@chen.jie）：运营；控制台；最近活动 2026-11-26 10:00");
    const reviewers = cardText((await api.say("chen.jie", "/mediaops people --role 审核", "general")).messages.at(-1)!);
    expect(reviewers).toContain("团队中有 4 位审核");
    expect(reviewers).not.toContain("陈杰");
  });

  it("an admin grants a role: audited, the person is told in their language who did it; an operator is refused", async () => {
    const denied = await api.say("chen.jie", "/mediaops role grant @chen.jie manager", "general");
    expect(denied.error).toBe("只有管理员可以给成员授予角色。你的角色：运营。");
    const chen = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "chen.jie" } });
    expect(JSON.parse(chen.rolesJson)).toEqual(["operator"]);

    const ok = await api.say("wang.fang", "/mediaops role grant @emma 主管", "general");
    expect(ok.status, ok.error).toBe(200);
    expect(cardText(ok.messages.at(-1)!)).toBe("Emma Clarke 已获得「主管」角色。");
    const emma = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "emma" } });
    expect(JSON.parse(emma.rolesJson)).toEqual(["manager", "reviewer", "operator"]);
    const row = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "people.grant", subjectId: emma.id } });
    expect(row.actorId).not.toBeNull();
    const dm = await svc.deps.db.outboxMessage.findFirstOrThrow({ where: { kind: "direct", userId: emma.id }, orderBy: { id: "desc" } });
    expect(dm.locale).toBe("en");
    expect(JSON.parse(dm.modelJson).title).toBe("You are now manager (given by 王芳).");
  });

  it("bad input changes nothing and says what is wrong", async () => {
    const before = await svc.deps.db.user.findMany({ orderBy: { id: "asc" } });
    expect((await api.say("wang.fang", "/mediaops role grant @chen.jie boss", "general")).error).toBe("没有「boss」这个角色。可用角色：管理员、主管、审核、运营。");
    expect((await api.say("wang.fang", "/mediaops role grant @nobody manager", "general")).error).toBe("团队中没有找到 @nobody。请 @ 提及此人，或使用 /mediaops people 列出的用户名。");
    expect(await svc.deps.db.user.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("the last admin cannot be demoted or removed, and the refusal says why; with a second admin it can", async () => {
    const refused = await api.say("wang.fang", "/mediaops role revoke @wang.fang 管理员", "general");
    expect(refused.error).toBe("王芳 是团队最后一位管理员，不能收回其管理员角色或将其移出：否则再也没有人能授予角色。请先让另一位成员成为管理员。");
    expect((await api.say("wang.fang", "/mediaops remove @wang.fang", "general")).error).toContain("最后一位管理员");
    const wang = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "wang.fang" } });
    expect(JSON.parse(wang.rolesJson)).toContain("admin");
    expect(await svc.deps.db.auditLog.count({ where: { action: "auth.denied", reason: { contains: "last admin" } } })).toBe(2);

    expect((await api.say("wang.fang", "/mediaops role grant @liu.yang admin", "general")).status).toBe(200);
    const ok = await api.say("liu.yang", "/mediaops role revoke @wang.fang admin", "general");
    expect(ok.status, ok.error).toBe(200);
    expect(cardText(ok.messages.at(-1)!)).toBe("已收回 王芳 的「管理员」角色。");
    expect((await api.say("liu.yang", "/mediaops role revoke @liu.yang admin", "general")).error).toContain("刘洋 是团队最后一位管理员");
  });
});

describe("the team's working hours", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    svc = await startTestService(); // Thursday 2026-11-26 10:00 in Shanghai
    api = consoleClient(svc.app);
  });
  afterAll(() => svc.dispose());

  async function levelDeadline(title: string): Promise<string> {
    const id = await draftingTopic(api, title);
    const reviewId = await submit(api, `${id} https://docs.example.com/${encodeURIComponent(title)}`);
    const level = await svc.deps.db.reviewLevelState.findFirstOrThrow({ where: { reviewId, level: 1 } });
    return level.deadlineAt.toISOString();
  }

  it("bad hours are refused with what is wrong, and change nothing", async () => {
    expect((await api.say("wang.fang", "/mediaops hours set mon-fri 09:00-25:00", "general")).error).toBe("25:00 不是有效的时间（00:00 到 24:00）。没有做任何更改。");
    expect((await api.say("wang.fang", "/mediaops hours set 周一至周五 18:00-09:00", "general")).error).toBe("18:00-09:00 的结束时间早于开始时间。没有做任何更改。");
    expect((await api.say("wang.fang", "/mediaops hours set mon-fri 09:00-12:00,11:00-18:00", "general")).error).toBe("09:00-12:00 与 11:00-18:00 有重叠。没有做任何更改。");
    expect((await api.say("chen.jie", "/mediaops hours set mon-fri 09:00-18:00", "general")).error).toBe("只有管理员可以修改团队的工作时间。你的角色：运营。");
    expect(await svc.deps.db.setting.count({ where: { key: "calendar.hours" } })).toBe(0);
    const shown = cardText((await api.say("chen.jie", "/mediaops hours show", "general")).messages.at(-1)!);
    expect(shown).toContain("工作时间（Asia/Shanghai），默认设置");
    expect(shown).toContain("周一 09:00-12:00、13:30-18:30");
    expect(shown).toContain("周六 不上班");
  });

  it("a review deadline set after /mediaops hours set follows the new hours", async () => {
    // Office hours: Thu 10:00 + 8 working hours = 10-12, 13:30-18:30, then Fri 09:00-10:00.
    expect(await levelDeadline("按默认工作时间计算时限")).toBe("2026-11-27T02:00:00.000Z");
    const set = await api.say("wang.fang", "/mediaops hours set 周一至周五 09:00-21:00; 周六 10:00-12:00", "general");
    expect(set.status, set.error).toBe(200);
    expect(cardText(set.messages.at(-1)!)).toContain("周六 10:00-12:00");
    // Thu 10:00 + 8 hours in one long day: 18:00 the same day.
    expect(await levelDeadline("按新工作时间计算时限")).toBe("2026-11-26T10:00:00.000Z");
    expect(await svc.deps.db.auditLog.count({ where: { action: "calendar.set_hours" } })).toBe(1);
  });
});
