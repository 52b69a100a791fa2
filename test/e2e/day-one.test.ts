// Issue #12's "done when": a real team on day one, from an empty database, without touching it by hand. The real
// service runs as a process with MEDIAOPS_DEMO=0 and Slack pointed at the fake Web API on 127.0.0.1; the test reads
// the setup code from the service's log, and everything else happens through signed Slack requests.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack, type SlackCall } from "../support/fake-slack.js";
import { spawnService, type ServiceProcess } from "../support/process.js";
import { tempDir } from "../support/service.js";
import { blockActions, slackSender, slashCommand } from "../support/slack-client.js";
import { until } from "../support/wait.js";

const SECRET = "day-one-signing-secret-0123456789";
const CHANNEL = "C0GENERAL";

interface Person {
  id: string;
  name: string;
}
const ADMIN: Person = { id: "U0ADMIN", name: "admin.li" };
const MANAGER: Person = { id: "U0MANAGER", name: "mgr.zhao" };
const OPERATOR: Person = { id: "U0OPERATOR", name: "op.qian" };
const REVIEWER: Person = { id: "U0REVIEWA", name: "rev.sun" };
const SUCCESSOR: Person = { id: "U0REVIEWB", name: "rev.zhou" };
const mention = (p: Person) => `<@${p.id}|${p.name}>`;

