// Defect (issue 16): a playbook file broken on disk removed that playbook after a restart (declaring that risk
// type then failed, and only the server log said why). Now the last good version, kept in the database when it
// loaded, stays in force across restarts, and the admins are told in chat which file, line and field is wrong.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAYBOOK_DIR, usePlaybookDir } from "../../src/app/incidents/playbook-loader.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, tempDir, type TestService } from "../support/service.js";

const dir = tempDir();
const file = join(dir, "platform.yaml");
let svc: TestService;
let databaseUrl: string;

/** Stops the service and starts a new one on the same data, as a new process would (the registry read afresh). */
async function restart(): Promise<TestService> {
  await svc.stopKeepingData();
  usePlaybookDir(dir);
  svc = await startTestService({ databaseUrl, dropOnDispose: true });
  return svc;
}

beforeAll(async () => {
  cpSync(DEFAULT_PLAYBOOK_DIR, dir, { recursive: true });
  expect(usePlaybookDir(dir).errors).toEqual([]);
  svc = await startTestService();
  databaseUrl = svc.databaseUrl;
});
afterAll(async () => {
  await svc.dispose();
  usePlaybookDir(DEFAULT_PLAYBOOK_DIR);
  rmSync(dir, { recursive: true, force: true });
});

const dmCards = async (handle: string) => (await consoleClient(svc.app).read(encodeURIComponent(`@${handle}`), handle)).messages.filter((m) => m.card);

describe("a playbook file broken on disk across a restart", () => {
  it("keeps serving the last good version and tells the admins which file, line and field is wrong", async () => {
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("role: platform_liaison\n    dueMinutes: 15", "role: platform_liaison\n    dueMinutes: fifteen").replace("id: confirm_scope", "id: confirm_new"));
    const line = good.split("\n").findIndex((l) => l.includes("dueMinutes: 15")) + 1;
    await restart();
    const api = consoleClient(svc.app);

    const declared = await api.say("wang.fang", "/incident declare 抖音账号被限流 --type platform --likelihood medium --impact severe", "incidents");
    expect(declared.status, declared.error).toBe(200);
    const incident = await svc.deps.db.incident.findFirstOrThrow({ where: { title: "抖音账号被限流" } });
    const steps = await svc.deps.db.incidentStep.findMany({ where: { incidentId: incident.id }, orderBy: { position: "asc" } });
    expect(steps[0]!.key).toBe("confirm_scope"); // the last good version's step, not the broken file's
    expect(cardText((await api.say("wang.fang", "/incident playbooks")).messages[0]!)).toContain("平台风险预案");

    const told = (await dmCards("wang.fang")).map(cardText).filter((t) => t.includes("platform.yaml"));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`platform.yaml 第 ${line} 行，字段 steps[0].dueMinutes`);
    expect(told[0]).toContain("沿用上次成功加载的版本");
    expect((await dmCards("chen.jie")).map(cardText).filter((t) => t.includes("platform.yaml"))).toEqual([]);
    // emma is no admin; an English-reading admin would get the same in English (see the words tests).
  });

  it("does not tell the admins again about the same broken file on the next start, and takes the fixed file", async () => {
    await restart();
    expect((await dmCards("wang.fang")).map(cardText).filter((t) => t.includes("platform.yaml"))).toHaveLength(1);

    writeFileSync(file, readFileSync(file, "utf8").replace("dueMinutes: fifteen", "dueMinutes: 20"));
    await restart();
    const res = await consoleClient(svc.app).say("wang.fang", "/incident declare 小红书笔记被限流 --type platform --likelihood medium --impact severe", "incidents");
    expect(res.status, res.error).toBe(200);
    const incident = await svc.deps.db.incident.findFirstOrThrow({ where: { title: "小红书笔记被限流" } });
    const steps = await svc.deps.db.incidentStep.findMany({ where: { incidentId: incident.id }, orderBy: { position: "asc" } });
    expect(steps[0]!.key).toBe("confirm_new"); // the fixed file is the new good version
  });
});
