// Incident playbooks end to end through the console: a 舆情 incident declared from the matrix, roles claimed,
// steps done and nudged, updates reminded on cadence, resolved with its review; a drill scored and left out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIncidentSweep } from "../../src/app/incidents/incident-sweep.js";
import { incidentMetrics } from "../../src/app/incidents/incident-library.js";
import type { CardButton } from "../../src/messaging/card.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const MIN = 60_000;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

function buttons(m: ApiMessage): CardButton[] {
  return m.card?.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])) ?? [];
}

/** Clicks the button labelled `label` (several share an action id: one Claim per role). */
function clickLabel(user: string, m: ApiMessage, label: string, reason?: string) {
  const b = buttons(m).find((x) => x.label === label);
  if (!b) throw new Error(`no "${label}" on ${m.card?.title}: ${buttons(m).map((x) => x.label).join(", ")}`);
  return api.call("POST", "/console/api/actions", { user, messageId: m.id, actionId: b.actionId, value: b.value, reason });
}

async function latestCard(channel: string, titlePart: string, user = "wang.fang"): Promise<ApiMessage> {
  const res = await api.read(channel, user);
  const found = res.messages.filter((m) => m.card?.title.includes(titlePart)).at(-1);
  if (!found) throw new Error(`no card "${titlePart}" in ${channel}`);
  return found;
}

async function privateTo(user: string, channel = "incidents"): Promise<string[]> {
  const res = await api.read(channel, user);
  return res.messages.filter((m) => m.ephemeral).map((m) => cardText(m));
}

