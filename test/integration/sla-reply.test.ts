// Reply from chat (issue 13) against the fake WeChat API: Reply on a console card sends comment/reply/add with
// the item's msg_data_id, index and user_comment_id; 88005 counts as answered; a direct message inside 48 hours
// goes through the customer-service API and one older gets 45015, which the card says plainly (with "answered
// elsewhere"); a failed send (IP whitelist) leaves the item open, tells the person once and is retried through
// the outbox; items of other platforms keep the reply on the card for copying; WeCom takes the next message
// within ten minutes of clicking Reply, and not after.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { ingestSlaItems } from "../../src/app/sla/ingest-items.js";
import { encodeAction } from "../../src/messaging/action.js";
import type { Card } from "../../src/messaging/card.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";

const APP = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };
let svc: TestService;
let wx: FakeWechat;
let con: ReturnType<typeof consoleClient>;
let serial = 0;
/** What WeCom was sent, newest last. */
const wecom: Card[] = [];

beforeAll(async () => {
  const clock = new FakeClock("2026-11-26T02:00:00Z");
  wx = await startFakeWechat({ ...APP, now: () => clock.now() });
  svc = await startTestService({ clock, env: { WECHAT_OA_APP_ID: APP.appId, WECHAT_OA_APP_SECRET: APP.appSecret, WECHAT_OA_API_URL: wx.url } });
  con = consoleClient(svc.app);
  const recording: ChatChannel = {
    platform: "wecom",
    post: async (_t, card) => (wecom.push(card), `post-${wecom.length}`),
    ephemeral: async (_t, card) => (wecom.push(card), `eph-${wecom.length}`),
    update: async (_t, _m, card) => void wecom.push(card),
  };
  svc.deps.channels.set("wecom", recording);
});
afterAll(async () => {
  await svc.dispose();
  await wx.close();
});
beforeEach(() => {
  wx.calls.length = 0;
  wx.refuseIp(undefined);
});

const sends = () => wx.calls.filter((c) => c.path === "/cgi-bin/comment/reply/add" || c.path === "/cgi-bin/message/custom/send");
const item = (id: number) => svc.deps.db.slaItem.findUniqueOrThrow({ where: { id } });
const cardOf = async (id: number): Promise<ApiMessage> => {
  const mine = (await con.read("sla", "chen.jie")).messages.filter((m) => m.card?.title.endsWith(`· #${id}`));
  return mine.at(-1)!;
};

/** A comment as the poller stores it, with its card shown to chen.jie in the console's sla channel. */
async function comment(ref: { msgDataId: string; index: number; userCommentId: string }, at = "2026-11-26T01:30:00Z"): Promise<number> {
  const [r] = await ingestSlaItems(svc.deps, [{ platform: "wechat_oa", account: "gh_demo_oa", kind: "comment", externalId: `c:${++serial}`, author: "oREADER", text: "什么时候发货？", createdAt: at, comment: ref }], "wechat_oa");
  const id = (r as { id: number }).id;
  expect((await con.say("chen.jie", `/sla show ${id}`, "sla")).status).toBe(200);
  return id;
}
async function dm(openid: string, at: string): Promise<number> {
  const [r] = await ingestSlaItems(svc.deps, [{ platform: "wechat_oa", account: "gh_demo_oa", kind: "dm", externalId: String(880000 + ++serial), author: openid, text: "在吗？", createdAt: at }], "wechat_oa");
  const id = (r as { id: number }).id;
  expect((await con.say("chen.jie", `/sla show ${id}`, "sla")).status).toBe(200);
  return id;
}

