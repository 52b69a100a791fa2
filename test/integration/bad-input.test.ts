// Bad input through the console API: a specific message in the sender's language, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAction } from "../../src/messaging/action.js";
import { consoleClient, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
let card: ApiMessage;

async function snapshot() {
  const db = svc.deps.db;
  return { topics: await db.topic.count(), audits: await db.auditLog.count({ where: { action: { not: "auth.denied" } } }), versions: (await db.topic.findMany({ select: { version: true } })).map((t) => t.version) };
}

beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
  const res = await api.say("chen.jie", "/topic propose 测试选题 --platform douyin");
  card = res.messages[0]!;
});
afterAll(() => svc.dispose());

describe("commands with bad input are refused with what to type instead, and change nothing", () => {
  const cases: [string, string, string][] = [
    ["empty title", "/topic propose --platform douyin", "缺少 <标题>。用法：/topic propose <标题> [--theme T] [--platform P,...] [--format F] [--date D] [--angle A] [--refs R]"],
    ["blank quoted title", '/topic propose "  " --platform douyin', "标题不能为空。用法：/topic propose <标题> [--platform ...]"],
    ["over-long title", `/topic propose ${"长".repeat(101)}`, "标题太长了，最多 100 个字，细节请写在 --angle 里。"],
    ["unknown option", "/topic propose 标题 --colour red", "未知选项 --colour。此命令支持的选项：--theme --platform --format --date --angle --refs。"],
    ["option without value", "/topic propose 标题 --date", "--date 后面需要填写内容。"],
    ["date in the past", "/topic propose 标题 --date 2026-11-20", "2026-11-20 已经过去了（今天是 2026-11-26），请填写将来的日期。"],
    ["unparseable date", "/topic propose 标题 --date 下个月吧", "无法识别日期“下个月吧”，可以这样写：2026-12-03, 2026-12-03 20:30, tomorrow, 周五。"],
    ["impossible date", "/topic propose 标题 --date 2027-02-30", "无法识别日期“2027-02-30”，可以这样写：2026-12-03, 2026-12-03 20:30, tomorrow, 周五。"],
    ["unknown theme", "/topic propose 标题 --theme gossip", "未知主题“gossip”，可选：产品知识、行业资讯、用户故事、生活技巧。"],
    ["id that does not exist", "/topic show 9999", "没有编号为 #9999 的选题。输入 /topic list 查看选题库。"],
    ["id that is not a number", "/topic show abc", "“abc”不是选题编号，请使用卡片上的数字，例如 12。"],
    ["unknown subcommand", "/topic delete 1", "“/topic delete”不是命令，可用的有：/topic propose、/topic list、/topic show、/topic calendar、/topic assign、/topic accept、/topic reject、/topic archive、/topic publish、/topic schedule。"],
    ["unknown command", "/dance", "“/dance”不是命令。输入 /help 查看命令列表。"],
    ["unclosed quote", '/topic propose "半个引号', "引号 \" 没有闭合。"],
    ["operator acting as manager", "/topic accept 1", "只有主管或管理员可以通过选题。你的角色：运营。"],
    ["unknown user to assign", "/topic assign 1 @nobody", "团队里没有“nobody”这个成员，请检查拼写。"],
    ["reject without reason", "/topic archive 1", "归档选题需要填写原因，例如 /topic archive 12 <原因>。"],
  ];
  it.each(cases)("%s", async (_name, text, message) => {
    const before = await snapshot();
    const user = /^\/topic (archive|assign)/.test(text) ? "wang.fang" : "chen.jie";
    const res = await api.say(user, text);
    expect(res.status).toBe(400);
    expect(res.error).toBe(message);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the typed command out of the stream when it is refused", async () => {
    await api.say("chen.jie", "/topic propose --platform douyin");
    const stream = await api.read("topics", "chen.jie");
    expect(stream.messages.some((m) => m.text === "/topic propose --platform douyin")).toBe(false);
  });
});

describe("malformed API bodies and forged buttons", () => {
  it("answers a body that is not JSON with 400 and a readable error, never 500", async () => {
    const res = await svc.app.inject({ method: "POST", url: "/console/api/messages", headers: { "content-type": "application/json" }, payload: "{not json" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/JSON/);
  });

  it("names the missing field in the user's language", async () => {
    const res = await api.call("POST", "/console/api/messages", { channel: "topics", user: "emma" }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(res.error).toBe("The request is malformed: the message is missing or not text.");
    const zh = await api.call("POST", "/console/api/messages", { channel: "topics", user: "chen.jie", text: "x".repeat(4001) }, { "accept-language": "zh-CN" });
    expect(zh.error).toBe("请求格式不正确：消息太长了，最多 4000 个字符。");
  });

  it("refuses an unknown user and an unknown channel", async () => {
    expect((await api.say("ghost", "/help")).error).toBe("团队里没有“ghost”这个成员，请检查拼写。");
    expect((await api.say("emma", "/help", "nowhere")).error).toBe('There is no channel "nowhere".');
  });

  it("refuses a tampered button payload (other ids, other version, other action)", async () => {
    const before = await snapshot();
    const accept = card.card!.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []))[0]!;
    const tampered = [
      accept.value.replace(/\.topic\.\d+\./, ".topic.999."),
      accept.value.replace(/\.1\.([^.]+)$/, ".7.$1"),
      accept.value.replace("m1.accept", "m1.reject"),
      "m1.accept.topic.1.1.AAAAAAAAAAAAAAAA",
      "garbage",
      encodeAction({ action: "accept", subjectType: "topic", subjectId: "1", stateVersion: 1 }, "another-installation-key"),
    ];
    for (const value of tampered) {
      const res = await api.call("POST", "/console/api/actions", { user: "wang.fang", messageId: card.id, actionId: "topic.accept", value });
      expect(res.status).toBe(400);
      expect(res.error).toBe("这个按钮无效（可能来自旧消息或被修改过），没有做任何更改。");
    }
    const wrongAction = await api.call("POST", "/console/api/actions", { user: "wang.fang", messageId: card.id, actionId: "topic.vote", value: accept.value });
    expect(wrongAction.error).toBe("这个按钮无效（可能来自旧消息或被修改过），没有做任何更改。");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a click on a message id that is not a bot message", async () => {
    const res = await api.call("POST", "/console/api/actions", { user: "emma", messageId: "424242", actionId: "topic.accept", value: "x" });
    expect(res.status).toBe(400);
    expect(res.error).toBe("The request is malformed: there is no bot message 424242.");
  });

  it("keeps serving after all of that", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/healthz" });
    expect(res.json()).toEqual({ status: "ok" });
  });
});
