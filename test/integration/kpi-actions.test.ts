// The digest's buttons clicked through the console (details, mute, assign a follow-up, with their permissions
// and refusals), /kpi mute and unmute, and the operations figures read from the bot's own tables: open
// incidents (drills left out), SLA breaches and their first-response figures, and the drivers of moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/app/kpi/build-digest.js";
import { runDueDigests } from "../../src/app/kpi/run-due-digests.js";
import { slaFigures } from "../../src/app/sla/sla-stats.js";
import { cardButtons } from "../../src/messaging/card.js";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

const TEAM = "default";

/** 28 days of douyin reads around 10,000 and a jump to 13,000 on 2026-11-25 (the digest's day). */
async function seedReads(svc: TestService): Promise<void> {
  const rows = [];
  for (let i = 1; i <= 28; i++) {
    const day = new Date(Date.UTC(2026, 10, 25 - i)).toISOString().slice(0, 10);
    rows.push({ teamId: TEAM, platform: "douyin", account: "main", metric: "reads", day, value: 10_000 + (i % 5) * 100, source: "api", updatedAt: svc.clock.now() });
  }
  rows.push({ teamId: TEAM, platform: "douyin", account: "main", metric: "reads", day: "2026-11-25", value: 13_000, source: "api", updatedAt: svc.clock.now() });
  await svc.deps.db.metricValue.createMany({ data: rows });
}

async function digestsIn(api: ReturnType<typeof consoleClient>, channel: string, user: string): Promise<ApiMessage[]> {
  const res = await api.read(channel, user);
  return res.messages.filter((m) => m.card && /^(每日数据简报|Daily KPI digest)/.test(m.card.title));
}

