// SLA cards move with their item: every card of an item (the console's, a Slack direct message's) is updated
// in place on claim, warning, breach, reassign and dismiss, through the outbox; a closed card has no buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSlaItems } from "../../src/app/sla/ingest-items.js";
import { runSlaSweep } from "../../src/app/sla/sweep.js";
import type { Card } from "../../src/messaging/card.js";
import type { ChatChannel } from "../../src/messaging/channel.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let con: ReturnType<typeof consoleClient>;
/** The lead's Slack: direct messages and updates as Slack received them, by message id. */
const slack = { sent: new Map<string, Card>(), updates: 0, ephemerals: 0 };

beforeAll(async () => {
  svc = await startTestService();
  con = consoleClient(svc.app);
  const recording: ChatChannel = {
    platform: "slack",
    updatableEphemerals: false,
    post: async () => "unused",
    ephemeral: async () => {
      slack.ephemerals++;
      return "ephemeral-ts";
    },
    update: async (_t, messageId, card) => {
      slack.updates++;
      slack.sent.set(messageId, card);
    },
    direct: async (_to, card) => {
      const id = `ts-${slack.sent.size + 1}`;
      slack.sent.set(id, card);
      return { conversationId: "D_LIU", messageId: id };
    },
  };
  svc.deps.channels.set("slack", recording);
  // The lead works on Slack only.
  const liu = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "liu.yang" } });
  await svc.deps.db.platformIdentity.deleteMany({ where: { userId: liu.id } });
  await svc.deps.db.platformIdentity.create({ data: { userId: liu.id, platform: "slack", tenant: "T1", externalId: "U_LIU", lastSeenAt: svc.clock.now() } });
});
afterAll(() => svc.dispose());

const cardsOf = async (user: string) => (await con.read("sla", user)).messages.filter((m) => m.authorKind === "bot" && m.card?.title.includes("· #"));
const fresh = async (user: string, m: ApiMessage) => (await con.read("sla", user)).messages.find((x) => x.id === m.id)!;
const actions = (card: Card | null | undefined) => card?.blocks.flatMap((b) => (b.type === "actions" ? b.buttons.map((x) => x.actionId) : [])) ?? [];
const slackCard = () => [...slack.sent.values()].at(-1)!;

describe("an SLA item's cards", () => {
  it("follow it through claim, breach, reassign and dismiss on the console and on Slack", async () => {
    const logged = await con.say("chen.jie", "/sla log douyin https://www.douyin.com/video/move-1 问什么时候发货", "sla");
    expect(logged.status).toBe(200);
    const row = await svc.deps.db.slaItem.findFirstOrThrow({ where: { externalId: "https://www.douyin.com/video/move-1" } });
    const id = row.id;
    const schedule = JSON.parse(row.scheduleJson) as { warnings: string[] };

    svc.clock.set(schedule.warnings[0]!);
    await runSlaSweep(svc.deps);
    const warned = (await cardsOf("chen.jie")).at(-1)!;
    expect(warned.card!.title).toBe(`即将超过响应时限 · #${id}`);

    // Claim: the same card now says who has it, and offers no second claim.
    expect((await con.click("chen.jie", warned, "sla.claim")).status).toBe(200);
    const claimed = await fresh("chen.jie", warned);
    expect(cardText(claimed)).toContain("状态: 处理中 · 陈杰");
    expect(actions(claimed.card)).toEqual(["sla.reply", "sla.answer", "sla.dismiss", "sla.reassign"]);

    // The breach: a new card to the owner, an escalation DM to the lead on Slack, and the first card says breached.
    svc.clock.set(row.deadlineAt.toISOString());
    await runSlaSweep(svc.deps);
    expect((await fresh("chen.jie", warned)).card!.title).toBe(`已超过响应时限 · #${id}`);
    expect(slackCard().title).toBe(`升级提醒：已超过响应时限 · #${id}`);
    const breach = (await cardsOf("chen.jie")).at(-1)!;
    expect(breach.id).not.toBe(warned.id);

    // Reassign to Emma: she gets the card, and every earlier card (console and Slack) names her.
    expect((await con.click("chen.jie", breach, "sla.reassign", "@emma")).status).toBe(200);
    for (const m of [warned, breach]) expect(cardText(await fresh("chen.jie", m))).toContain("状态: 待处理 · Emma Clarke");
    expect(slackCard().fallbackText).toContain("状态: 待处理 · Emma Clarke");
    const emmas = (await cardsOf("emma")).at(-1)!;
    expect(emmas.card!.title).toContain(`#${id}`);

    // Emma dismisses it (in English): every card shows the outcome in its reader's language, with no buttons.
    expect((await con.click("emma", emmas, "sla.dismiss", "spam")).status).toBe(200);
    const closedEn = await fresh("emma", emmas);
    expect(closedEn.card!.title).toBe(`Not needed · #${id}`);
    expect(outcomeOf(closedEn)).toMatch(/^Not needed by Emma Clarke · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    for (const m of [warned, breach]) {
      const now = await fresh("chen.jie", m);
      expect(now.card!.title).toBe(`无需回复 · #${id}`);
      expect(cardText(now)).toContain("原因: spam");
      expect(actions(now.card)).toEqual([]);
    }
    expect(slackCard().title).toBe(`无需回复 · #${id}`);
    expect(actions(slackCard())).toEqual([]);
    expect(slack.sent.size).toBe(1); // one Slack message, updated in place
  });

  it("go to the direct chat on Slack, where an ephemeral could never be updated", async () => {
    // The team's SLA channel is on Slack, and the weibo account's owner Emma is there too.
    await svc.deps.db.channel.updateMany({ where: { name: "sla" }, data: { platform: "slack", externalId: "C_SLA" } });
    const emma = await svc.deps.db.user.findFirstOrThrow({ where: { handle: "emma" } });
    await svc.deps.db.platformIdentity.create({ data: { userId: emma.id, platform: "slack", tenant: "T1", externalId: "U_EMMA", lastSeenAt: new Date("2030-01-01T00:00:00Z") } }); // her latest platform
    const [r] = await ingestSlaItems(svc.deps, [{ platform: "weibo", account: "brand-weibo", kind: "comment", externalId: "wb-1", author: "小周", text: "在吗", createdAt: svc.clock.now().toISOString() }], "webhook");
    const row = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: r!.status === "accepted" ? r!.id : -1 } });
    svc.clock.set(new Date(row.deadlineAt.getTime() + 8 * 3600_000).toISOString()); // 10:00 in London: not quiet hours
    const before = slack.sent.size;
    await runSlaSweep(svc.deps);
    expect(slack.ephemerals).toBe(0);
    expect(slack.sent.size).toBeGreaterThan(before);
    const posted = await svc.deps.db.postedCard.findMany({ where: { subjectKey: `sla:${row.id}` } });
    const onSlack = posted.filter((p) => p.platform === "slack");
    expect(onSlack.length).toBeGreaterThan(0); // Emma's (and the lead's) direct messages, kept for updates
    expect(onSlack.every((p) => p.channelId === null)).toBe(true);
  });
});