function idFrom(m: ApiMessage): number {
  return Number(/#(\d+)/.exec(m.card!.title)![1]);
}

describe("a 舆情 incident from declaration to review", () => {
  let id = 0;

  it("without the matrix axes shows the matrix and changes nothing", async () => {
    const res = await api.say("wang.fang", "/incident declare 微博负面帖发酵", "general");
    expect(res.status, res.error).toBe(200);
    const text = cardText(res.messages[0]!);
    expect(text).toContain("风险矩阵（可能性 × 影响）");
    expect(text).toContain("高: 轻微 SEV3 · 中等 SEV2 · 严重 SEV1");
    expect(await svc.deps.db.incident.count()).toBe(0);
  });

  it("is declared from the matrix: SEV1 with the cell shown, the 舆情 playbook's steps, posted in #incidents", async () => {
    const res = await api.say("wang.fang", "/incident declare 微博负面帖发酵 --type 舆情 --likelihood high --impact severe", "general");
    expect(res.status, res.error).toBe(200);
    const card = res.messages.find((m) => m.channel === "incidents" && m.card?.title.includes("SEV1"))!;
    expect(card.card!.title).toMatch(/^#\d+ SEV1 微博负面帖发酵$/);
    id = idFrom(card);
    const text = cardText(card);
    expect(text).toContain("级别: SEV1 (高 × 严重)");
    expect(text).toContain("预案: 舆情应急预案");
    expect(text).toContain("高: 轻微 SEV3 · 中等 SEV2 · [严重 SEV1]");
    expect(text).toContain("1. 截图并存档相关帖子");
    expect(text).not.toContain("capture");
    expect(text).toContain("指挥: 待认领 (必需)");
    expect(text).toContain("下次通报: 11-26 10:30");
    const notice = res.messages.find((m) => m.channel === "general")!;
    expect(cardText(notice)).toContain("请在 #incidents 跟进");
    expect(buttons(card).map((b) => b.label)).toEqual(expect.arrayContaining(["认领指挥", "认领法务", "完成第 1 步", "发布通报", "调整级别", "解决"]));
    expect(await svc.deps.db.incidentStep.count({ where: { incidentId: id } })).toBe(8);
    expect(await svc.deps.db.auditLog.count({ where: { subjectType: "incident", subjectId: String(id), action: "incident.declare" } })).toBe(1);
  });

  it("roles are claimed on the card; two claiming communications at once get one winner", async () => {
    const card = await latestCard("incidents", "微博负面帖发酵");
    const claimed = await clickLabel("liu.yang", card, "认领指挥");
    expect(claimed.status, claimed.error).toBe(200);
    expect(cardText(claimed.messages.find((m) => m.id === card.id)!)).toContain("指挥: 刘洋");
    const [a, b] = await Promise.all([clickLabel("zhang.min", card, "认领对外沟通"), clickLabel("li.wei", card, "认领对外沟通")]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a.error, b.error].find(Boolean)).toMatch(/^对外沟通|^communications 已由 (张敏|李伟) 担任/);
    const roles = await svc.deps.db.incidentRole.findMany({ where: { incidentId: id, role: "communications" } });
    expect(roles[0]!.userId).not.toBeNull();
    const again = await clickLabel("emma", card, "认领指挥");
    expect(again.error).toBe("commander already holds 刘洋. Ask them, or hand it over with /incident role commander @someone.".replace("commander already holds 刘洋", "刘洋 already holds commander"));
  });

  it("hands a role over by command, and refuses an unknown role or person", async () => {
    const ok = await api.say("wang.fang", "/incident role 法务 @li.wei", "incidents");
    expect(ok.status, ok.error).toBe(200);
    expect(cardText(ok.messages.find((m) => m.ephemeral)!)).toContain("法务：李伟");
    expect(cardText(ok.messages.find((m) => m.card?.title.includes("SEV1"))!)).toContain("法务: 李伟");
    const bad = await api.say("wang.fang", "/incident role janitor @li.wei", "incidents");
    expect(bad.error).toMatch(/^事件 #\d+ 没有“janitor”这个角色。现有角色：指挥、对外沟通、记录员、法务、公关。$/);
    expect((await api.say("wang.fang", "/incident role legal @nobody", "incidents")).error).toContain("nobody");
  });

  it("nudges overdue steps and unclaimed roles once per period", async () => {
    svc.clock.advance(16 * MIN); // 10:16: capture was due 10:15; pr (required) has been unclaimed since 10:00
    const first = await runIncidentSweep(svc.deps);
    expect(first).toMatchObject({ stepNudges: 1, roleReminders: 1, updateReminders: 0, warnings: 0, actionNudges: 0 });
    const toCommander = await privateTo("liu.yang");
    expect(toCommander.some((t) => t.includes("步骤已超时") && t.includes("“截图并存档相关帖子、评论和转发链路") && t.includes("已超时 1 分钟"))).toBe(true);
    expect(toCommander.some((t) => t.includes("角色无人认领") && t.includes("公关 已 16 分钟无人认领"))).toBe(true);
    expect(await privateTo("chen.jie")).toEqual([]);
    expect(await runIncidentSweep(svc.deps)).toMatchObject({ stepNudges: 0, roleReminders: 0, updateReminders: 0, warnings: 0, actionNudges: 0 });
    const [x, y] = await Promise.all([runIncidentSweep(svc.deps), runIncidentSweep(svc.deps)]);
    expect(x.stepNudges + y.stepNudges).toBe(0);
    const events = await svc.deps.db.incidentEvent.findMany({ where: { incidentId: id, kind: { in: ["step_nudged", "role_reminded"] } } });
    expect(events).toHaveLength(2);
  });

  it("steps are done on the card or by command; a foreign or repeated step is refused", async () => {
    const card = await latestCard("incidents", "微博负面帖发酵");
    const done = await clickLabel("zhang.min", card, "完成第 1 步");
    expect(done.status, done.error).toBe(200);
    expect(cardText(done.messages.find((m) => m.id === card.id)!)).toContain("已完成步骤: 1/8");
    expect((await api.say("zhang.min", "/incident done 1", "incidents")).error).toMatch(/^步骤“截图并存档相关帖子.*”已由 张敏 完成。$/);
    expect((await api.say("zhang.min", "/incident done take_down", "incidents")).error).toMatch(/^事件 #\d+ 没有“take_down”这个步骤。现有步骤：1\. 截图并存档相关帖子.*、2\. /);
    const second = await api.say("zhang.min", "/incident done 2", "incidents");
    expect(second.status, second.error).toBe(200);
    expect(cardText(second.messages.find((m) => m.ephemeral)!)).toMatch(/步骤已完成[\s\S]*评估传播范围/);
  });

  it("reminds the commander of a status update on the SEV1 cadence, and an update goes to both channels", async () => {
    svc.clock.advance(15 * MIN); // 10:31: the 10:30 update is due
    const r = await runIncidentSweep(svc.deps);
    expect(r.updateReminders).toBe(1);
    expect((await privateTo("liu.yang")).some((t) => t.includes("SEV1 事件每 30 分钟需通报一次进展"))).toBe(true);
    expect((await runIncidentSweep(svc.deps)).updateReminders).toBe(0);
    const upd = await api.say("liu.yang", "/incident update 已暂停定时发布，临时声明起草中", "incidents");
    expect(upd.status, upd.error).toBe(200);
    for (const ch of ["incidents", "general"]) {
      const posted = (await api.read(ch)).messages.filter((m) => m.card?.title.startsWith("进展通报"));
      expect(posted.map((m) => cardText(m)).join("\n")).toContain("已暂停定时发布，临时声明起草中");
    }
    const inc = await svc.deps.db.incident.findUniqueOrThrow({ where: { id } });
    expect(inc.nextUpdateDueAt!.toISOString()).toBe("2026-11-26T03:01:00.000Z");
    svc.clock.advance(29 * MIN);
    expect((await runIncidentSweep(svc.deps)).updateReminders).toBe(0);
    svc.clock.advance(1 * MIN);
    expect((await runIncidentSweep(svc.deps)).updateReminders).toBe(1);
  });

  it("severity outside the matrix and an unknown playbook are refused without change", async () => {
    expect((await api.say("liu.yang", "/incident severity SEV5", "incidents")).error).toBe("“SEV5”不在风险矩阵内。级别为 SEV1 至 SEV4，或填写 --likelihood 和 --impact。");
    expect((await api.say("liu.yang", "/incident declare x --type weather --likelihood high --impact severe")).error).toContain("未知风险类型“weather”");
    expect((await api.say("liu.yang", "/incident drill volcano")).error).toBe("没有“volcano”这个预案。现有预案：合规风险预案、内容风险预案、平台风险预案、舆情应急预案、用户数据与投诉风险预案。");
    expect((await svc.deps.db.incident.findUniqueOrThrow({ where: { id } })).severity).toBe("SEV1");
  });

  it("a note goes on the timeline; the status moves to stable", async () => {
    expect((await api.say("wang.fang", "/incident note 微博客户经理已回电", "incidents")).status).toBe(200);
    const st = await api.say("liu.yang", "/incident status stable", "incidents");
    expect(st.status, st.error).toBe(200);
    expect(cardText(st.messages.find((m) => m.card?.title.includes("SEV1"))!)).toContain("状态: 已稳定");
  });

  it("resolving with blocking steps open asks for confirmation; resolving anyway records the override and writes the review", async () => {
    const first = await api.say("liu.yang", "/incident resolve", "incidents");
    expect(first.status).toBe(200);
    const ask = first.messages[0]!;
    expect(cardText(ask)).toContain("仍有阻塞步骤未完成");
    expect((await svc.deps.db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("stable");
    const forced = await clickLabel("liu.yang", ask, "仍然解决", "声量已回落，其余步骤转日常");
    expect(forced.status, forced.error).toBe(200);
    const inc = await svc.deps.db.incident.findUniqueOrThrow({ where: { id } });
    expect(inc).toMatchObject({ status: "resolved", overrideReason: "声量已回落，其余步骤转日常" });
    const card = await latestCard("incidents", "SEV1 微博负面帖发酵");
    expect(outcomeOf(card)).toMatch(/^刘洋 已解决 · 11-26 11:\d\d · 阻塞步骤未完成，强制解决：声量已回落/);
    expect(buttons(card)).toEqual([]);
    const review = await latestCard("incidents", "复盘");
    const text = cardText(review);
    expect(text).toContain("时间线");
    expect(text).toContain("11-26 10:00 王芳 发起事件：SEV1 · 舆情风险 · 舆情应急预案");
    expect(text).toContain("刘洋 进展通报：已暂停定时发布，临时声明起草中");
    expect(text).toContain("王芳 备注：微博客户经理已回电");
    expect(text).toMatch(/刘洋 角色：指挥 → 刘洋/);
    expect(text).toMatch(/张敏 完成步骤：截图并存档相关帖子/);
    expect(text).toContain("发布了 1 次进展通报");
    expect(text).toMatch(/改进行动项[\s\S]*#\d+ .* · 刘洋 · 待完成/);
    expect(await svc.deps.db.incidentActionItem.count({ where: { incidentId: id } })).toBeGreaterThan(2);
    expect(await svc.deps.db.auditLog.count({ where: { subjectId: String(id), action: "incident.resolve", reason: "声量已回落，其余步骤转日常" } })).toBe(1);
  });

  it("a resolved incident takes no changes, shows its review, and can be reopened", async () => {
    expect((await api.say("liu.yang", `/incident update hello --id ${id}`, "incidents")).error).toBe(`事件 #${id} 已解决，不能再更改。如需重新打开：/incident reopen --id ${id}。`);
    expect((await api.say("liu.yang", "/incident note hi", "incidents")).error).toBe("此频道没有进行中的事件，请用 --id 指定，如 --id 3。");
    const shown = await api.say("emma", `/incident review --id ${id}`, "incidents");
    expect(cardText(shown.messages[0]!)).toContain(`Review of incident #${id}`);
    const reopened = await api.say("liu.yang", `/incident reopen --id ${id}`, "incidents");
    expect(reopened.status, reopened.error).toBe(200);
    expect((await svc.deps.db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("active");
    expect((await api.say("liu.yang", `/incident resolve --force 确认关闭 --id ${id}`, "incidents")).status).toBe(200);
  });
});

describe("a drill of the same playbook", () => {
  it("is labelled as a drill, scored at resolve, and absent from metrics and the library's counts", async () => {
    const res = await api.say("wang.fang", "/incident drill public-opinion", "incidents");
    expect(res.status, res.error).toBe(200);
    const card = res.messages.find((m) => m.card?.title.startsWith("[演练]"))!;
    expect(card.card!.title).toMatch(/^\[演练\] #\d+ SEV1 舆情应急预案$/);
    expect(cardText(card)).toContain("这是一次演练：不计入指标和风险事件库统计。");
    const id = idFrom(card);
    await clickLabel("liu.yang", card, "认领指挥");
    await clickLabel("wang.fang", card, "认领法务");
    await api.say("liu.yang", `/incident role pr @zhang.min --id ${id}`);
    await api.say("zhang.min", `/incident done capture --id ${id}`);
    svc.clock.advance(20 * MIN);
    const sweep = await runIncidentSweep(svc.deps);
    expect(sweep.stepNudges).toBe(0); // assess_spread and hold_scheduled are due at 30 min
    expect((await privateTo("liu.yang")).some((t) => t.startsWith("步骤已超时 · [演练]"))).toBe(false);
    await api.say("liu.yang", `/incident update 演练：声明已起草 --id ${id}`);
    svc.clock.advance(15 * MIN);
    await runIncidentSweep(svc.deps);
    expect((await privateTo("liu.yang")).some((t) => t.startsWith(`步骤已超时 · [演练] #${id}`))).toBe(true);
    const resolved = await api.say("liu.yang", `/incident resolve --force 演练结束 --id ${id}`);
    expect(resolved.status, resolved.error).toBe(200);
    const inc = await svc.deps.db.incident.findUniqueOrThrow({ where: { id } });
    const score = JSON.parse(inc.drillScoreJson!) as { score: number; stepsOnTime: number; rolesClaimed: number; rolesRequired: number; updatesSent: number };
    expect(score).toMatchObject({ stepsOnTime: 1, rolesClaimed: 3, rolesRequired: 3, updatesSent: 1, updatesExpected: 1 });
    expect(score.score).toBe(Math.round(((1 / 8 + 1 + 1) / 3) * 100));
    const final = await latestCard("incidents", `#${id} SEV1`);
    expect(outcomeOf(final)).toContain(`演练得分 ${score.score}/100`);
    const review = await latestCard("incidents", `[演练] 事件 #${id}`);
    expect(cardText(review)).toContain(`演练得分 ${score.score}/100`);

    const metrics = await incidentMetrics(svc.deps.db, "default", new Date("2026-11-01"), new Date("2026-12-01"));
    expect(metrics).toMatchObject({ declared: 1, resolved: 1, byRisk: { public_opinion: 1 } });
    const lib = await api.say("wang.fang", "/incident library 舆情");
    const text = cardText(lib.messages[0]!);
    expect(text).toContain("事件数（不含演练）: 舆情风险 1");
    expect(text).toContain(`[演练] #${id} SEV1 舆情应急预案`);
    const search = await api.say("wang.fang", "/incident library --q 临时声明起草中");
    expect(cardText(search.messages[0]!)).toMatch(/#\d+ SEV1 微博负面帖发酵/);
    expect(cardText(search.messages[0]!)).not.toContain("[演练]");
  });
});

describe("playbooks in chat", () => {
  it("lists the five playbooks", async () => {
    const res = await api.say("emma", "/incident playbooks");
    const text = cardText(res.messages[0]!);
    expect(text).toContain("Playbooks (5)");
    expect(text).toContain("public-opinion · Public-opinion (舆情) crisis playbook · public opinion (舆情) · SEV1/SEV2/SEV3/SEV4 · 8 steps · updates SEV1 30m");
  });
  it("reload is for admins only", async () => {
    expect((await api.say("chen.jie", "/incident reload")).error).toContain("只有管理员可以重新加载预案。");
    const ok = await api.say("wang.fang", "/incident reload");
    expect(cardText(ok.messages[0]!)).toContain("预案已重新加载：5 个生效");
  });
});
