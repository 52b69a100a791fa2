// A person's direct messages in the console: review requests, nudges and reminders sent "directly" land in
// that person's own conversation (they used to be marked sent and shown nowhere), with the same cards and
// buttons as in a channel; nobody else can read or answer them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons } from "../../src/messaging/card.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { draftingTopic, isRequestCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

async function directRequest(handle: string, reviewId: number): Promise<ApiMessage> {
  const res = await api.read(encodeURIComponent(`@${handle}`), handle);
  expect(res.status, res.error).toBe(200);
  const card = res.messages.find((m) => isRequestCard(m, reviewId));
  expect(card, `a request card for R${reviewId} in @${handle}'s direct messages`).toBeDefined();
  return card!;
}

describe("direct messages in the console", () => {
  it("shows a reviewer their review request with its buttons, and a click there decides it everywhere", async () => {
    const topicId = await draftingTopic(api, "私信里的审核请求");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/dm 初稿`);

    const mine = await directRequest("li.wei", reviewId);
    expect(mine.ephemeral).toBe(true);
    expect(cardText(mine)).toContain("级别: 1 / 3");
    expect(cardButtons(mine.card!).map((b) => b.label)).toEqual(["通过", "要求修改", "驳回"]);

    const clicked = await api.click("li.wei", mine, "review.approve");
    expect(clicked.status, clicked.error).toBe(200);
    expect(outcomeOf((await directRequest("li.wei", reviewId)))).toMatch(/^李伟 已通过 · 第 1\/3 级/);
    // The other level-1 reviewer's copy and the channel's copy are decided too.
    expect(cardButtons((await directRequest("zhang.min", reviewId)).card!)).toEqual([]);
    const channelCopy = (await api.read("reviews", "wang.fang")).messages.find((m) => m.id !== mine.id && isRequestCard(m, reviewId) && cardText(m).includes("级别: 1 / 3"));
    expect(outcomeOf(channelCopy!)).toMatch(/^李伟 已通过/);
  });

  it("keeps one person's direct messages from everyone else, in the reader's language", async () => {
    const someoneElse = await api.read(encodeURIComponent("@li.wei"), "chen.jie");
    expect(someoneElse).toMatchObject({ status: 400, error: "这是 @li.wei 的私信，请切换为 @li.wei 的身份再查看或操作。" });
    const inEnglish = await api.read(encodeURIComponent("@li.wei"), "emma");
    expect(inEnglish.error).toBe("These are @li.wei's direct messages: act as @li.wei to read or answer them.");

    const reviewId = await submit(api, `${await draftingTopic(api, "别人的私信")} https://docs.example.com/other 初稿`);
    const card = await directRequest("zhang.min", reviewId);
    const before = await svc.deps.db.consoleMessage.findUniqueOrThrow({ where: { id: Number(card.id) } });
    const clickedByOther = await api.click("li.wei", card, "review.approve");
    expect(clickedByOther.status).toBe(400);
    expect(clickedByOther.error).toBe("这是 @zhang.min 的私信，请切换为 @zhang.min 的身份再查看或操作。");
    expect((await svc.deps.db.consoleMessage.findUniqueOrThrow({ where: { id: Number(card.id) } })).updatedAt).toEqual(before.updatedAt);
  });

  it("answers a command typed in one's own direct messages there, and lists no one's direct messages as a channel", async () => {
    const res = await api.say("li.wei", "/help", "@li.wei");
    expect(res.status, res.error).toBe(200);
    expect(res.messages.every((m) => m.channel === "@li.wei")).toBe(true);
    expect(res.messages.some((m) => m.authorKind === "bot")).toBe(true);
    const channels = (await svc.app.inject({ method: "GET", url: "/console/api/channels" })).json() as { channels: { id: string }[] };
    expect(channels.channels.map((c) => c.id).filter((id) => id.startsWith("@"))).toEqual([]);
  });
});
