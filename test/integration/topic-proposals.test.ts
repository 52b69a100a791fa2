// Topic proposals end to end through the console API, against a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function propose(text: string, user = "chen.jie"): Promise<ApiMessage> {
  const res = await api.say(user, `/topic propose ${text}`);
  expect(res.status, res.error).toBe(200);
  const card = res.messages.find((m) => m.card?.title.startsWith("#"));
  expect(card).toBeDefined();
  return card!;
}

function idOf(card: ApiMessage): number {
  return Number(/^#(\d+)/.exec(card.card!.title)![1]);
}

describe("proposing and listing", () => {
  it("posts a topic card with Accept / Reject / +1 to the channel and lists it", async () => {
    const card = await propose("双十一直播复盘 --theme news --platform douyin,weibo --format live --date 2026-12-03 20:00 --angle 三个数据亮点");
    expect(card.card!.title).toMatch(/^#\d+ 双十一直播复盘$/);
    expect(cardText(card)).toContain("抖音、微博");
    expect(cardText(card)).toContain("2026-12-03 20:00");
    expect(cardText(card)).toContain("切入角度: 三个数据亮点");
    const buttons = card.card!.blocks.flatMap((b) => (b.type === "actions" ? b.buttons.map((x) => x.label) : []));
    expect(buttons).toEqual(["通过", "驳回", "+1"]);

    const channel = await api.read("topics");
    expect(channel.messages.map((m) => m.id)).toContain(card.id);
    const list = await api.say("emma", "/topic list --platform douyin");
    expect(list.status).toBe(200);
    expect(list.messages[0]!.ephemeral).toBe(true);
    expect(cardText(list.messages[0]!)).toContain(`#${idOf(card)} 双十一直播复盘 [idea] Douyin, Weibo · 2026-12-03`);
  });

  it("suggests the platform's best publish time when a topic has a day but no time", async () => {
    const card = await propose("小红书秋冬穿搭清单 --platform xhs --date 2026-12-05");
    expect(cardText(card)).toContain("2026-12-05 （未定时间，建议 20:00）");
  });

  it("flags a near-duplicate title and links the existing topic", async () => {
    const first = await propose("How to choose a skincare routine --platform xiaohongshu", "emma");
    const second = await propose("How to Choose Your Skincare Routine!", "emma");
    expect(cardText(second)).toContain(`⚠ Looks like #${idOf(first)} “How to choose a skincare routine”`);
    // The link: "Open #N" on the flag shows the existing topic's card and history to whoever clicks it.
    const open = second.card!.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])).find((b) => b.actionId === "topic.show");
    expect(open?.label).toBe(`Open #${idOf(first)}`);
    const shown = await api.click("chen.jie", second, "topic.show");
    expect(shown.status, shown.error).toBe(200);
    expect(shown.messages.map((m) => m.card?.title)).toEqual([`#${idOf(first)} How to choose a skincare routine`, "变更记录"]);
    expect(shown.messages.every((m) => m.ephemeral)).toBe(true);
  });

  it("answers an English speaker in English", async () => {
    const res = await api.say("emma", "/topic propose Air fryer recipes --platform myspace");
    expect(res.status).toBe(400);
    expect(res.error).toBe('Unknown platform "myspace". Known platforms: WeChat OA, WeChat Channels, Douyin, Weibo, Xiaohongshu, Bilibili, Kuaishou.');
  });
});

describe("deciding on the card", () => {
  it("accept updates the same card in place for everyone, and a second click is told who was first", async () => {
    const card = await propose("年货节选品指南 --platform wechat_oa");
    const accepted = await api.click("wang.fang", card, "topic.accept");
    expect(accepted.status, accepted.error).toBe(200);
    const updated = accepted.messages.find((m) => m.id === card.id)!;
    expect(outcomeOf(updated)).toBe("王芳 已通过 · 11-26 10:00");
    expect(updated.card!.blocks.some((b) => b.type === "actions")).toBe(false);

    const again = await api.click("liu.yang", card, "topic.accept");
    expect(again.status).toBe(400);
    expect(again.error).toBe("这张卡片已过期：已由 王芳 已通过 · 11-26 10:00。没有做任何更改。");
    const audits = await svc.deps.db.auditLog.count({ where: { subjectId: String(idOf(card)), action: "topic.accept" } });
    expect(audits).toBe(1);
  });

  it("refuses an operator's click on Accept, says which roles may, and audits the denial", async () => {
    const card = await propose("门店探访 vlog --platform douyin");
    const res = await api.click("chen.jie", card, "topic.accept");
    expect(res.status).toBe(400);
    expect(res.error).toBe("只有主管或管理员可以通过选题。你的角色：运营。");
    const topic = await svc.deps.db.topic.findUnique({ where: { id: idOf(card) } });
    expect(topic!.status).toBe("idea");
    expect(await svc.deps.db.auditLog.count({ where: { action: "auth.denied" } })).toBeGreaterThan(0);
  });

  it("reject needs a reason, and the reason shows on the card", async () => {
    const card = await propose("明星同款口红测评 --platform xiaohongshu");
    const without = await api.click("wang.fang", card, "topic.reject");
    expect(without.status).toBe(400);
    expect(without.error).toBe("驳回选题（需填写原因）需要填写原因。");
    const res = await api.click("wang.fang", card, "topic.reject", "涉及肖像权风险");
    expect(res.status).toBe(200);
    expect(outcomeOf(res.messages.find((m) => m.id === card.id)!)).toBe("王芳 已驳回 · 11-26 10:00 · 涉及肖像权风险");
    const topic = await svc.deps.db.topic.findUnique({ where: { id: idOf(card) } });
    expect(topic).toMatchObject({ status: "rejected", reason: "涉及肖像权风险" });
  });

  it("+1 once per person, never on your own topic, and the card shows who", async () => {
    const card = await propose("打工人午餐便当 --platform douyin");
    const vote = await api.click("li.wei", card, "topic.vote");
    expect(vote.status).toBe(200);
    expect(cardText(vote.messages[0]!)).toContain("+1 ×1：李伟");
    const twice = await api.click("li.wei", card, "topic.vote");
    expect(twice.error).toBe(`你已经为选题 #${idOf(card)} +1 过了。`);
    const own = await api.click("chen.jie", card, "topic.vote");
    expect(own.error).toBe("不能给自己提交的选题 +1。");
  });

  it("twenty simultaneous Accept clicks produce one decision and one audit row", async () => {
    const card = await propose("冬至饺子馅大比拼 --platform bilibili");
    const clicks = await Promise.all(Array.from({ length: 20 }, () => api.click("wang.fang", card, "topic.accept")));
    expect(clicks.filter((c) => c.status === 200)).toHaveLength(1);
    expect(clicks.filter((c) => c.status === 400)).toHaveLength(19);
    expect(await svc.deps.db.auditLog.count({ where: { subjectId: String(idOf(card)), action: "topic.accept" } })).toBe(1);
  });
});

