// The running service with Slack configured against a fake Slack Web API on 127.0.0.1: signed requests go to
// /slack/events over real HTTP, and the test checks the answer, its timing, and what the fake Slack received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import { blockKitViolations } from "../support/block-kit-limits.js";
import { FAKE_BOT, startFakeSlack, type FakeSlack, type SlackCall } from "../support/fake-slack.js";
import { startTestService, type TestService } from "../support/service.js";
import { blockActions, eventCallback, form, interaction, json, slackSender, slashCommand, viewSubmission } from "../support/slack-client.js";
import { until } from "../support/wait.js";
import { identitiesChanged } from "../../src/app/identity/cache.js";

const SECRET = "e2e-signing-secret-0123456789abcdef";
const CHANNEL = "C0TOPICS";

let fake: FakeSlack;
let svc: TestService;
let send: ReturnType<typeof slackSender>;
let triggers = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await startTestService({ env: { SLACK_BOT_TOKEN: "xoxb-e2e-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl } });
  send = slackSender(svc.url, SECRET);
});
afterAll(async () => {
  await svc?.dispose();
  await fake?.close();
});

/** A person on Slack. */
interface Person {
  id: string;
  name: string;
}
const MANAGER: Person = { id: "U0MANAGER", name: "mgr.zhao" };
const OPERATOR: Person = { id: "U0OPERATOR", name: "op.qian" };

function trigger(): string {
  triggers += 1;
  return `${triggers}.4242.trigger${triggers}`;
}

/** Types `/command text` as `who` in `channel`; returns the ack and the trigger/response id used. */
async function slash(who: Person, command: string, text: string, channel = CHANNEL) {
  const t = trigger();
  const ack = await send(slashCommand({ command, text, user: who.id, userName: who.name, channel, trigger: t, responseUrl: fake.responseUrl(t) }));
  return { ack, trigger: t };
}

type Block = { type: string; text?: { text: string }; elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[] };

function blocksOf(call: SlackCall): Block[] {
  return call.args["blocks"] as Block[];
}

function headerOf(call: SlackCall): string | undefined {
  return blocksOf(call).find((b) => b.type === "header")?.text?.text;
}

/** The button whose action_id starts with `actionId~` on a posted message. */
function buttonOf(call: SlackCall, actionId: string) {
  const b = blocksOf(call)
    .flatMap((x) => (x.type === "actions" ? (x.elements ?? []) : []))
    .find((e) => e.action_id?.startsWith(`${actionId}~`));
  if (!b) throw new Error(`no ${actionId} button on the message`);
  return { actionId: b.action_id!, value: b.value!, label: (b.text as { text: string }).text };
}

function contextTexts(call: SlackCall): string[] {
  return blocksOf(call).flatMap((b) => (b.type === "context" ? (b.elements ?? []).map((e) => String(e.text)) : []));
}

/** Proposes a topic and waits for its card to be posted; returns the postMessage call. */
async function propose(who: Person, title: string, extra = "--platform douyin"): Promise<SlackCall> {
  const { ack } = await slash(who, "/topic", `propose ${title} ${extra}`);
  expect(ack.status).toBe(200);
  return fake.waitFor(`the card of ${title}`, () => fake.callsTo("chat.postMessage").find((c) => headerOf(c)?.endsWith(` ${title}`)));
}

async function click(who: Person, message: SlackCall, actionId: string) {
  const b = buttonOf(message, actionId);
  const t = trigger();
  const ack = await send(
    blockActions({ user: who.id, userName: who.name, channel: String(message.args["channel"]), messageTs: tsOf(message), actionId: b.actionId, value: b.value, label: b.label, trigger: t, responseUrl: fake.responseUrl(t) }),
  );
  return { ack, trigger: t };
}

/** The ts Slack gave a posted message. */
function tsOf(call: SlackCall): string {
  return String(call.result?.["ts"]);
}

/** Gives `who` roles once their first request (worked on after the ack) has enrolled them. */
async function promote(who: Person, roles: string[]) {
  const identity = await until(`${who.name}'s enrolment`, () => svc.deps.db.platformIdentity.findFirst({ where: { platform: "slack", externalId: who.id } }));
  await svc.deps.db.user.update({ where: { id: identity.userId }, data: { rolesJson: JSON.stringify(roles) } });
  await identitiesChanged(svc.deps.db); // roles are remembered between requests until a change is announced
}

describe("the Slack endpoint", () => {
  it("checked the bot token with auth.test at start, with the bot token as Bearer", () => {
    const auth = fake.callsTo("auth.test");
    expect(auth.length).toBeGreaterThanOrEqual(1);
    expect(auth[0]!.authorization).toBe("Bearer xoxb-e2e-token");
  });

  it("answers url_verification with the challenge", async () => {
    const res = await send(json({ token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("acks a slash command with an empty 200 without waiting for the Web API, then posts the card", async () => {
    const release = fake.hold("chat.postMessage"); // Slack answers no post until the ack is in
    try {
      const { ack } = await slash(OPERATOR, "/topic", "propose 双十一直播复盘 --platform douyin,weibo --date 2026-12-03 20:00");
      expect(ack.status).toBe(200);
      expect(ack.text).toBe("");
      expect(fake.callsTo("chat.postMessage").filter((c) => c.result).length, "no post was answered before the ack").toBe(0);
      release();
      const card = await fake.waitFor("the topic card", () => fake.callsTo("chat.postMessage").find((c) => headerOf(c)?.endsWith("双十一直播复盘")));
      expect(card.args["channel"]).toBe(CHANNEL);
      expect(card.authorization).toBe("Bearer xoxb-e2e-token");
      expect(headerOf(card)).toMatch(/^#\d+ 双十一直播复盘$/);
      expect(String(card.args["text"])).toContain("2026-12-03 20:00");
      expect(["通过", "驳回", "+1"]).toEqual(["topic.accept", "topic.reject", "topic.vote"].map((a) => buttonOf(card, a).label));
    } finally {
      release();
    }
  });

  it("enrolls a first-time Slack user as an operator, named after their Slack name", async () => {
    const identity = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "slack", externalId: OPERATOR.id }, include: { user: true } });
    expect(identity.tenant).toBe("T0001");
    expect(identity.user.displayName).toBe(OPERATOR.name);
    expect(JSON.parse(identity.user.rolesJson)).toEqual(["operator"]);
  });

  it("an Accept click by a manager updates the same message with chat.update and the outcome line", async () => {
    const card = await propose(OPERATOR, "年货节选品指南");
    await slash(MANAGER, "/mediaops", ""); // enrolls the manager-to-be
    await promote(MANAGER, ["manager"]);
    const release = fake.hold("chat.update"); // the ack must not wait for the card's update
    const { ack } = await click(MANAGER, card, "topic.accept");
    expect(ack.status).toBe(200);
    expect(ack.text).toBe("");
    release();
    const update = await fake.waitFor("chat.update of the card", () => fake.callsTo("chat.update").find((c) => c.args["ts"] === tsOf(card) && c.result));
    expect(update.args["channel"]).toBe(CHANNEL);
    expect(contextTexts(update)).toContain(`✅ ${MANAGER.name} 已通过 · 11-26 10:00`);
    expect(blocksOf(update).some((b) => b.type === "actions")).toBe(false);
  });

  it("a refused click is told to that person only, through response_url, in their language", async () => {
    const card = await propose(OPERATOR, "门店探访 vlog");
    const { ack, trigger: t } = await click(OPERATOR, card, "topic.accept");
    expect(ack.status).toBe(200);
    const refusal = await fake.waitFor("the refusal", () => fake.responses.find((r) => r.id === t));
    expect(refusal.body).toEqual({ response_type: "ephemeral", replace_original: false, text: "只有主管或管理员可以通过选题。你的角色：运营。" });
    expect(fake.callsTo("chat.update").some((c) => c.args["ts"] === tsOf(card))).toBe(false);
  });

  it("Reject opens a modal for the reason; its submission rejects the topic and shows the reason on the card", async () => {
    const card = await propose(OPERATOR, "明星同款口红测评");
    const before = fake.callsTo("views.open").length;
    const { ack, trigger: t } = await click(MANAGER, card, "topic.reject");
    expect(ack.status).toBe(200);
    const opened = await fake.waitFor("views.open", () => fake.callsTo("views.open")[before]);
    expect(opened.args["trigger_id"]).toBe(t);
    const view = opened.args["view"] as { callback_id: string; private_metadata: string; title: { text: string }; blocks: { label: { text: string } }[] };
    expect(view.title.text).toBe("驳回");
    expect(view.blocks[0]!.label.text).toBe("驳回原因？");
    expect(fake.callsTo("chat.update").some((c) => c.args["ts"] === tsOf(card))).toBe(false);

    const blank = await send(viewSubmission({ user: MANAGER.id, userName: MANAGER.name, view, reason: "   ", trigger: trigger() }));
    expect(blank.status).toBe(200);
    expect(JSON.parse(blank.text)).toEqual({ response_action: "errors", errors: { reason: "驳回原因？" } });

    const submitted = await send(viewSubmission({ user: MANAGER.id, userName: MANAGER.name, view, reason: "涉及肖像权风险", trigger: trigger() }));
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe("");
    const update = await fake.waitFor("chat.update after the modal", () => fake.callsTo("chat.update").find((c) => c.args["ts"] === tsOf(card)));
    expect(contextTexts(update)).toContain(`⛔ ${MANAGER.name} 已驳回 · 11-26 10:00 · 涉及肖像权风险`);
  });

  it("a bare /topic propose opens a form; its submission proposes the topic in the channel it came from", async () => {
    const before = fake.callsTo("views.open").length;
    const { ack, trigger: t } = await slash(OPERATOR, "/topic", "propose");
    expect(ack.status).toBe(200);
    expect(ack.text).toBe("");
    const opened = await fake.waitFor("views.open", () => fake.callsTo("views.open")[before]);
    expect(opened.args["trigger_id"]).toBe(t);
    const view = opened.args["view"] as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(view.title.text).toBe("/topic propose");
    const res = await send(viewSubmission({ user: OPERATOR.id, userName: OPERATOR.name, view, values: { "p:title": "冬至饺子馅大比拼", "o:platform": "bilibili", "o:date": "2026-12-21" }, trigger: trigger() }));
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const card = await fake.waitFor("the card from the form", () => fake.callsTo("chat.postMessage").find((c) => headerOf(c)?.endsWith("冬至饺子馅大比拼")));
    expect(card.args["channel"]).toBe(CHANNEL);
    expect(String(card.args["text"])).toContain("2026-12-21");
  });

  it("when the form cannot be opened (expired trigger), the bare command is refused with its usage instead", async () => {
    fake.failNext("views.open", "expired_trigger_id");
    const { ack, trigger: t } = await slash(OPERATOR, "/topic", "propose");
    expect(ack.status).toBe(200);
    const refusal = await fake.waitFor("the refusal", () => fake.responses.find((r) => r.id === t));
    expect(refusal.body["response_type"]).toBe("ephemeral");
    expect(String(refusal.body["text"])).toContain("/topic propose <标题>");
  });

  it("/topic list answers the person ephemerally with chat.postEphemeral", async () => {
    const before = fake.callsTo("chat.postEphemeral").length;
    const { ack } = await slash(OPERATOR, "/topic", "list");
    expect(ack.status).toBe(200);
    const eph = await fake.waitFor("the list", () => fake.callsTo("chat.postEphemeral")[before]);
    expect(eph.args).toMatchObject({ channel: CHANNEL, user: OPERATOR.id });
    expect(String(eph.args["text"])).toContain("双十一直播复盘");
  });

  it("an unknown command word is refused ephemerally through response_url", async () => {
    const { ack, trigger: t } = await slash(OPERATOR, "/topic", "frobnicate 1");
    expect(ack.status).toBe(200);
    const refusal = await fake.waitFor("the refusal", () => fake.responses.find((r) => r.id === t));
    expect(refusal.body["response_type"]).toBe("ephemeral");
    expect(String(refusal.body["text"])).toContain("frobnicate");
  });

  it("an app mention runs the command after it and answers ephemerally", async () => {
    const before = fake.callsTo("chat.postEphemeral").length;
    const release = fake.hold("chat.postEphemeral"); // the event is acknowledged before the answer goes out
    const res = await send(eventCallback({ eventId: "Ev0MENTION1", event: { type: "app_mention", user: OPERATOR.id, text: `<@${FAKE_BOT.user_id}> topic list`, ts: "1790000100.000100", channel: CHANNEL, event_ts: "1790000100.000100" } }));
    expect(res.status).toBe(200);
    release();
    const eph = await fake.waitFor("the answer to the mention", () => fake.callsTo("chat.postEphemeral")[before]);
    expect(eph.args).toMatchObject({ channel: CHANNEL, user: OPERATOR.id });
  });
});

describe("refused requests", () => {
  it("a bad signature is answered 401 and causes no Slack call", async () => {
    const before = fake.calls.length;
    const t = trigger();
    const res = await send(slashCommand({ command: "/topic", text: "propose 伪造请求", user: OPERATOR.id, userName: OPERATOR.name, channel: CHANNEL, trigger: t, responseUrl: fake.responseUrl(t) }), {
      signature: "v0=0000000000000000000000000000000000000000000000000000000000000000",
    });
    expect(res.status).toBe(401);
    await svc.idle(); // the work started after the answers has finished
    expect(fake.calls.length).toBe(before);
    expect(await svc.deps.db.topic.count({ where: { title: "伪造请求" } })).toBe(0);
  });

  it("a body changed after signing is answered 401", async () => {
    const t = trigger();
    const original = slashCommand({ command: "/topic", text: "propose 原文", user: OPERATOR.id, userName: OPERATOR.name, channel: CHANNEL, trigger: t, responseUrl: fake.responseUrl(t) });
    const ts = Math.floor(Date.now() / 1000);
    const { signSlackRequest } = await import("../../src/adapters/slack/verify.js");
    const signature = signSlackRequest(SECRET, String(ts), original.body);
    const res = await send({ ...original, body: original.body.replace("%E5%8E%9F%E6%96%87", "%E7%AF%A1%E6%94%B9") }, { timestamp: ts, signature });
    expect(res.status).toBe(401);
  });

  it("stale and future timestamps are answered 401, even when correctly signed", async () => {
    const before = fake.calls.length;
    for (const offset of [-600, +600]) {
      const t = trigger();
      const res = await send(slashCommand({ command: "/topic", text: `propose 时间戳 ${offset}`, user: OPERATOR.id, userName: OPERATOR.name, channel: CHANNEL, trigger: t, responseUrl: fake.responseUrl(t) }), {
        timestamp: Math.floor(Date.now() / 1000) + offset,
      });
      expect(res.status, `offset ${offset}`).toBe(401);
      expect(JSON.parse(res.text).error).toMatch(offset < 0 ? /stale/ : /future/);
    }
    await svc.idle(); // the work started after the answers has finished
    expect(fake.calls.length).toBe(before);
  });

  it("a request without the signature headers is answered 401", async () => {
    const res = await fetch(`${svc.url}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(401);
  });

  it("malformed bodies are answered 400 and the service keeps working", async () => {
    const cases = [
      { body: "payload=%7Bnot-json", contentType: "application/x-www-form-urlencoded" },
      { body: "[1,2,3]", contentType: "application/json" },
      { body: "{\"type\":", contentType: "application/json" },
      form({ command: "/topic", text: "list", team_id: "T0001", channel_id: CHANNEL }), // no user_id
      interaction({ type: "block_actions", user: { id: OPERATOR.id }, actions: "nope" }),
      { body: "hello", contentType: "text/plain" },
    ];
    for (const c of cases) {
      const res = await send(c);
      expect(res.status, c.body).toBe(400);
      expect(JSON.parse(res.text).error, c.body).toEqual(expect.any(String));
    }
    const health = await fetch(`${svc.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("keeps JSON parsing for every other route (the raw-body parser is local to /slack/events)", async () => {
    const res = await fetch(`${svc.url}/console/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ channel: "topics", user: "chen.jie", text: "hello" }) });
    expect(res.status).toBe(200);
  });
});

describe("redeliveries and rate limits", () => {
  it("a replayed slash command (same trigger, X-Slack-Retry-Num) has one effect", async () => {
    const t = trigger();
    const req = slashCommand({ command: "/topic", text: "propose 重放测试选题 --platform weibo", user: OPERATOR.id, userName: OPERATOR.name, channel: CHANNEL, trigger: t, responseUrl: fake.responseUrl(t) });
    const first = await send(req);
    const again = await send(req, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect([first.status, again.status]).toEqual([200, 200]);
    await fake.waitFor("the card", () => fake.callsTo("chat.postMessage").find((c) => headerOf(c)?.endsWith("重放测试选题")));
    await svc.idle(); // the work started after the answers has finished
    expect(fake.callsTo("chat.postMessage").filter((c) => headerOf(c)?.endsWith("重放测试选题"))).toHaveLength(1);
    expect(await svc.deps.db.topic.count({ where: { title: "重放测试选题" } })).toBe(1);
  });

  it("a replayed Events API delivery (same event_id) has one effect", async () => {
    const before = fake.callsTo("chat.postEphemeral").length;
    const req = eventCallback({ eventId: "Ev0REPLAY01", event: { type: "app_mention", user: OPERATOR.id, text: `<@${FAKE_BOT.user_id}> topic list`, ts: "1790000200.000100", channel: CHANNEL, event_ts: "1790000200.000100" } });
    expect((await send(req)).status).toBe(200);
    expect((await send(req, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } })).status).toBe(200);
    await fake.waitFor("the answer", () => fake.callsTo("chat.postEphemeral")[before]);
    await svc.idle(); // the work started after the answers has finished
    expect(fake.callsTo("chat.postEphemeral").length - before).toBe(1);
  });

  it("a 429 on chat.postMessage is retried after Retry-After and the card arrives once", async () => {
    fake.rateLimitNext("chat.postMessage", 1);
    const { ack } = await slash(OPERATOR, "/topic", "propose 限流重试选题 --platform bilibili", "C0RATE");
    expect(ack.status).toBe(200);
    // The client does not wait inside the send: the outbox keeps Retry-After on the row and sends it then.
    await fake.waitFor("the 429", () => fake.calls.find((c) => c.method === "chat.postMessage" && c.args["channel"] === "C0RATE" && c.rateLimited));
    const row = () => svc.deps.db.outboxMessage.findFirstOrThrow({ where: { template: "topic.card", modelJson: { contains: "限流重试选题" } } });
    const waiting = await until("the row to wait for its retry", async () => ((await row()).status === "pending" ? row() : undefined));
    expect(waiting.nextAttemptAt.getTime() - svc.clock.now().getTime()).toBe(1000); // Retry-After: 1
    svc.clock.advance(1000);
    await deliverOutbox(svc.deps);
    const attempts = fake.calls.filter((c) => c.method === "chat.postMessage" && c.args["channel"] === "C0RATE");
    expect(attempts.map((c) => c.rateLimited)).toEqual([true, false]);
    expect(headerOf(attempts[1]!)).toMatch(/限流重试选题$/);
    await svc.idle(); // the work started after the answers has finished
    expect(fake.callsTo("chat.postMessage").filter((c) => c.args["channel"] === "C0RATE")).toHaveLength(1);
    expect((await row()).status).toBe("sent");
  });

  // The pace itself (a second between posts to one channel) is tested on a fake clock in
  // test/contract/slack/channel.test.ts; here, that paced posts arrive in order.
  it("posts to one channel arrive in the order written", async () => {
    await slash(OPERATOR, "/topic", "propose 节奏一 --platform douyin", "C0PACE");
    await slash(OPERATOR, "/topic", "propose 节奏二 --platform douyin", "C0PACE");
    const posts = await fake.waitFor("two posts", () => {
      const p = fake.callsTo("chat.postMessage").filter((c) => c.args["channel"] === "C0PACE");
      return p.length === 2 ? p : undefined;
    });
    expect(posts.map((c) => headerOf(c)?.replace(/^#\d+ /, ""))).toEqual(["节奏一", "节奏二"]);
  });
});

describe("everything sent in this run", () => {
  it("every message posted, updated or shown ephemerally was within Block Kit's limits", () => {
    const sent = fake.calls.filter((c) => ["chat.postMessage", "chat.update", "chat.postEphemeral"].includes(c.method) && c.args["blocks"] !== undefined);
    expect(sent.length).toBeGreaterThan(10);
    for (const c of sent) expect(blockKitViolations(c.args as never), `${c.method} ${String(c.args["text"]).slice(0, 40)}`).toEqual([]);
  });
});
