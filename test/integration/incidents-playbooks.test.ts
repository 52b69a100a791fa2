// Playbook reload through chat: a broken file is refused with file, line and field, and its previous version
// stays in force; the Change severity button re-rates an incident from the matrix.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAYBOOK_DIR, usePlaybookDir } from "../../src/app/incidents/playbook-loader.js";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { startTestService, tempDir, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const dir = tempDir();

beforeAll(async () => {
  cpSync(DEFAULT_PLAYBOOK_DIR, dir, { recursive: true });
  expect(usePlaybookDir(dir).errors).toEqual([]);
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(async () => {
  await svc.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("reloading playbooks", () => {
  it("refuses a broken file with its error and keeps the previous version in force", async () => {
    const file = join(dir, "platform.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("role: platform_liaison\n    dueMinutes: 15", "role: platform_liaison\n    dueMinutes: fifteen").replace("id: confirm_scope", "id: confirm_new"));
    const line = text.split("\n").findIndex((l) => l.includes("dueMinutes: 15")) + 1;
    const res = await api.say("wang.fang", "/incident reload");
    expect(res.status, res.error).toBe(200);
    const out = cardText(res.messages[0]!);
    expect(out).toContain("预案已重新加载：5 个生效");
    expect(out).toContain(`platform.yaml 第 ${line} 行，字段 steps[0].dueMinutes：应为数字；沿用上次成功加载的版本。`);
    const declared = await api.say("wang.fang", "/incident declare 抖音账号被限流 --type platform --likelihood medium --impact severe", "incidents");
    expect(declared.status, declared.error).toBe(200);
    const card = declared.messages.find((m) => m.card?.title.includes("抖音账号被限流"))!;
    const incident = await svc.deps.db.incident.findFirstOrThrow({ where: { title: "抖音账号被限流" } });
    const keys = (await svc.deps.db.incidentStep.findMany({ where: { incidentId: incident.id }, orderBy: { position: "asc" } })).map((s) => s.key);
    expect(keys[0]).toBe("confirm_scope");
    expect(cardText(card)).toContain("1. 确认受影响的账号");
    const audit = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "incident.reload" } });
    expect(audit.afterJson).toContain("platform.yaml");
  });

  it("takes a fixed file on the next reload", async () => {
    const file = join(dir, "platform.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("dueMinutes: fifteen", "dueMinutes: 20"));
    const res = await api.say("wang.fang", "/incident reload");
    expect(cardText(res.messages[0]!)).not.toContain("已拒绝");
    const list = await api.say("wang.fang", "/incident playbooks");
    expect(cardText(list.messages[0]!)).toContain("平台风险预案 · 平台风险");
  });
});

describe("the Change severity button", () => {
  it("re-rates from the matrix, refuses what is outside it, and moves the update cadence", async () => {
    const res = await api.say("emma", "/incident declare Douyin live stream muted --type platform --likelihood medium --impact moderate", "general");
    const card = res.messages.find((m) => m.channel === "incidents")!;
    expect(card.card!.title).toMatch(/SEV3 Douyin live stream muted$/);
    const button = card.card!.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])).find((b) => b.actionId === "incident.severity")!;
    const click = (reason: string) => api.call("POST", "/console/api/actions", { user: "emma", messageId: card.id, actionId: button.actionId, value: button.value, reason });
    expect((await click("SEV9")).error).toBe('"SEV9" is outside the risk matrix. Severities are SEV1 to SEV4, or give --likelihood and --impact.');
    const ok = await click("high severe");
    expect(ok.status, ok.error).toBe(200);
    const updated = ok.messages.find((m: ApiMessage) => m.id === card.id)!;
    expect(cardText(updated)).toContain("Severity: SEV1 (high × severe)");
    expect(cardText(updated)).toContain("Next update due: 11-26 10:30");
  });
});
