// Reply from chat on Slack (issue 13), against the fake Slack Web API and the fake WeChat API: the SLA card's
// Reply button opens a modal (views.open with the click's trigger_id); its submission sends the text to
// comment/reply/add and the card Slack shows is updated in place to answered, with the reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSlaItems } from "../../src/app/sla/ingest-items.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { startFakeSlack, type FakeSlack, type SlackCall } from "../support/fake-slack.js";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat.js";
import { startTestService, type TestService } from "../support/service.js";
import { blockActions, slackSender, slashCommand, viewSubmission } from "../support/slack-client.js";

const SECRET = "e2e-signing-secret-0123456789abcdef";
const APP = { appId: "wx5823bf96d3bd56c7", appSecret: "0123456789abcdef0123456789abcdef" };
const OPERATOR = { id: "U0REPLY", name: "op.sun" };

let slack: FakeSlack;
let wx: FakeWechat;
let svc: TestService;
let send: ReturnType<typeof slackSender>;
let triggers = 0;
const trigger = () => `${++triggers}.4242.trigger${triggers}`;

beforeAll(async () => {
  const clock = new FakeClock("2026-11-26T02:00:00Z");
  slack = await startFakeSlack();
  wx = await startFakeWechat({ ...APP, now: () => clock.now() });
  svc = await startTestService({
    clock,
    env: { SLACK_BOT_TOKEN: "xoxb-e2e-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, WECHAT_OA_APP_ID: APP.appId, WECHAT_OA_APP_SECRET: APP.appSecret, WECHAT_OA_API_URL: wx.url },
  });
  send = slackSender(svc.url, SECRET);
});
afterAll(async () => {
  await svc?.dispose();
  await slack?.close();
  await wx?.close();
});

type Block = { type: string; text?: { text: string }; elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[] };
const blocksOf = (c: SlackCall) => (c.args["blocks"] ?? []) as Block[];
const headerOf = (c: SlackCall) => blocksOf(c).find((b) => b.type === "header")?.text?.text;
const textOf = (c: SlackCall) => JSON.stringify(c.args["blocks"] ?? []);

describe("Reply on a Slack SLA card", () => {
  it("opens a modal; the submitted text goes to comment/reply/add and the card is updated to answered", async () => {
    const a = wx.addArticle({ msgDataId: 2247483900, n: 1, refDate: "2026-11-25" });
    wx.addComment(a, { id: 61, at: new Date("2026-11-26T01:30:00Z"), content: "求资料下载链接" });
    const [r] = await ingestSlaItems(svc.deps, [{ platform: "wechat_oa", account: "gh_demo_oa", kind: "comment", externalId: "c:slack", author: "oREADER", text: "求资料下载链接", createdAt: "2026-11-26T01:30:00Z", comment: { msgDataId: "2247483900", index: 0, userCommentId: "61" } }], "wechat_oa");
    const id = (r as { id: number }).id;

    const t0 = trigger();
    expect((await send(slashCommand({ command: "/sla", text: `show ${id}`, user: OPERATOR.id, userName: OPERATOR.name, channel: "C0SLA", trigger: t0, responseUrl: slack.responseUrl(t0) }))).status).toBe(200);
    const card = await slack.waitFor("the item's card", () => slack.callsTo("chat.postMessage").find((c) => headerOf(c)?.endsWith(`· #${id}`)));
    const button = blocksOf(card).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.action_id?.startsWith("sla.reply~"))!;
    expect((button.text as { text: string }).text).toBe("回复");

    const before = slack.callsTo("views.open").length;
    const t1 = trigger();
    const ts = String(card.result?.["ts"]);
    const ack = await send(blockActions({ user: OPERATOR.id, userName: OPERATOR.name, channel: String(card.args["channel"]), messageTs: ts, actionId: button.action_id!, value: button.value!, label: "回复", trigger: t1, responseUrl: slack.responseUrl(t1) }));
    expect(ack.status).toBe(200);
    const opened = await slack.waitFor("views.open", () => slack.callsTo("views.open")[before]);
    expect(opened.args["trigger_id"]).toBe(t1);
    const view = opened.args["view"] as { callback_id: string; private_metadata: string; title: { text: string }; blocks: { label: { text: string } }[] };
    expect(view.blocks[0]!.label.text).toBe("输入回复内容");
    expect(wx.find("POST", "/cgi-bin/comment/reply/add")).toHaveLength(0);

    const submitted = await send(viewSubmission({ user: OPERATOR.id, userName: OPERATOR.name, view, reason: "链接已发到菜单栏「资料下载」。", trigger: trigger() }));
    expect(submitted.status).toBe(200);
    const update = await slack.waitFor("the card answered", () => slack.callsTo("chat.update").find((c) => c.args["ts"] === ts && headerOf(c)?.startsWith("已回复")));
    expect(textOf(update)).toContain("链接已发到菜单栏「资料下载」。");
    expect(wx.find("POST", "/cgi-bin/comment/reply/add").map((c) => c.json)).toEqual([{ msg_data_id: 2247483900, index: 0, user_comment_id: 61, content: "链接已发到菜单栏「资料下载」。" }]);
    expect((await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id } })).status).toBe("answered");
  });
});
