// Incident playbooks, the rest of issue 6 through the console: warnings from thresholds (fire once per
// crossing, re-arm below, one warning across concurrent sweeps, Declare button), a conversation per incident
// where the platform can create one, and editing the review with its action items (nudged once a day).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIncidentSweep } from "../../src/app/incidents/incident-sweep.js";
import { signalValue } from "../../src/app/incidents/risk-thresholds.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
const MIN = 60_000;
let ext = 0;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

/** A complaint SLA item received now, breached `breachedAgoMin` minutes ago (or not breached). */
async function complaint(opts: { breachedAgoMin?: number; kind?: string } = {}) {
  const now = svc.clock.now();
  ext++;
  await svc.deps.db.slaItem.create({
    data: {
      teamId: "default", platform: "weibo", account: "brand-weibo", kind: opts.kind ?? "complaint", externalId: `risk-${ext}`, author: "user", text: "投诉", source: "webhook",
      createdAt: now, receivedAt: now, policyName: "default", targetMinutes: 30, dueAt: now, deadlineAt: now, scheduleJson: "{}", status: "open", updatedAt: now,
      breachedAt: opts.breachedAgoMin === undefined ? null : new Date(now.getTime() - opts.breachedAgoMin * MIN),
    },
  });
}

async function warningsIn(channel: string, user: string): Promise<ApiMessage[]> {
  return (await api.read(channel, user)).messages.filter((m) => m.card?.title.startsWith("风险预警") || m.card?.title.startsWith("Risk warning"));
}

function buttonsOf(m: ApiMessage) {
  return m.card?.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])) ?? [];
}

