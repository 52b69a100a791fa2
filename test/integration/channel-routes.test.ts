// Where each workflow's cards go (#12): /mediaops channel set|show on the console and on Slack (fake Web API),
// each workflow's cards posted in the routed channel of that platform, the sender pointed there, and a channel the
// bot is not in refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { runDueDigests } from "../../src/app/kpi/run-due-digests.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { startFakeSlack, type FakeSlack, type SlackCall } from "../support/fake-slack.js";
import { draftingTopic } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";
import { identitiesChanged } from "../../src/app/identity/cache.js";

describe("channel routes on the console", () => {
  let svc: TestService;
  let api: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    svc = await startTestService();
    api = consoleClient(svc.app);
  });
  afterAll(() => svc.dispose());

  const last = async (channel: string, user?: string): Promise<ApiMessage[]> => (await api.read(channel, user)).messages;

  it("bad input is refused with what is wrong and changes nothing; only admins may set", async () => {
    expect((await api.say("wang.fang", "/mediaops channel set budgets #reviews", "general")).error).toBe(
      "没有「budgets」这个流程。可用流程：选题、审核、留言、事件、数据。没有做任何更改。",
    );
    expect((await api.say("wang.fang", "/mediaops channel set reviews #nowhere", "general")).error).toBe(
      "“#nowhere”不是本平台的频道。控制台频道：#general、#incidents、#kpi、#reviews、#sla、#topics。没有做任何更改。",
    );
    expect((await api.say("emma", "/mediaops channel set reviews #reviews", "general")).error).toBe("Only admins can choose where a workflow's cards go. Your roles: operator, reviewer.");
    expect((await api.say("emma", "/mediaops channel set nope #reviews", "general")).error).toContain('There is no workflow "nope"');
    expect(await svc.deps.db.channelRoute.count()).toBe(0);
    const denied = await svc.deps.db.auditLog.findFirst({ where: { action: "auth.denied", subjectId: "people.channel_set" } });
    expect(denied).not.toBeNull();
  });

  it("shows the fallback until a channel is set, then the channel; the change is audited", async () => {
    const before = cardText((await api.say("chen.jie", "/mediaops channel show", "general")).messages.at(-1)!);
    expect(before).toContain("控制台 · 审核：输入命令的频道");
    const set = await api.say("wang.fang", "/mediaops channel set 审核 #reviews", "general");
    expect(set.status, set.error).toBe(200);
    expect(cardText(set.messages.at(-1)!)).toContain("控制台上的审核卡片今后发往 #reviews。");
    const after = cardText((await api.say("chen.jie", "/mediaops channel show", "general")).messages.at(-1)!);
    expect(after).toContain("控制台 · 审核：#reviews");
    expect(after).toContain("控制台 · 选题：输入命令的频道");
    const row = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "channel.route" } });
    expect(row.subjectId).toBe("console:reviews");
    const again = await api.say("wang.fang", "/mediaops channel set reviews reviews", "general");
    expect(cardText(again.messages.at(-1)!)).toContain("审核卡片已经发往 #reviews。");
    expect(await svc.deps.db.auditLog.count({ where: { action: "channel.route" } })).toBe(1);
  });

  it("a new topic's card goes to the topics channel; the proposer is pointed there where they typed", async () => {
    expect((await api.say("wang.fang", "/mediaops channel set topics #topics", "general")).status).toBe(200);
    const res = await api.say("chen.jie", "/topic propose 路由到选题频道的选题 --platform douyin", "general");
    expect(res.status, res.error).toBe(200);
    const here = await last("general", "chen.jie");
    expect(here.some((m) => m.card && cardText(m).includes("路由到选题频道的选题"))).toBe(false);
    expect(cardText(here.at(-1)!)).toBe("卡片已发到 #topics。");
    expect((await last("topics")).some((m) => m.card && cardText(m).includes("路由到选题频道的选题"))).toBe(true);
  });

  it("a review's status and request cards go to the reviews channel, wherever /review submit was typed", async () => {
    const id = await draftingTopic(api, "路由到审核频道的稿件");
    const res = await api.say("chen.jie", `/review submit ${id} https://docs.example.com/routed`, "general");
    expect(res.status, res.error).toBe(200);
    const review = await svc.deps.db.review.findFirstOrThrow({ where: { topicId: id } });
    const reviews = await svc.deps.db.channel.findFirstOrThrow({ where: { platform: "console", externalId: "reviews" } });
    expect(review.channelId).toBe(reviews.id);
    const cards = (await last("reviews")).filter((m) => m.card && cardText(m).includes("路由到审核频道的稿件"));
    expect(cards.length).toBeGreaterThanOrEqual(2); // status card and level 1's request card
    expect((await last("general")).some((m) => m.card && cardText(m).includes("路由到审核频道的稿件") && !m.ephemeral)).toBe(false);
    expect((await last("general", "chen.jie")).some((m) => cardText(m) === "卡片已发到 #reviews。")).toBe(true);
  });

  it("an SLA item logged anywhere is posted in the SLA channel", async () => {
    expect((await api.say("wang.fang", "/mediaops channel set sla #kpi", "general")).status).toBe(200);
    const res = await api.say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/routed-1 路由的留言", "general");
    expect(res.status, res.error).toBe(200);
    const item = await svc.deps.db.slaItem.findFirstOrThrow({ where: { link: "https://www.douyin.com/video/routed-1" } });
    expect((await last("kpi")).some((m) => m.card && !m.ephemeral && cardText(m).includes(`#${item.id}`))).toBe(true);
    expect(cardText((await last("general", "chen.jie")).at(-1)!)).toBe("卡片已发到 #kpi。");
  });

  it("an incident declared anywhere is followed in the incidents channel", async () => {
    expect((await api.say("wang.fang", "/mediaops channel set incidents #sla", "general")).status).toBe(200);
    const res = await api.say("wang.fang", "/incident declare 路由的事件 --type platform --likelihood medium --impact severe", "topics");
    expect(res.status, res.error).toBe(200);
    const inc = await svc.deps.db.incident.findFirstOrThrow({ where: { title: "路由的事件" } });
    const sla = await svc.deps.db.channel.findFirstOrThrow({ where: { platform: "console", externalId: "sla" } });
    expect(inc.channelId).toBe(sla.id);
    expect((await last("sla")).some((m) => m.card && cardText(m).includes("路由的事件"))).toBe(true);
    expect((await last("incidents")).some((m) => cardText(m).includes("路由的事件"))).toBe(false);
  });

  it("the KPI digest of a channel subscription goes to the KPI channel", async () => {
    expect((await api.say("wang.fang", "/kpi subscribe --time 11:00", "general")).status).toBe(200);
    expect((await api.say("wang.fang", "/mediaops channel set kpi #incidents", "general")).status).toBe(200);
    svc.clock.set("2026-11-26T03:00:00Z"); // 11:00 in Shanghai
    const r = await runDueDigests(svc.deps);
    expect(r.sent).toHaveLength(1);
    expect((await last("incidents")).some((m) => m.card && cardText(m).includes("每日数据简报"))).toBe(true);
    expect((await last("general")).some((m) => m.card && cardText(m).includes("每日数据简报"))).toBe(false);
  });
});