describe("Reply on a WeChat OA article comment", () => {
  it("sends comment/reply/add with the item's msg_data_id, index and user_comment_id, and the card shows it answered", async () => {
    const a = wx.addArticle({ msgDataId: 2247483700, n: 2, refDate: "2026-11-25" });
    wx.addComment(a, { id: 31, openid: "oREADER", at: new Date("2026-11-26T01:30:00Z"), content: "什么时候发货？" });
    const id = await comment({ msgDataId: "2247483700", index: 1, userCommentId: "31" });
    svc.clock.advance(20 * 60_000);
    const res = await con.click("chen.jie", await cardOf(id), "sla.reply", "您好，今天已发货。");
    expect(res.status).toBe(200);
    expect(sends().map((c) => c.json)).toEqual([{ msg_data_id: 2247483700, index: 1, user_comment_id: 31, content: "您好，今天已发货。" }]);
    const row = await item(id);
    const chen = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "chen.jie" } });
    expect({ status: row.status, by: row.answeredById, at: row.answeredAt?.toISOString(), reply: row.replyStatus }).toEqual({ status: "answered", by: chen.id, at: svc.clock.now().toISOString(), reply: "sent" });
    const card = await cardOf(id);
    expect(outcomeOf(card)).toBe(`陈杰 标记为已回复 · 2026-11-26 10:20 · 响应用时 50分钟（工作时间）`);
    expect(cardText(card)).toContain("回复内容: 您好，今天已发货。");
    expect(cardText(card)).toContain("已通过公众号发出。");
    expect(card.card!.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("counts 88005 (already replied in the WeChat backend) as answered", async () => {
    const a = wx.addArticle({ msgDataId: 2247483701, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 32, at: new Date("2026-11-26T01:30:00Z"), content: "好文", reply: { content: "谢谢", at: new Date("2026-11-26T01:40:00Z") } });
    const id = await comment({ msgDataId: "2247483701", index: 0, userCommentId: "32" });
    await con.click("chen.jie", await cardOf(id), "sla.reply", "谢谢支持！");
    expect(sends()).toHaveLength(1);
    expect((await item(id)).status).toBe("answered");
    expect(outcomeOf(await cardOf(id))).toContain("标记为已回复");
  });
});

describe("Reply to a WeChat OA direct message", () => {
  it("goes through the customer-service API within 48 hours of the person's last message", async () => {
    wx.userWrote("oFRESH", new Date("2026-11-26T01:00:00Z"));
    const id = await dm("oFRESH", "2026-11-26T01:00:00Z");
    await con.click("chen.jie", await cardOf(id), "sla.reply", "您好，请提供订单号。");
    expect(sends().map((c) => c.json)).toEqual([{ touser: "oFRESH", msgtype: "text", text: { content: "您好，请提供订单号。" } }]);
    expect((await item(id)).status).toBe("answered");
  });

  it("past 48 hours gets 45015: the card says so plainly, the item stays open and offers 已在别处回复", async () => {
    wx.userWrote("oOLD", new Date("2026-11-23T01:00:00Z"));
    const id = await dm("oOLD", "2026-11-23T01:00:00Z");
    await con.click("chen.jie", await cardOf(id), "sla.reply", "抱歉回复晚了。");
    expect(sends()).toHaveLength(1);
    const row = await item(id);
    expect({ status: row.status, reply: row.replyStatus }).toEqual({ status: "open", reply: "window_closed" });
    const card = await cardOf(id);
    expect(cardText(card)).toContain("公众号只能在对方最后一条消息后 48 小时内回复，现已超过");
    const labels = card.card!.blocks.flatMap((b) => (b.type === "actions" ? b.buttons.map((x) => x.label) : []));
    expect(labels).toContain("已在别处回复");
    expect(labels).not.toContain("回复");
    // The outbox does not try it again.
    svc.clock.advance(3600_000);
    await deliverOutbox(svc.deps);
    expect(sends()).toHaveLength(1);
    expect((await con.click("chen.jie", card, "sla.answer", "已电话联系")).status).toBe(200);
    expect((await item(id)).status).toBe("answered");
  });
});

describe("a failed send", () => {
  it("leaves the item open, tells the person why once, and is retried through the outbox", async () => {
    const a = wx.addArticle({ msgDataId: 2247483702, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 33, at: new Date("2026-11-26T01:30:00Z"), content: "链接打不开" });
    const id = await comment({ msgDataId: "2247483702", index: 0, userCommentId: "33" });
    wx.refuseIp("203.0.113.7");
    const before = (await con.read("sla", "chen.jie")).messages.length;
    await con.click("chen.jie", await cardOf(id), "sla.reply", "已修复，请再试。");
    const told = async () => (await con.read("sla", "chen.jie")).messages.slice(before).filter((m) => m.card?.title === `你对 #${id} 的回复未能发出`);
    expect((await item(id)).status).toBe("open");
    expect(await told()).toHaveLength(1);
    expect(cardText((await told())[0]!)).toContain("本服务器的 IP 203.0.113.7 不在公众号的 IP 白名单中");
    expect(cardText(await cardOf(id))).toContain("回复尚未发出");
    // The outbox tries again later: still refused, still told only once.
    svc.clock.advance(10 * 60_000);
    await deliverOutbox(svc.deps);
    expect(sends().length).toBeGreaterThanOrEqual(2);
    expect(await told()).toHaveLength(1);
    // The whitelist is fixed: the next try sends it and the item is answered.
    wx.refuseIp(undefined);
    svc.clock.advance(20 * 60_000);
    await deliverOutbox(svc.deps);
    expect(sends().at(-1)!.json).toEqual({ msg_data_id: 2247483702, index: 0, user_comment_id: 33, content: "已修复，请再试。" });
    expect((await item(id)).status).toBe("answered");
    expect(outcomeOf(await cardOf(id))).toContain("标记为已回复");
  });
});