describe("warnings from thresholds", () => {
  let thresholdId = 0;

  it("only admins set thresholds; the set threshold is listed with its defaults", async () => {
    expect((await api.say("chen.jie", "/incident threshold set complaint_breaches 3", "incidents")).error).toBe("只有管理员可以设置风险预警阈值。你的角色：运营。");
    expect((await api.say("wang.fang", "/incident threshold set mood 3", "incidents")).error).toContain("未知信号“mood”");
    expect((await api.say("wang.fang", "/incident threshold set complaint_breaches 0", "incidents")).error).toContain("不是有效的阈值");
    const res = await api.say("wang.fang", "/incident threshold set complaint_breaches 3 --window 1h --type 舆情 --level SEV2 --owner @liu.yang --playbook public-opinion", "incidents");
    expect(res.status, res.error).toBe(200);
    const text = cardText(res.messages[0]!);
    thresholdId = Number(/已设置阈值 #(\d+)/.exec(text)![1]);
    expect(text).toContain(`#${thresholdId} 1h 内投诉超时 ≥ 3 → 舆情风险 SEV2 · 舆情应急预案 · 接收人 刘洋 · 当前 0`);
    const listed = await api.say("emma", "/incident threshold list", "incidents");
    expect(cardText(listed.messages[0]!)).toContain(`#${thresholdId} complaint SLA breaches ≥ 3 in 1h → public opinion (舆情) SEV2`);
    expect(await svc.deps.db.auditLog.count({ where: { action: "incident.threshold_set", subjectId: String(thresholdId) } })).toBe(1);
  });

  it("crossing fires once: the owner gets the warning card; staying above does not re-fire", async () => {
    await complaint({ breachedAgoMin: 5 });
    await complaint({ breachedAgoMin: 3 });
    await complaint(); // a complaint not breached does not count
    expect((await runIncidentSweep(svc.deps)).warnings).toBe(0);
    await complaint({ breachedAgoMin: 1 });
    const first = await runIncidentSweep(svc.deps);
    expect(first.warnings).toBe(1);
    const cards = await warningsIn("incidents", "liu.yang");
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]!);
    expect(text).toContain("风险预警：1h 内投诉超时 3 条（阈值 3）");
    expect(text).toContain("风险类型: 舆情风险");
    expect(text).toContain("级别: SEV2");
    expect(text).toContain("建议预案: 舆情应急预案");
    expect(text).toContain("可能影响: 投诉超时未回复容易被用户公开转发");
    expect(buttonsOf(cards[0]!).map((b) => b.label)).toEqual(["发起 SEV2 事件"]);
    await complaint({ breachedAgoMin: 0 });
    svc.clock.advance(MIN);
    expect((await runIncidentSweep(svc.deps)).warnings).toBe(0);
    expect(await warningsIn("incidents", "liu.yang")).toHaveLength(1);
    expect(await svc.deps.db.riskWarning.count({ where: { thresholdId } })).toBe(1);
  });

  it("dropping below re-arms; the next crossing warns again", async () => {
    svc.clock.advance(61 * MIN); // every breach is now older than the 1h window
    const cleared = await runIncidentSweep(svc.deps);
    expect(cleared).toMatchObject({ warnings: 0, warningsCleared: 1 });
    expect((await svc.deps.db.riskWarning.findFirstOrThrow({ where: { thresholdId, crossing: 1 } })).clearedAt).not.toBeNull();
    for (let i = 0; i < 3; i++) await complaint({ breachedAgoMin: i });
    expect((await runIncidentSweep(svc.deps)).warnings).toBe(1);
    expect(await svc.deps.db.riskWarning.count({ where: { thresholdId } })).toBe(2);
    expect(await warningsIn("incidents", "liu.yang")).toHaveLength(2);
  });

  it("two concurrent sweeps warn once", async () => {
    const res = await api.say("wang.fang", "/incident threshold set negative_items 5 --owner @liu.yang", "incidents");
    const id = Number(/已设置阈值 #(\d+)/.exec(cardText(res.messages[0]!))![1]);
    for (let i = 0; i < 5; i++) await complaint();
    const [a, b] = await Promise.all([runIncidentSweep(svc.deps), runIncidentSweep(svc.deps)]);
    expect(a.warnings + b.warnings).toBe(1);
    expect(await svc.deps.db.riskWarning.count({ where: { thresholdId: id } })).toBe(1);
    const [c, d] = await Promise.all([runIncidentSweep(svc.deps), runIncidentSweep(svc.deps)]);
    expect(c.warnings + d.warnings).toBe(0);
    expect((await api.say("wang.fang", `/incident threshold remove ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("wang.fang", `/incident threshold remove ${id}`, "incidents")).error).toContain(`没有阈值 #${id}`);
  });

  it("the Declare button declares an incident with the threshold's risk type and level, once", async () => {
    const card = (await warningsIn("incidents", "liu.yang")).filter((m) => m.card!.title.includes("投诉超时")).at(-1)!;
    const button = buttonsOf(card)[0]!;
    const res = await api.call("POST", "/console/api/actions", { user: "liu.yang", messageId: card.id, actionId: button.actionId, value: button.value });
    expect(res.status, res.error).toBe(200);
    const inc = await svc.deps.db.incident.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(inc).toMatchObject({ riskType: "public_opinion", severity: "SEV2", playbookId: "public-opinion", declaredById: expect.any(String), status: "active" });
    expect(inc.title).toBe("预警：1h 内投诉超时 3 条");
    const incCard = res.messages.find((m) => m.card?.title === `#${inc.id} SEV2 ${inc.title}`);
    expect(incCard && cardText(incCard)).toContain("风险类型: 舆情风险");
    const updated = res.messages.find((m) => m.id === card.id)!;
    expect(outcomeOf(updated)).toBe(`已发起事件 #${inc.id}`);
    expect(buttonsOf(updated)).toEqual([]);
    const again = await api.call("POST", "/console/api/actions", { user: "wang.fang", messageId: card.id, actionId: button.actionId, value: button.value });
    expect(again.error).toBe(`该预警已发起为事件 #${inc.id}。`);
    expect(await svc.deps.db.incident.count({ where: { riskType: "public_opinion", severity: "SEV2" } })).toBe(1);
    expect((await svc.deps.db.riskWarning.findFirstOrThrow({ where: { incidentId: inc.id } })).thresholdId).toBe(thresholdId);
  });

  it("counts negative items by receipt and compliance rejections with a reason", async () => {
    const now = svc.clock.now();
    const before = await signalValue(svc.deps.db, "default", "negative_items", 60, now);
    await complaint({ kind: "comment" });
    await complaint();
    expect(await signalValue(svc.deps.db, "default", "negative_items", 60, now)).toBe(before + 1);
    const review = await svc.deps.db.review.create({
      data: {
        teamId: "default", topicId: 1, chainName: "c", status: "rejected", authorId: "x", channelId: "x", flagsJson: "{}", ccJson: "[]", currentVersion: 1, currentLevel: 2, createdAt: now, updatedAt: now,
        chainJson: JSON.stringify({ name: "c", levels: [{ name: "编辑" }, { name: "合规" }] }),
      },
    });
    const decision = (level: number, decision: string, reason: string | null) =>
      svc.deps.db.reviewDecision.create({ data: { reviewId: review.id, version: 1, level, pass: 1, reviewerId: `r${level}${decision}${reason ?? ""}`, decision, reason, createdAt: now } });
    await decision(2, "reject", "涉及未授权医疗功效表述");
    await decision(2, "changes", "需补充资质");
    await decision(2, "reject", null);
    await decision(1, "reject", "标题党");
    await decision(2, "approve", null);
    expect(await signalValue(svc.deps.db, "default", "compliance_rejections", 1440, now)).toBe(2);
    // A chain without a compliance level: every rejection with a reason counts.
    const plain = await svc.deps.db.review.create({ data: { ...review, id: undefined, chainJson: JSON.stringify({ name: "p", levels: [{ name: "主编" }] }) } });
    await svc.deps.db.reviewDecision.create({ data: { reviewId: plain.id, version: 1, level: 1, pass: 1, reviewerId: "p1", decision: "reject", reason: "引用未核实数据", createdAt: now } });
    expect(await signalValue(svc.deps.db, "default", "compliance_rejections", 1440, now)).toBe(3);
    expect(await signalValue(svc.deps.db, "default", "compliance_rejections", 1440, new Date(now.getTime() + 1441 * MIN))).toBe(0);
  });
});

describe("a conversation per incident", () => {
  it("is created where the platform can, registered as a channel, and gets the card; otherwise the operations channel", async () => {
    const consoleChannel = svc.deps.channels.get("console") as ChatChannel;
    const asked: { name: string; members: string[] }[] = [];
    consoleChannel.createConversation = async (name, members) => {
      asked.push({ name, members });
      const conversationId = `inc-room-${asked.length}`;
      await svc.deps.db.channel.create({ data: { teamId: "default", platform: "console", externalId: conversationId, name: conversationId } }).catch(() => undefined);
      return { conversationId, name: conversationId };
    };
    try {
      const res = await api.say("wang.fang", "/incident declare 抖音账号被限流 --type platform --likelihood medium --impact severe", "general");
      expect(res.status, res.error).toBe(200);
      expect(asked).toHaveLength(1);
      expect(asked[0]!.name).toMatch(/^inc-\d{4}-\d{4}-platform 抖音账号被限流$/);
      expect(asked[0]!.members).toEqual(["wang.fang"]);
      const inc = await svc.deps.db.incident.findFirstOrThrow({ orderBy: { id: "desc" } });
      const channel = await svc.deps.db.channel.findUniqueOrThrow({ where: { id: inc.channelId } });
      expect(channel.externalId).toBe("inc-room-1");
      const room = await api.read("inc-room-1", "wang.fang");
      expect(room.messages.some((m) => m.card?.title === `#${inc.id} SEV2 抖音账号被限流`)).toBe(true);
      expect(cardText(res.messages.find((m) => m.channel === "general")!)).toContain("请在 #inc-room-1 跟进");

      consoleChannel.createConversation = async () => {
        throw new Error("not allowed");
      };
      const fallback = await api.say("wang.fang", "/incident declare 公众号推文被投诉 --type content --likelihood low --impact minor", "general");
      expect(fallback.status, fallback.error).toBe(200);
      const second = await svc.deps.db.incident.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect((await svc.deps.db.channel.findUniqueOrThrow({ where: { id: second.channelId } })).externalId).toBe("incidents");
    } finally {
      delete consoleChannel.createConversation;
    }
  });
});

describe("editing the review and its action items", () => {
  let id = 0;

  it("edits sections, adds action items with owners and due dates, marks them done", async () => {
    const declared = await api.say("wang.fang", "/incident declare 小红书笔记被举报 --type content --likelihood low --impact moderate", "incidents");
    id = Number(/#(\d+)/.exec(declared.messages.find((m) => m.card?.title.includes("小红书"))!.card!.title)![1]);
    expect((await api.say("wang.fang", `/incident review edit impact 无 --id ${id}`, "incidents")).error).toContain(`事件 #${id} 还没有复盘`);
    expect((await api.say("wang.fang", `/incident resolve --force 已申诉 --id ${id}`, "incidents")).status).toBe(200);

    const edit = await api.say("liu.yang", `/incident review edit impact 笔记下架 2 小时，曝光损失约 3 万 --id ${id}`, "incidents");
    expect(edit.status, edit.error).toBe(200);
    await api.say("liu.yang", `/incident review edit went_well 申诉材料准备迅速 --id ${id}`, "incidents");
    expect((await api.say("liu.yang", `/incident review edit lessons 无 --id ${id}`, "incidents")).error).toContain("“lessons”不是复盘章节");
    const review = (await api.read("incidents", "liu.yang")).messages.filter((m) => m.card?.title === `事件 #${id} 小红书笔记被举报 复盘`).at(-1)!;
    expect(cardText(review)).toContain("影响: 笔记下架 2 小时，曝光损失约 3 万");
    expect(cardText(review)).toContain("申诉材料准备迅速");

    expect((await api.say("liu.yang", `/incident action add 整理平台规则清单 --id ${id}`, "incidents")).error).toContain("请在最后指定负责人");
    expect((await api.say("liu.yang", `/incident action add 整理平台规则清单 @chen.jie --due 明天 --id ${id}`, "incidents")).error).toContain("不是有效的截止日期");
    const added = await api.say("liu.yang", `/incident action add 整理平台规则清单 @chen.jie --due 2026-11-27 --id ${id}`, "incidents");
    expect(added.status, added.error).toBe(200);
    const item = await svc.deps.db.incidentActionItem.findFirstOrThrow({ where: { incidentId: id, textJson: JSON.stringify("整理平台规则清单") } });
    expect(item).toMatchObject({ status: "open", dueAt: new Date("2026-11-27T15:59:59.999Z") });
    const shown = await api.say("liu.yang", `/incident review --id ${id}`, "incidents");
    expect(cardText(shown.messages[0]!)).toContain(`#${item.id} 整理平台规则清单 · 陈杰 · 截止 2026-11-27 · 待完成`);

    const second = await api.say("liu.yang", `/incident action add 复盘申诉模板 @chen.jie --id ${id}`, "incidents");
    const other = await svc.deps.db.incidentActionItem.findFirstOrThrow({ where: { incidentId: id, textJson: JSON.stringify("复盘申诉模板") } });
    expect(second.status).toBe(200);
    expect((await api.say("chen.jie", `/incident action done ${other.id}`, "incidents")).status).toBe(200);
    expect((await api.say("chen.jie", `/incident action done ${other.id}`, "incidents")).error).toBe(`行动项 #${other.id} 已完成。`);
    expect((await api.say("chen.jie", "/incident action done 99999", "incidents")).error).toContain("没有行动项 #99999");
    expect(await svc.deps.db.auditLog.count({ where: { subjectId: String(id), action: { in: ["incident.review_edit", "incident.action_add", "incident.action_done"] } } })).toBe(5);
  });

  it("overdue action items are nudged by the sweep once per day", async () => {
    const item = await svc.deps.db.incidentActionItem.findFirstOrThrow({ where: { incidentId: id, textJson: JSON.stringify("整理平台规则清单") } });
    const nudges = async () => (await api.read("incidents", "chen.jie")).messages.filter((m) => m.ephemeral && m.card?.title.startsWith("改进行动项已逾期")).length;
    expect((await runIncidentSweep(svc.deps)).actionNudges).toBe(0);
    const until = new Date("2026-11-28T01:00:00Z").getTime() - svc.clock.now().getTime(); // the day after it was due, 09:00
    svc.clock.advance(until);
    expect((await runIncidentSweep(svc.deps)).actionNudges).toBe(1);
    expect(await nudges()).toBe(1);
    const text = (await api.read("incidents", "chen.jie")).messages.filter((m) => m.card?.title.startsWith("改进行动项已逾期")).map((m) => cardText(m)).join("\n");
    expect(text).toContain(`#${item.id}“整理平台规则清单”截止于 2026-11-27`);
    svc.clock.advance(6 * 60 * MIN);
    expect((await runIncidentSweep(svc.deps)).actionNudges).toBe(0);
    svc.clock.advance(18 * 60 * MIN);
    expect((await runIncidentSweep(svc.deps)).actionNudges).toBe(1);
    await api.say("chen.jie", `/incident action done ${item.id}`, "incidents");
    svc.clock.advance(24 * 60 * MIN);
    expect((await runIncidentSweep(svc.deps)).actionNudges).toBe(0);
    expect(await nudges()).toBe(2);
  });
});