describe("channel routes on Slack", () => {
  let fake: FakeSlack;
  let svc: TestService;
  let n = 0;
  beforeAll(async () => {
    fake = await startFakeSlack();
    svc = await startTestService({ clock: new FakeClock("2026-11-26T02:00:00Z"), env: { SLACK_BOT_TOKEN: "xoxb-routes", SLACK_SIGNING_SECRET: "routes-secret-0123456789", SLACK_API_URL: fake.apiUrl } });
    fake.conversations.names.set("C0REVIEWS", "审核");
    fake.conversations.outside.add("C0OUTSIDE");
    fake.conversations.missing.add("C0GONE");
    // The first Slack person becomes admin: a command enrols them, then the role is given.
    await slack("U0ADMIN", "/mediaops people");
    const id = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "slack", externalId: "U0ADMIN" } });
    await svc.deps.db.user.update({ where: { id: id.userId }, data: { rolesJson: JSON.stringify(["admin", "manager"]) } });
    await identitiesChanged(svc.deps.db);
  });
  afterAll(async () => {
    await svc?.dispose();
    await fake?.close();
  });

  function slack(user: string, text: string, channel = "C0GENERAL") {
    n += 1;
    return handleInbound(svc.deps, { kind: "command", eventId: `routes-${n}`, actor: { platform: "slack", tenant: "T0001", externalId: user }, conversation: { platform: "slack", externalId: channel }, text });
  }
  const posts = (channel: string): SlackCall[] => fake.callsTo("chat.postMessage").filter((c) => c.args["channel"] === channel);
  const ephemerals = (channel: string): SlackCall[] => fake.callsTo("chat.postEphemeral").filter((c) => c.args["channel"] === channel);

  it("refuses a channel the bot is not in, or cannot see, or that is no channel; nothing changes", async () => {
    const outside = await slack("U0ADMIN", "/mediaops channel set reviews <#C0OUTSIDE|outside>");
    expect(outside).toMatchObject({ ok: false, message: "机器人不在 #outside 中。请先把机器人加入该频道，再重试。没有做任何更改。" });
    const gone = await slack("U0ADMIN", "/mediaops channel set reviews C0GONE");
    expect(gone).toMatchObject({ ok: false, message: "机器人看不到频道 C0GONE：它不存在，或机器人不在其中。请先把机器人加入，再重试。没有做任何更改。" });
    const bad = await slack("U0ADMIN", "/mediaops channel set reviews #审核");
    expect(bad).toMatchObject({ ok: false, message: "“#审核”不是本平台的频道。请 # 提及频道，或写频道 ID，例如 C0123ABCD。没有做任何更改。" });
    expect(fake.callsTo("conversations.info").map((c) => c.args["channel"])).toEqual(["C0OUTSIDE", "C0GONE"]);
    expect(await svc.deps.db.channelRoute.count()).toBe(0);
    expect(await svc.deps.db.channel.count({ where: { externalId: { in: ["C0OUTSIDE", "C0GONE"] } } })).toBe(0);
  });

  it("topics set to a channel mention: the card is posted there, the proposer told where they typed", async () => {
    const set = await slack("U0ADMIN", "/mediaops channel set topics <#C0REVIEWS|审核>");
    expect(set.ok, JSON.stringify(set)).toBe(true);
    const route = await svc.deps.db.channelRoute.findFirstOrThrow({ where: { platform: "slack", workflow: "topics" } });
    const row = await svc.deps.db.channel.findUniqueOrThrow({ where: { id: route.channelId } });
    expect(row).toMatchObject({ externalId: "C0REVIEWS", name: "审核" });
    const proposed = await slack("U0OPER", "/topic propose Slack 上路由的选题 --platform douyin");
    expect(proposed.ok, JSON.stringify(proposed)).toBe(true);
    await fake.waitFor("the topic card in the routed channel", () => posts("C0REVIEWS").find((c) => JSON.stringify(c.args["blocks"]).includes("Slack 上路由的选题")));
    expect(posts("C0GENERAL").some((c) => JSON.stringify(c.args["blocks"]).includes("Slack 上路由的选题"))).toBe(false);
    await fake.waitFor("the pointer where the command was typed", () => ephemerals("C0GENERAL").find((c) => String(c.args["text"]).includes("卡片已发到 #审核。")));
  });

  it("reviews, SLA items, incidents and the KPI digest each go to their routed Slack channel", async () => {
    for (const [workflow, channel] of [["reviews", "C0REVIEWS"], ["sla", "C0SLA"], ["incidents", "C0INCIDENTS"], ["kpi", "C0KPI"]] as const) {
      const set = await slack("U0ADMIN", `/mediaops channel set ${workflow} <#${channel}|${channel.slice(2).toLowerCase()}>`);
      expect(set.ok, JSON.stringify(set)).toBe(true);
    }
    const has = (channel: string, text: string) => () => posts(channel).find((c) => JSON.stringify(c.args["blocks"]).includes(text));

    // A review submitted on Slack from the general channel: its status card goes to the reviews channel.
    const api = consoleClient(svc.app);
    expect((await slack("U0ADMIN", "/topic propose Slack 上送审的稿件 --platform douyin")).ok).toBe(true);
    const topic = await svc.deps.db.topic.findFirstOrThrow({ where: { title: "Slack 上送审的稿件" } });
    const admin = await svc.deps.db.user.findFirstOrThrow({ where: { identities: { some: { platform: "slack", externalId: "U0ADMIN" } } } });
    expect((await api.say("wang.fang", `/topic accept ${topic.id}`, "general")).status).toBe(200);
    expect((await api.say("wang.fang", `/topic assign ${topic.id} @${admin.handle}`, "general")).status).toBe(200);
    const submitted = await slack("U0ADMIN", `/review submit ${topic.id} https://docs.example.com/slack-routed`);
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    await fake.waitFor("the review status card in the reviews channel", has("C0REVIEWS", "Slack 上送审的稿件"));

    // An SLA item logged on Slack: its card is posted in the SLA channel.
    expect((await slack("U0ADMIN", "/sla log 抖音 https://www.douyin.com/video/slack-routed Slack 上的留言")).ok).toBe(true);
    await fake.waitFor("the SLA item card in the SLA channel", has("C0SLA", "Slack 上的留言"));

    // An incident declared on Slack: followed in the incidents channel, no new conversation.
    const creates = fake.callsTo("conversations.create").length;
    expect((await slack("U0ADMIN", "/incident declare Slack 上的事件 --type platform --likelihood medium --impact severe")).ok).toBe(true);
    await fake.waitFor("the incident card in the incidents channel", has("C0INCIDENTS", "Slack 上的事件"));
    expect(fake.callsTo("conversations.create").length).toBe(creates);

    // The general channel's digest subscription: the digest is posted in the KPI channel.
    expect((await slack("U0ADMIN", "/kpi subscribe --time 11:00")).ok).toBe(true);
    svc.clock.set("2026-11-26T03:00:00Z"); // 11:00 in Shanghai
    expect((await runDueDigests(svc.deps)).sent).toHaveLength(1);
    await fake.waitFor("the digest in the KPI channel", () => posts("C0KPI")[0]);
    for (const text of ["Slack 上送审的稿件", "Slack 上的留言"]) expect(JSON.stringify(has("C0GENERAL", text)()?.args["blocks"] ?? null), text).toBe("null");
    // Where the incident was declared, only the notice pointing to where it is followed.
    const notice = JSON.stringify(has("C0GENERAL", "Slack 上的事件")()?.args["blocks"]);
    expect(notice).toContain("请在 #c0incidents 跟进。");
    expect(notice).not.toContain("actions");
  });

  it("a route set on Slack leaves the console where it was", async () => {
    const api = consoleClient(svc.app);
    const res = await api.say("chen.jie", "/topic propose 控制台上不受影响的选题 --platform douyin", "general");
    expect(res.status, res.error).toBe(200);
    expect(res.messages.some((m) => m.card && cardText(m).includes("控制台上不受影响的选题"))).toBe(true);
    const shown = cardText((await api.say("chen.jie", "/mediaops channel show", "general")).messages.at(-1)!);
    expect(shown).toContain("Slack · 选题：#审核");
    expect(shown).toContain("控制台 · 选题：输入命令的频道");
  });
});