describe("an item of a platform the product cannot reply on", () => {
  it("keeps the reply on the card for copying; the person marks it answered", async () => {
    const logged = await con.say("chen.jie", "/sla log douyin https://www.douyin.com/video/reply-1 问尺码", "sla");
    expect(logged.status).toBe(200);
    const row = await svc.deps.db.slaItem.findFirstOrThrow({ where: { externalId: "https://www.douyin.com/video/reply-1" } });
    expect((await con.say("chen.jie", `/sla reply ${row.id} 您好，建议选 M 码。`, "sla")).status).toBe(200);
    expect(sends()).toHaveLength(0);
    const card = await cardOf(row.id);
    expect(cardText(card)).toContain("待发布的回复（请复制到抖音发布，然后点击「已回复」）：“您好，建议选 M 码。”");
    expect((await item(row.id)).status).toBe("open");
    await con.click("chen.jie", card, "sla.answer", "您好，建议选 M 码。");
    expect((await item(row.id)).status).toBe("answered");
  });
});

describe("Reply on WeCom", () => {
  const actor = { platform: "wecom" as const, tenant: "ww-corp", externalId: "ChenJie" };
  const conversation = { platform: "wecom" as const, externalId: "user:ChenJie" };
  let n = 0;
  const click = (id: number, version: number) =>
    handleInbound(svc.deps, {
      kind: "action", eventId: `evt-${++n}`, actor, conversation, message: { platform: "wecom", conversationId: "user:ChenJie", messageId: `task-${n}` },
      actionId: "sla.reply", value: encodeAction({ action: "reply", subjectType: "sla", subjectId: String(id), stateVersion: version }, svc.deps.buttonKey),
    });
  const say = (text: string) => handleInbound(svc.deps, { kind: "command", eventId: `msg-${++n}`, actor, conversation, text });

  beforeAll(async () => {
    const chen = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "chen.jie" } });
    await svc.deps.db.platformIdentity.create({ data: { userId: chen.id, platform: "wecom", tenant: "ww-corp", externalId: "ChenJie" } });
  });

  it("takes the next message within 10 minutes of clicking Reply as the reply, confirmed by a card", async () => {
    const a = wx.addArticle({ msgDataId: 2247483703, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 34, at: new Date("2026-11-26T01:30:00Z"), content: "有优惠吗" });
    const id = await comment({ msgDataId: "2247483703", index: 0, userCommentId: "34" });
    expect(await click(id, (await item(id)).version)).toMatchObject({ ok: true });
    expect(wecom.at(-1)!.title).toContain(`#${id}`);
    expect(wecom.at(-1)!.title).toContain("10 分钟内");
    svc.clock.advance(9 * 60_000);
    expect(await say("本周末有满减活动。")).toMatchObject({ ok: true });
    expect(sends().map((c) => c.json)).toEqual([{ msg_data_id: 2247483703, index: 0, user_comment_id: 34, content: "本周末有满减活动。" }]);
    expect((await item(id)).status).toBe("answered");
    expect(wecom.some((c) => c.title.endsWith(`· #${id}`))).toBe(true);
  });

  it("does not take a message sent more than 10 minutes after the click", async () => {
    const a = wx.addArticle({ msgDataId: 2247483704, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 35, at: new Date("2026-11-26T01:30:00Z"), content: "在哪买" });
    const id = await comment({ msgDataId: "2247483704", index: 0, userCommentId: "35" });
    await click(id, (await item(id)).version);
    svc.clock.advance(10 * 60_000 + 1000);
    const late = await say("官网和旗舰店都有。");
    expect(late).toMatchObject({ ok: false, code: "command.unknown" });
    expect(sends()).toHaveLength(0);
    const row = await item(id);
    expect({ status: row.status, reply: row.replyText }).toEqual({ status: "open", reply: null });
  });

  it("takes /sla reply <id> <text> as well", async () => {
    const a = wx.addArticle({ msgDataId: 2247483705, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 36, at: new Date("2026-11-26T01:30:00Z"), content: "能开发票吗" });
    const id = await comment({ msgDataId: "2247483705", index: 0, userCommentId: "36" });
    expect(await say(`/sla reply ${id} 可以，请私信我们。`)).toMatchObject({ ok: true });
    expect(sends().map((c) => (c.json as { content: string }).content)).toEqual(["可以，请私信我们。"]);
    expect((await item(id)).status).toBe("answered");
  });
});
