// Who may do what, as people meet it in chat: an operator cannot archive someone else's topic, an uninvolved
// operator cannot take over an incident, a forged button changes nothing; each refusal is an audit row that says
// who, what and why, and the person is told who may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardButton } from "../../src/messaging/card.js";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { draftingTopic, requestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function userId(handle: string): Promise<string> {
  return (await svc.deps.db.user.findFirstOrThrow({ where: { handle } })).id;
}

/** The refusal rows written for `handle`, oldest first. */
async function denials(handle: string) {
  return svc.deps.db.auditLog.findMany({ where: { action: "auth.denied", actorId: await userId(handle) }, orderBy: { id: "asc" } });
}

function buttonsOf(m: ApiMessage): CardButton[] {
  return m.card?.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])) ?? [];
}

describe("topics", () => {
  it("an operator's archive of someone else's topic is refused, audited, and leaves the topic as it was", async () => {
    const emmas = await svc.deps.db.topic.findFirstOrThrow({ where: { title: "2026 短视频行业趋势解读" } });
    const res = await api.say("chen.jie", `/topic archive ${emmas.id} 重复了`);
    expect(res.status).toBe(400);
    expect(res.error).toBe("只有选题提交人、主管或管理员可以归档选题。你的角色：运营。");
    expect((await svc.deps.db.topic.findUniqueOrThrow({ where: { id: emmas.id } })).status).toBe("idea");
    const [row] = await denials("chen.jie");
    expect(row).toMatchObject({ subjectType: "command", subjectId: "topic.archive", reason: expect.stringMatching(/^permission: Only the topic's proposer, managers or admins can archive a topic\./) });
    expect(JSON.parse(row!.afterJson!)).toMatchObject({ code: "auth.forbidden", text: `/topic archive ${emmas.id} 重复了` });
  });

  it("the proposer may archive their own topic, and a manager anyone's", async () => {
    const own = await svc.deps.db.topic.findFirstOrThrow({ where: { title: { startsWith: "春节返乡攻略" } } });
    expect((await api.say("chen.jie", `/topic archive ${own.id} 时间太紧`)).status).toBe(200);
    const emmas = await svc.deps.db.topic.findFirstOrThrow({ where: { title: { startsWith: "A nurse" } } });
    expect((await api.say("liu.yang", `/topic archive ${emmas.id} 与上周重复`)).status).toBe(200);
    expect((await svc.deps.db.topic.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("archived");
  });

  it("a forged or edited button payload is refused and leaves an audit row with what was sent", async () => {
    const proposed = await api.say("emma", "/topic propose Forged button test --platform weibo");
    const card = proposed.messages.find((m) => m.card?.title.startsWith("#"))!;
    const accept = buttonsOf(card).find((b) => b.actionId === "topic.accept")!;
    const forged = `${accept.value.slice(0, -1)}${accept.value.endsWith("A") ? "B" : "A"}`;
    const before = (await denials("wang.fang")).length;
    const res = await api.call("POST", "/console/api/actions", { user: "wang.fang", messageId: card.id, actionId: "topic.accept", value: forged });
    expect(res.status).toBe(400);
    expect(res.error).toBe("这个按钮无效（可能来自旧消息或被修改过），没有做任何更改。");
    const rows = await denials("wang.fang");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ subjectType: "button", subjectId: "topic.accept", reason: expect.stringMatching(/^payload: This button is not valid/) });
    expect(JSON.parse(rows.at(-1)!.afterJson!)).toMatchObject({ code: "action.malformed", value: forged });
    const topicId = Number(/^#(\d+)/.exec(card.card!.title)![1]);
    expect((await svc.deps.db.topic.findUniqueOrThrow({ where: { id: topicId } })).status).toBe("idea");
  });
});

describe("incidents", () => {
  let id = 0;
  let card: ApiMessage;

  beforeAll(async () => {
    const res = await api.say("li.wei", "/incident declare 抖音直播翻车 --type 舆情 --likelihood high --impact severe", "general");
    expect(res.status, res.error).toBe(200);
    card = res.messages.find((m) => m.channel === "incidents" && m.card?.title.includes("SEV1"))!;
    id = Number(/#(\d+)/.exec(card.card!.title)![1]);
  });

  it("an uninvolved operator cannot downgrade, take command, force-resolve or reopen: each refused and audited", async () => {
    const before = (await denials("chen.jie")).length;
    const tries = [
      await api.say("chen.jie", `/incident severity SEV4 --id ${id}`, "incidents"),
      await api.say("chen.jie", `/incident role commander @chen.jie --id ${id}`, "incidents"),
      await api.say("chen.jie", `/incident resolve --force 没事了 --id ${id}`, "incidents"),
      await api.say("chen.jie", `/incident status stable --id ${id}`, "incidents"),
      await api.call("POST", "/console/api/actions", { user: "chen.jie", messageId: card.id, actionId: "incident.severity", value: buttonsOf(card).find((b) => b.actionId === "incident.severity")!.value, reason: "SEV4" }),
      await api.call("POST", "/console/api/actions", { user: "chen.jie", messageId: card.id, actionId: "incident.resolve", value: buttonsOf(card).find((b) => b.actionId === "incident.resolve")!.value }),
    ];
    expect(tries.map((t) => t.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(tries[0]!.error).toBe("只有事件指挥官、主管或管理员可以调整事件级别。你的角色：运营。");
    expect(tries[1]!.error).toBe("只有事件指挥官、主管或管理员可以指派事件角色。你的角色：运营。");
    const inc = await svc.deps.db.incident.findUniqueOrThrow({ where: { id } });
    expect({ severity: inc.severity, status: inc.status }).toEqual({ severity: "SEV1", status: "active" });
    expect(await svc.deps.db.incidentRole.count({ where: { incidentId: id, userId: await userId("chen.jie") } })).toBe(0);
    const rows = (await denials("chen.jie")).slice(before);
    expect(rows.map((r) => `${r.subjectType}:${r.subjectId}`)).toEqual([
      "command:incident.severity", "command:incident.role", "command:incident.resolve", "command:incident.status", "button:incident.severity", "button:incident.resolve",
    ]);
  });

  it("anyone may post an update and a note; the declarer commands until someone holds the role", async () => {
    expect((await api.say("chen.jie", `/incident update 已联系主播 --id ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("chen.jie", `/incident note 直播间已关闭 --id ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("li.wei", `/incident severity SEV2 --id ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("li.wei", `/incident role commander @zhang.min --id ${id}`, "incidents")).status).toBe(200);
    // Now zhang.min commands; the declarer no longer does.
    expect((await api.say("li.wei", `/incident severity SEV3 --id ${id}`, "incidents")).error).toBe("只有事件指挥官、主管或管理员可以调整事件级别。你的角色：审核。");
    expect((await api.say("zhang.min", `/incident severity SEV3 --id ${id}`, "incidents")).status).toBe(200);
  });

  it("a role holder may mark steps done; reopening belongs to the commander and managers", async () => {
    expect((await api.say("li.wei", `/incident role legal @emma --id ${id}`, "incidents")).status).toBe(400);
    expect((await api.say("zhang.min", `/incident role legal @emma --id ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("emma", `/incident done capture --id ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("chen.jie", `/incident done assess_spread --id ${id}`, "incidents")).error).toBe("只有事件指挥官、在事件中担任角色的人、主管或管理员可以标记事件步骤完成。你的角色：运营。");
    expect((await api.say("liu.yang", `/incident resolve --force 已平息 --id ${id}`, "incidents")).status).toBe(200);
    expect((await api.say("chen.jie", `/incident reopen --id ${id}`, "incidents")).status).toBe(400);
    expect((await api.say("zhang.min", `/incident reopen --id ${id}`, "incidents")).status).toBe(200);
  });
});

describe("reviews", () => {
  it("a decision by someone not asked on the level, or by the author, is refused and audited", async () => {
    const topicId = await draftingTopic(api, "权限测试稿件");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/d/perm`);
    const card = await requestCard(api, reviewId, 1);
    const before = { author: (await denials("chen.jie")).length, admin: (await denials("wang.fang")).length };
    const byAuthor = await api.click("chen.jie", card, "review.approve");
    expect(byAuthor.error).toBe("不能审核自己的作品，需要本级的其他审核人决定。");
    const byAdmin = await api.click("wang.fang", card, "review.approve");
    expect(byAdmin.error).toMatch(/^你不是本审核第 1\/3 级的审核人。/);
    expect((await denials("chen.jie")).slice(before.author).map((r) => r.reason)).toEqual([expect.stringMatching(/^relation: You cannot review your own work/)]);
    expect((await denials("wang.fang")).slice(before.admin).map((r) => `${r.subjectType}:${r.subjectId}`)).toEqual(["button:review.approve"]);
    expect(cardText(await requestCard(api, reviewId, 1))).not.toContain("通过 ·");
    expect(await svc.deps.db.reviewDecision.count({ where: { reviewId } })).toBe(0);
  });
});