describe("the digest's buttons", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  let digest: ApiMessage;

  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
    await seedReads(svc);
    const target = await api.say("wang.fang", "/kpi target reads +25% by 2027-05-26", "kpi");
    expect(target.status, target.error).toBe(200);
    const sub = await api.say("wang.fang", "/kpi subscribe --time 11:00", "kpi");
    expect(sub.status, sub.error).toBe(200);
    svc.clock.set("2026-11-26T03:00:00Z"); // 11:00 Shanghai
    expect((await runDueDigests(svc.deps)).sent).toHaveLength(1);
    digest = (await digestsIn(api, "kpi", "chen.jie"))[0]!;
  });
  afterAll(() => svc.dispose());

  it("puts details, mute and assign under the unusual move, and details under each target", () => {
    expect(cardText(digest)).toContain("⬆ 抖音 阅读量大涨至 13,000");
    const buttons = cardButtons(digest.card!);
    expect(buttons.map((b) => [b.actionId, b.label])).toEqual([
      ["kpi.detail", "详情 · 阅读量"],
      ["kpi.detail", "详情 · 抖音 阅读量"],
      ["kpi.mute", "屏蔽 阅读量"],
      ["kpi.assign", "指派跟进"],
    ]);
    expect(buttons.find((b) => b.actionId === "kpi.assign")!.reasonPrompt).toContain("@账号");
  });

  it("details: anyone sees the metric's 28 days and the target's pace, only to themselves", async () => {
    const res = await clickNth(api, "chen.jie", digest, "kpi.detail", 1); // the move's (0 is the target's)
    expect(res.status, res.error).toBe(200);
    const text = cardText(res.messages[0]!);
    expect(res.messages[0]!.ephemeral).toBe(true);
    expect(text).toContain("抖音 · 阅读量：截至 2026-11-25 的 28 天");
    expect(text).toContain("最低 10,000 · 中位数 10,200 · 最高 13,000（28 天中 28 天有数据）");
    expect(text).toContain("2026-10-29 → 11-04: 10,200 · 10,100 · 10,000 · 10,400 · 10,300 · 10,200 · 10,100");
    expect(text).toContain("2026-11-19 → 11-25: 10,100 · 10,000 · 10,400 · 10,300 · 10,200 · 10,100 · 13,000");
    expect(text).toContain("🟢 阅读量（团队 · 7 日日均） +25%：符合进度。当前 10,586，今天应达 10,586");
    // In English for Emma, with the same figures.
    const en = await clickNth(api, "emma", digest, "kpi.detail", 1);
    expect(cardText(en.messages[0]!)).toContain("Douyin · Reads: 28 days to 2026-11-25");
    // The target's button: every platform added up.
    const all = await api.click("emma", digest, "kpi.detail");
    expect(cardText(all.messages[0]!)).toContain("All platforms · Reads: 28 days to 2026-11-25");
    expect(cardText(all.messages[0]!)).toContain("🟢 Reads (team · 7-day daily average) +25%: on pace.");
  });

  it("mute: refused to an operator (audited), done for a manager once, then refused as already muted", async () => {
    const denied = await api.click("chen.jie", digest, "kpi.mute");
    expect(denied.status).toBe(400);
    expect(denied.error).toContain("只有主管或管理员可以在简报中屏蔽指标。你的角色：运营。");
    expect(await svc.deps.db.auditLog.count({ where: { action: "auth.denied", actorId: (await user(svc, "chen.jie")).id } })).toBe(1);

    const ok = await api.click("wang.fang", digest, "kpi.mute");
    expect(ok.status, ok.error).toBe(200);
    expect(cardText(ok.messages[0]!)).toContain("已在 #kpi 的数据简报中屏蔽阅读量");
    expect(cardText(ok.messages[0]!)).toContain("/kpi unmute 阅读量");
    const sub = await svc.deps.db.digestSubscription.findFirstOrThrow();
    expect(JSON.parse(sub.mutedJson)).toEqual(["reads"]);
    expect(await svc.deps.db.auditLog.count({ where: { action: "kpi.mute", subjectId: sub.id } })).toBe(1);

    const again = await api.click("wang.fang", digest, "kpi.mute");
    expect(again.status).toBe(400);
    expect(again.error).toBe("阅读量已在这份简报中屏蔽。恢复可用 /kpi unmute 阅读量。");

    const preview = await api.say("wang.fang", "/kpi digest now", "kpi");
    expect(cardText(preview.messages[0]!)).toContain("没有异常波动。");

    const unmute = await api.say("wang.fang", "/kpi unmute 阅读量", "kpi");
    expect(unmute.status, unmute.error).toBe(200);
    expect(cardText(unmute.messages[0]!)).toContain("已在 #kpi 的数据简报中恢复显示阅读量");
    expect(JSON.parse((await svc.deps.db.digestSubscription.findFirstOrThrow()).mutedJson)).toEqual([]);
    const twice = await api.say("wang.fang", "/kpi unmute reads", "kpi");
    expect(twice.error).toBe("阅读量在这份简报中没有被屏蔽。");
    const elsewhere = await api.say("wang.fang", "/kpi mute reads", "general");
    expect(elsewhere.error).toBe("这里还没有订阅数据简报，可用 /kpi subscribe 订阅。");
  });

  it("assign: a manager names a person, who is told with the note; the audit row is the follow-up's record", async () => {
    const denied = await api.click("emma", digest, "kpi.assign", "@chen.jie");
    expect(denied.status).toBe(400);
    expect(denied.error).toContain("Only managers or admins can assign a follow-up from the digest. Your roles: operator, reviewer.");
    const nobody = await api.click("wang.fang", digest, "kpi.assign", "  ");
    expect(nobody.error).toBe("请填写由谁跟进，例如 @chen.jie，后面可附说明。");
    const unknown = await api.click("wang.fang", digest, "kpi.assign", "@no.such.person 看一下");
    expect(unknown.error).toContain("团队里没有“no.such.person”这个成员");

    const ok = await api.click("wang.fang", digest, "kpi.assign", "@chen.jie 看下是不是热点带动的");
    expect(ok.status, ok.error).toBe(200);
    expect(cardText(ok.messages[0]!)).toContain("已将 抖音 阅读量（2026-11-25）的跟进指派给 陈杰");
    const theirs = (await api.read("kpi", "chen.jie")).messages.filter((m) => m.card?.title.startsWith("需要你跟进"));
    expect(theirs).toHaveLength(1);
    expect(cardText(theirs[0]!)).toContain("需要你跟进：抖音 阅读量（2026-11-25）");
    expect(cardText(theirs[0]!)).toContain("说明：看下是不是热点带动的");
    expect((await api.read("kpi", "liu.yang")).messages.some((m) => m.card?.title.startsWith("需要你跟进"))).toBe(false);
    const row = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "kpi.follow_up" } });
    expect([row.subjectId, row.reason, JSON.parse(row.afterJson!).assigneeId]).toEqual(["douyin/reads/2026-11-25", "看下是不是热点带动的", (await user(svc, "chen.jie")).id]);
  });

  it("refuses an edited button, and a preview without a subscription has no mute button", async () => {
    const button = cardButtons(digest.card!).find((b) => b.actionId === "kpi.detail")!;
    const forged = await api.call("POST", "/console/api/actions", { user: "wang.fang", messageId: digest.id, actionId: "kpi.detail", value: button.value.replace("reads", "revenue") });
    expect(forged.status).toBe(400);
    expect(forged.error).toContain("这个按钮无效");
    const preview = await api.say("liu.yang", "/kpi digest now", "general");
    expect(preview.status, preview.error).toBe(200);
    const ids = cardButtons(preview.messages[0]!.card!).map((b) => b.actionId);
    expect(ids).toContain("kpi.detail");
    expect(ids).not.toContain("kpi.mute");
  });
});

