// A person's quiet hours, time zone and language from chat (#12): their own, or anyone's for an admin; bad input
// refused in the sender's language with nothing changed; each change audited and, when someone else made it, told
// to the person directly; quiet hours hold reminders and nudges until they end (FakeClock).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../src/app/outbox/deliver.js";
import { runSlaSweep } from "../../src/app/sla/sweep.js";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { draftingTopic, statusCard, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
beforeAll(async () => {
  svc = await startTestService(); // Thursday 2026-11-26 10:00 in Shanghai
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

const user = (handle: string) => svc.deps.db.user.findFirstOrThrow({ where: { handle } });
const reply = (res: { messages: ApiMessage[] }) => cardText(res.messages.at(-1)!);
async function lastDirect(handle: string) {
  const u = await user(handle);
  const row = await svc.deps.db.outboxMessage.findFirstOrThrow({ where: { kind: "direct", userId: u.id }, orderBy: { id: "desc" } });
  return { row, title: (JSON.parse(row.modelJson) as { title: string }).title };
}

describe("quiet hours", () => {
  it("bad ranges are refused with what is wrong; nothing changes", async () => {
    expect((await api.say("chen.jie", "/mediaops quiet set 25:00-08:00", "general")).error).toBe("25:00 不是有效的时间（00:00 到 23:59）。没有做任何更改。");
    expect((await api.say("chen.jie", "/mediaops quiet set 08:00-08:00", "general")).error).toBe("08:00-08:00 的结束时间与开始时间相同，等于没有免打扰时段。如不需要免打扰，请用 /mediaops quiet off。没有做任何更改。");
    expect((await api.say("chen.jie", "/mediaops quiet set 晚上", "general")).error).toBe("“晚上”不是时间段，请写成 22:00-08:00 这样。没有做任何更改。");
    expect((await api.say("emma", "/mediaops quiet set 22:00-7:60", "general")).error).toBe("7:60 is not a time of day (00:00 to 23:59). Nothing was changed.");
    expect((await user("chen.jie")).quietHours).toBeNull();
    expect(await svc.deps.db.auditLog.count({ where: { action: "people.quiet" } })).toBe(0);
  });

  it("shows the default, sets one's own (audited, no DM to oneself), turns them off", async () => {
    expect(reply(await api.say("chen.jie", "/mediaops quiet show", "general"))).toContain("22:00-08:00（Asia/Shanghai），默认设置。");
    const set = await api.say("chen.jie", "/mediaops quiet set 23:00-07:30", "general");
    expect(set.status, set.error).toBe(200);
    expect(reply(set)).toBe("陈杰 的免打扰时段：23:00-07:30（Asia/Shanghai）。");
    const chen = await user("chen.jie");
    expect(chen.quietHours).toBe("23:00-07:30");
    const row = await svc.deps.db.auditLog.findFirstOrThrow({ where: { action: "people.quiet", subjectId: chen.id } });
    expect(row.actorId).toBe(chen.id);
    expect(await svc.deps.db.outboxMessage.count({ where: { kind: "direct", userId: chen.id } })).toBe(0);
    expect(reply(await api.say("chen.jie", "/mediaops quiet off", "general"))).toBe("已关闭 陈杰 的免打扰时段：提醒随时发送。");
    expect((await user("chen.jie")).quietHours).toBe("off");
    expect(reply(await api.say("chen.jie", "/mediaops quiet show", "general"))).toContain("未设置：提醒随时发送。");
  });

  it("an admin sets someone else's, who is told in their language; an operator may not", async () => {
    const denied = await api.say("chen.jie", "/mediaops quiet set 23:00-07:00 @emma", "general");
    expect(denied.error).toBe("只有本人或管理员可以修改他人的免打扰时段。你的角色：运营。");
    expect(await svc.deps.db.auditLog.count({ where: { action: "auth.denied", subjectId: "people.quiet_set" } })).toBe(1);
    expect((await user("emma")).quietHours).toBeNull();
    const ok = await api.say("wang.fang", "/mediaops quiet set @emma 23:00-07:00", "general");
    expect(ok.status, ok.error).toBe(200);
    expect((await user("emma")).quietHours).toBe("23:00-07:00");
    expect((await lastDirect("emma")).title).toBe("Your quiet hours are now 23:00-07:00 (Europe/London), set by 王芳.");
  });
});

describe("time zone and language", () => {
  it("an unknown zone is refused; one's own zone is set in its canonical spelling and audited", async () => {
    expect((await api.say("li.wei", "/mediaops timezone Mars/Olympus", "general")).error).toBe("“Mars/Olympus”不是有效的时区。请使用 IANA 时区名，例如 Asia/Shanghai、Europe/London、America/New_York。没有做任何更改。");
    expect((await user("li.wei")).timezone).toBe("Asia/Shanghai");
    const ok = await api.say("li.wei", "/mediaops timezone asia/tokyo", "general");
    expect(ok.status, ok.error).toBe(200);
    expect(reply(ok)).toBe("李伟 的时区已设为 Asia/Tokyo（当前 2026-11-26 11:00）。");
    expect((await user("li.wei")).timezone).toBe("Asia/Tokyo");
    expect(await svc.deps.db.auditLog.count({ where: { action: "people.timezone" } })).toBe(1);
    expect(reply(await api.say("li.wei", "/mediaops timezone", "general"))).toBe("李伟 的时区：Asia/Tokyo（当前 2026-11-26 11:00）。");
  });

  it("an admin sets someone else's zone; they are told; an operator may not", async () => {
    expect((await api.say("chen.jie", "/mediaops timezone Europe/Paris @emma", "general")).error).toBe("只有本人或管理员可以修改他人的时区。你的角色：运营。");
    expect((await api.say("wang.fang", "/mediaops timezone America/New_York @emma", "general")).status).toBe(200);
    expect((await user("emma")).timezone).toBe("America/New_York");
    expect((await lastDirect("emma")).title).toBe("Your time zone is now America/New_York, set by 王芳.");
  });

  it("an unknown language is refused in the sender's language; one's own language changes the next answers", async () => {
    expect((await api.say("emma", "/mediaops language klingon", "general")).error).toBe('"klingon" is not a language the bot writes. Languages: zh-CN (中文), en (English). Nothing was changed.');
    expect((await api.say("zhang.min", "/mediaops language klingon", "general")).error).toBe("“klingon”不是机器人支持的语言。可用语言：中文、英文。没有做任何更改。");
    expect((await user("zhang.min")).locale).toBe("zh-CN");
    const ok = await api.say("zhang.min", "/mediaops language 英文", "general");
    expect(ok.status, ok.error).toBe(200);
    expect(reply(ok)).toBe("张敏 now reads the bot in English.");
    expect((await user("zhang.min")).locale).toBe("en");
    expect((await api.say("zhang.min", "/mediaops timezone Nowhere/Land", "general")).error).toContain('"Nowhere/Land" is not a time zone.');
    expect(await svc.deps.db.auditLog.count({ where: { action: "people.language" } })).toBe(1);
  });

  it("an admin sets someone else's language; the direct message is in the new language", async () => {
    expect((await api.say("chen.jie", "/mediaops language en @liu.yang", "general")).error).toBe("只有本人或管理员可以修改他人的语言。你的角色：运营。");
    expect((await api.say("wang.fang", "/mediaops language zh-CN @emma", "general")).status).toBe(200);
    const dm = await lastDirect("emma");
    expect(dm.row.locale).toBe("zh-CN");
    expect(dm.title).toBe("机器人今后用中文和你交流，由 王芳 设置。");
  });
});

describe("quiet hours hold reminders until they end (FakeClock)", () => {
  it("an SLA warning due in the owner's own quiet hours waits until they end", async () => {
    // chen.jie owns brand-douyin. Thursday 10:00 + 4 working hours (50% of 8): 10-12, 13:30-15:30 → 15:30.
    expect((await api.say("chen.jie", "/mediaops quiet set 15:00-16:00", "general")).status).toBe(200);
    const logged = await api.say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/quiet-1 安静时段的留言", "sla");
    expect(logged.status, logged.error).toBe(200);
    const item = await svc.deps.db.slaItem.findFirstOrThrow({ where: { link: "https://www.douyin.com/video/quiet-1" } });
    const cards = async () => (await api.read("sla", "chen.jie")).messages.filter((m) => m.card?.title.startsWith("即将超过响应时限"));
    svc.clock.set("2026-11-26T07:30:00Z"); // 15:30: due, inside 15:00-16:00
    const held = await runSlaSweep(svc.deps);
    expect(held.deferred).toBe(1);
    expect(await cards()).toHaveLength(0);
    expect((await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: item.id } })).nextReminderAt?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    svc.clock.set("2026-11-26T07:59:00Z");
    expect((await runSlaSweep(svc.deps)).due).toBe(0);
    svc.clock.set("2026-11-26T08:00:00Z"); // 16:00: quiet hours over
    expect(await runSlaSweep(svc.deps)).toMatchObject({ claimed: 1, cards: 1 });
    expect(await cards()).toHaveLength(1);
  });

  it("a review nudge to a reviewer in quiet hours waits in the outbox until they end; others get it at once", async () => {
    svc.clock.set("2026-11-27T02:00:00Z"); // Friday 10:00 Shanghai
    // li.wei (Asia/Tokyo since above) is quiet 10:30-12:00 on his clock, i.e. now (11:00 Tokyo).
    expect((await api.say("wang.fang", "/mediaops quiet set 10:30-12:00 @li.wei", "general")).status).toBe(200);
    const topicId = await draftingTopic(api, "安静时段的催办");
    const reviewId = await submit(api, `${topicId} https://docs.example.com/quiet`);
    const li = await user("li.wei");
    const zhang = await user("zhang.min");
    const before = await svc.deps.db.outboxMessage.count({ where: { kind: "direct", template: "review.alert" } });
    const nudged = await api.click("chen.jie", await statusCard(api, reviewId), "review.nudge");
    expect(nudged.status, nudged.error).toBe(200);
    const rows = await svc.deps.db.outboxMessage.findMany({ where: { kind: "direct", template: "review.alert" }, orderBy: { id: "asc" }, skip: before });
    const toLi = rows.find((r) => r.userId === li.id)!;
    const toZhang = rows.find((r) => r.userId === zhang.id)!;
    expect(toLi.status).toBe("pending");
    expect(toLi.nextAttemptAt.toISOString()).toBe("2026-11-27T03:00:00.000Z"); // 12:00 in Tokyo
    expect(toZhang.nextAttemptAt.getTime()).not.toBe(toLi.nextAttemptAt.getTime());
    svc.clock.set("2026-11-27T02:59:00Z");
    await deliverOutbox(svc.deps);
    expect((await svc.deps.db.outboxMessage.findUniqueOrThrow({ where: { id: toLi.id } })).status).toBe("pending");
    svc.clock.set("2026-11-27T03:00:00Z");
    await deliverOutbox(svc.deps);
    expect((await svc.deps.db.outboxMessage.findUniqueOrThrow({ where: { id: toLi.id } })).status).not.toBe("pending");
  });
});