let fake: FakeSlack;
let svc: ServiceProcess;
let send: ReturnType<typeof slackSender>;
const dir = tempDir();
let triggers = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
  svc = await spawnService({ DATABASE_URL: `file:${join(dir, "m.db")}`, MEDIAOPS_DEMO: "0", SLACK_BOT_TOKEN: "xoxb-day-one", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
  send = slackSender(svc.url, SECRET);
});
afterAll(async () => {
  svc?.child.kill("SIGTERM");
  await svc?.exited;
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything a Slack call shows a person: the fallback text and the blocks' texts. */
function shown(call: SlackCall): string {
  return `${String(call.args["text"] ?? "")}\n${JSON.stringify(call.args["blocks"] ?? [])}`;
}

/** Types `/mediaops <text>` (or another command) as `who`; returns the trigger so its refusal can be found. */
async function slash(who: Person, text: string, command = "/mediaops"): Promise<string> {
  triggers += 1;
  const t = `${triggers}.777.dayone${triggers}`;
  const ack = await send(slashCommand({ command, text, user: who.id, userName: who.name, channel: CHANNEL, trigger: t, responseUrl: fake.responseUrl(t) }));
  expect(ack.status).toBe(200);
  return t;
}

/** The ephemeral reply to `who` that contains `text`. */
function replyTo(who: Person, text: string): Promise<SlackCall> {
  return fake.waitFor(`a reply to ${who.name} saying ${text}`, () => fake.callsTo("chat.postEphemeral").find((c) => c.args["user"] === who.id && shown(c).includes(text)));
}

/** The refusal posted to the response_url of request `trigger`. */
function refusalOf(trigger: string): Promise<string> {
  return fake.waitFor(`the refusal of ${trigger}`, () => {
    const r = fake.responses.find((x) => x.id === trigger);
    return r ? String((r.body as { text?: string }).text ?? JSON.stringify(r.body)) : undefined;
  });
}

/** A message posted to `who` in their direct chat with the bot that contains `text`. */
function directTo(who: Person, text: string): Promise<SlackCall> {
  return fake.waitFor(`a direct message to ${who.name} saying ${text}`, () => fake.callsTo("chat.postMessage").find((c) => c.args["channel"] === `D${who.id}` && shown(c).includes(text)));
}

function buttonOf(call: SlackCall, actionId: string) {
  type El = { type: string; action_id?: string; value?: string; text?: { text: string } };
  const b = (call.args["blocks"] as { type: string; elements?: El[] }[]).flatMap((x) => (x.type === "actions" ? (x.elements ?? []) : [])).find((e) => e.action_id?.startsWith(`${actionId}~`));
  if (!b) throw new Error(`no ${actionId} button`);
  return { actionId: b.action_id!, value: b.value!, label: b.text!.text };
}

async function proposeAs(who: Person, title: string): Promise<{ card: SlackCall; id: number }> {
  await slash(who, `propose ${title} --platform douyin`, "/topic");
  const card = await fake.waitFor(`the card of ${title}`, () => fake.callsTo("chat.postMessage").find((c) => shown(c).includes(title) && c.args["channel"] === CHANNEL));
  const id = Number(/#(\d+)/.exec(shown(card))![1]);
  return { card, id };
}

describe("a real team on day one (MEDIAOPS_DEMO=0, Slack)", () => {
  let code: string;

  it("prints the setup code in the log; the code makes a Slack user admin; its second use is refused", async () => {
    const line = await until("the setup code in the log", () => svc.output().split("\n").find((l) => l.includes('"setupCode"')));
    code = (JSON.parse(line) as { setupCode: string }).setupCode;
    expect(line).toContain(`/mediaops setup ${code}`);

    await slash(ADMIN, `setup ${code}`);
    await replyTo(ADMIN, "已成为团队管理员");

    const again = await slash(OPERATOR, `setup ${code}`);
    expect(await refusalOf(again)).toContain("初始化码不存在、已被使用或已过期");
  });

  it("the admin grants a second Slack user manager (who is told), and that manager accepts a topic with the card button", async () => {
    await slash(MANAGER, "people");
    await replyTo(MANAGER, "团队共");
    await slash(ADMIN, `role grant ${mention(MANAGER)} manager`);
    await replyTo(ADMIN, "mgr.zhao 已获得「主管」角色。");
    await directTo(MANAGER, "你已获得「主管」角色（由 admin.li 授予）");

    const { card, id } = await proposeAs(OPERATOR, "开箱第一天的选题");
    const b = buttonOf(card, "topic.accept");
    triggers += 1;
    const t = `${triggers}.777.click`;
    const ack = await send(blockActions({ user: MANAGER.id, userName: MANAGER.name, channel: CHANNEL, messageTs: String(card.result?.["ts"]), actionId: b.actionId, value: b.value, label: b.label, trigger: t, responseUrl: fake.responseUrl(t) }));
    expect(ack.status).toBe(200);
    const updated = await fake.waitFor("the accepted card", () => fake.callsTo("chat.update").find((c) => c.args["ts"] === card.result?.["ts"] && shown(c).includes("已通过")));
    expect(shown(updated)).toContain(`#${id}`);
    expect(fake.responses.find((r) => r.id === t), "no refusal for the manager's click").toBeUndefined();
  });

  it("refuses to demote the last admin, saying why", async () => {
    const t = await slash(ADMIN, `role revoke ${mention(ADMIN)} admin`);
    expect(await refusalOf(t)).toContain("是团队最后一位管理员");
  });

  it("removing a reviewer with an open review level hands the level over to the named person", async () => {
    await slash(REVIEWER, "people");
    await replyTo(REVIEWER, "团队共");
    await slash(SUCCESSOR, "people");
    await replyTo(SUCCESSOR, "团队共");
    await slash(ADMIN, "chain set first 初审=any:@rev.sun/8h; 终审=any:@mgr.zhao/8h --name 初审流程", "/review");
    await replyTo(ADMIN, "初审流程");
    await slash(ADMIN, "chain default first", "/review");
    const { id } = await proposeAs(OPERATOR, "要审核的第一篇稿件");
    await slash(MANAGER, `accept ${id}`, "/topic");
    await replyTo(MANAGER, `#${id}`);
    await slash(MANAGER, `assign ${id} @op.qian`, "/topic");
    await replyTo(MANAGER, "op.qian");
    await slash(OPERATOR, `submit ${id} https://docs.example.com/draft-1`, "/review");
    await directTo(REVIEWER, "https://docs.example.com/draft-1");

    await slash(ADMIN, `remove ${mention(REVIEWER)} --to ${mention(SUCCESSOR)}`);
    const reply = await replyTo(ADMIN, "已将 rev.sun 移出团队");
    expect(shown(reply)).toContain("第 1 级 → rev.zhou");
    const request = await directTo(SUCCESSOR, "https://docs.example.com/draft-1");
    expect(() => buttonOf(request, "review.approve")).not.toThrow();
    await directTo(REVIEWER, "你已被 admin.li 移出团队");

    const after = await slash(REVIEWER, "people");
    expect(await refusalOf(after)).toContain("已被移出团队");
  });
});