describe("operations figures from the bot's own tables", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
    await seedReads(svc);
  });
  afterAll(() => svc.dispose());

  const preview = async () => {
    const res = await api.say("wang.fang", "/kpi digest now", "kpi");
    expect(res.status, res.error).toBe(200);
    return cardText(res.messages[0]!);
  };

  it("with no incidents and no SLA items: zero open incidents, no SLA figures for the day", async () => {
    const text = await preview();
    expect(text).toContain("运营指标（机器人自身记录）");
    expect(text).toContain("- 未结事件: 0");
    expect(text).toContain("- 首次响应中位数: 无数据");
    expect(text).toContain("- SLA 超时率: 无数据");
    expect(text).not.toContain("暂未统计");
  });

  it("names an SLA breach spike on the platform as the move's driver, and counts breaches still open", async () => {
    const base = { teamId: TEAM, platform: "douyin", account: "brand", kind: "comment", author: "user", text: "在吗", source: "manual", policyName: "default", targetMinutes: 60, scheduleJson: '{"warnings":[],"escalations":[],"coverageGap":[]}', updatedAt: svc.clock.now() };
    // Six comments on Wednesday 2026-11-25 at 09:00 Shanghai, due 10:00: four answered at 11:00 (late), two still open.
    for (let i = 0; i < 6; i++) {
      const open = i >= 4;
      await svc.deps.db.slaItem.create({
        data: {
          ...base, externalId: `c${i}`, createdAt: new Date("2026-11-25T01:00:00Z"), receivedAt: new Date("2026-11-25T01:00:00Z"),
          dueAt: new Date("2026-11-25T02:00:00Z"), deadlineAt: new Date("2026-11-25T02:00:00Z"), status: open ? "open" : "answered",
          answeredAt: open ? null : new Date("2026-11-25T03:00:00Z"), breachedAt: new Date("2026-11-25T02:00:00Z"),
        },
      });
    }
    const text = await preview();
    expect(text).toContain("可能原因：2026-11-25 有 6 条 SLA 超时（28 天中位数 0）");
    expect(text).toContain("- 2 条 SLA 超时");
    expect(text).toContain("- SLA 超时率: 100%");
    expect(text).toMatch(/- 首次响应中位数: \d+ 分钟/);
    // The same figures as /sla stats for that day (the digest computes them from the rows it already read).
    const view = await buildDigest(svc.deps.db, { teamId: TEAM, teamName: "t", sentDay: "2026-11-26", timezone: "Asia/Shanghai", teamTimezone: "Asia/Shanghai", platforms: [], metrics: [], muted: [], preview: true, subscriptionId: null }, svc.clock.now());
    const sla = await slaFigures(svc.deps.db, TEAM, new Date("2026-11-24T16:00:00Z"), new Date("2026-11-25T16:00:00Z"));
    const op = (m: string) => view.operations!.find((o) => o.metric === m)!.value;
    expect([op("sla_first_response_median"), op("sla_breach_rate")]).toEqual([sla.total.medianMinutes, sla.total.breachRate]);
    expect(sla.total.medianMinutes).toBe(120);
  });

  it("counts open incidents without drills and names an incident declared that day as the driver", async () => {
    const channel = await svc.deps.db.channel.findFirstOrThrow({ where: { externalId: "kpi" } });
    const boss = await user(svc, "wang.fang");
    const incident = (title: string, isDrill: boolean, status: string) => ({
      teamId: TEAM, title, riskType: "public_opinion", likelihood: "high", impact: "severe", severity: "SEV2", status, playbookId: "p", playbookJson: "{}", isDrill,
      channelId: channel.id, originChannelId: channel.id, declaredById: boss.id, declaredAt: new Date("2026-11-25T04:00:00Z"), createdAt: new Date("2026-11-25T04:00:00Z"), updatedAt: svc.clock.now(),
    });
    const real = await svc.deps.db.incident.create({ data: incident("抖音评论区舆情", false, "active") });
    await svc.deps.db.incident.create({ data: incident("演练：账号被盗", true, "active") });
    await svc.deps.db.incident.create({ data: { ...incident("上周的旧事件", false, "resolved"), declaredAt: new Date("2026-11-18T04:00:00Z") } });
    const text = await preview();
    expect(text).toContain(`可能原因：事件 #${real.id}「抖音评论区舆情」（SEV2）于 2026-11-25 宣布`);
    expect(text).not.toContain("演练");
    expect(text).toContain("- 1 个未结事件");
    expect(text).toContain("- 未结事件: 1");
  });
});

/** Clicks the `n`-th button with `actionId` (the console client clicks the first). */
function clickNth(api: ReturnType<typeof consoleClient>, user: string, message: ApiMessage, actionId: string, n: number, reason?: string) {
  const button = cardButtons(message.card!).filter((b) => b.actionId === actionId)[n]!;
  return api.call("POST", "/console/api/actions", { user, messageId: message.id, actionId, value: button.value, reason });
}

async function user(svc: TestService, handle: string) {
  return svc.deps.db.user.findFirstOrThrow({ where: { handle } });
}