describe("lifecycle commands", () => {
  it("assign moves an accepted topic to drafting; illegal moves are refused with what is allowed", async () => {
    const card = await propose("春节红包封面设计 --platform channels");
    const id = idOf(card);
    expect((await api.say("wang.fang", `/topic publish ${id}`)).error).toBe(
      "处于“待评估”的选题不能变为“已发布”。从“待评估”只能变为：已通过、已驳回、已归档。",
    );
    expect((await api.say("wang.fang", `/topic accept ${id}`)).status).toBe(200);
    const assigned = await api.say("wang.fang", `/topic assign ${id} @chen.jie`);
    expect(assigned.status).toBe(200);
    expect(cardText(assigned.messages.find((m) => m.ephemeral)!)).toBe(`选题 #${id} 的负责人已改为 陈杰（撰写中）。`);
    const channelCard = assigned.messages.find((m) => m.id === card.id)!;
    expect(cardText(channelCard)).toContain("状态: 撰写中");
    expect(cardText(channelCard)).toContain("负责人: 陈杰");
  });

  it("schedule keeps the plan before approval and schedules an approved topic", async () => {
    const card = await propose("元旦倒计时直播 --platform douyin");
    const id = idOf(card);
    const planned = await api.say("wang.fang", `/topic schedule ${id} 2026-12-31 22:00`);
    expect(cardText(planned.messages.find((m) => m.ephemeral)!)).toContain("审核通过后即可正式排期");
    await svc.deps.db.topic.update({ where: { id }, data: { status: "approved" } });
    const noTime = await api.say("wang.fang", `/topic schedule ${id} 2026-12-31`);
    expect(noTime.error).toBe(`排期需要具体时间，例如 /topic schedule ${id} 2026-12-03 20:30。`);
    const ok = await api.say("wang.fang", `/topic schedule ${id} 2026-12-31 21:30`);
    expect(ok.status).toBe(200);
    expect(await svc.deps.db.topic.findUnique({ where: { id } })).toMatchObject({ status: "scheduled", plannedDay: "2026-12-31", plannedTime: "21:30" });
  });

  it("show gives the card and its history from the audit trail", async () => {
    const card = await propose("年终用户故事征集 --platform weibo");
    await api.say("wang.fang", `/topic accept ${idOf(card)}`);
    const res = await api.say("emma", `/topic show ${idOf(card)}`);
    const history = res.messages.find((m) => m.card?.title === "History")!;
    expect(cardText(history)).toContain("2026-11-26 10:00 陈杰 propose");
    expect(cardText(history)).toContain("2026-11-26 10:00 王芳 accept");
  });
});

describe("the calendar", () => {
  it("lays the week out by day and platform and compares the theme mix with the target", async () => {
    await propose("冬季护肤小技巧 --theme tips --platform xiaohongshu --date 2026-11-28 21:00");
    const res = await api.say("emma", "/topic calendar week");
    expect(res.status).toBe(200);
    const text = cardText(res.messages[0]!);
    expect(text).toContain("Content calendar 2026-11-26 – 2026-12-02");
    expect(text).toMatch(/2026-11-28 Sat: .*Xiaohongshu 21:00 #\d+ 冬季护肤小技巧/);
    expect(text).toContain("2026-11-30 Mon: nothing planned");
    expect(text).toMatch(/life tips: \d+ · \d+% \(target 25%\)/);
  });
});

describe("help", () => {
  it("is generated from the registry, in the reader's language", async () => {
    const all = await api.say("emma", "/help");
    expect(cardText(all.messages[0]!)).toContain("/topic propose <title>");
    const one = await api.say("chen.jie", "/help topic propose");
    expect(cardText(one.messages[0]!)).toContain("--platform: 一个或多个，用逗号分隔");
  });
});
