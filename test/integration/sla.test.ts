// The SLA engine end to end on the console: items in through the signed webhook and /sla log, a FakeClock
// moved through warnings, breach and escalation across National Day 2026, the cards each person received,
// the buttons, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { runSlaSweep } from "../../src/app/sla/sweep.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

const SECRET = "sla-test-secret-0123456789";
let svc: TestService;
let con: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  // Wednesday 2026-09-30 16:00 Shanghai, the eve of the National Day break (Oct 1-7).
  svc = await startTestService({ clock: new FakeClock("2026-09-30T08:00:00Z"), env: { MEDIAOPS_INGEST_SECRET: SECRET } });
  con = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

function ingest(items: unknown) {
  const body = JSON.stringify(items);
  const ts = String(Math.floor(svc.clock.now().getTime() / 1000));
  return svc.app.inject({ method: "POST", url: "/ingest/comments", payload: body, headers: { "content-type": "application/json", "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(SECRET, ts, body) } });
}
const item = (id: string, extra: Record<string, unknown> = {}) => ({ platform: "douyin", account: "brand-douyin", kind: "comment", externalId: id, author: "小林", text: `问题 ${id}`, link: `https://www.douyin.com/video/${id}`, createdAt: svc.clock.now().toISOString(), ...extra });
async function last(user: string, say: string): Promise<string> {
  const said = await con.say(user, say, "sla");
  if (said.error) return said.error;
  const r = await con.read("sla", user);
  return cardText(r.messages.filter((m) => m.authorKind === "bot").at(-1)!);
}
async function cards(user: string): Promise<ApiMessage[]> {
  const r = await con.read("sla", user);
  return r.messages.filter((m) => m.authorKind === "bot" && m.card);
}
const at = (iso: string) => svc.clock.set(iso);

describe("SLA across National Day 2026", () => {
  it("warns the owner, then on breach tells owner and lead, then the manager, once per step", async () => {
    const res = await ingest([item("nd-1")]);
    expect(res.statusCode).toBe(200);
    // 16:00 Wed + 480 working minutes: 150 on Sep 30, the 7-day break, then Oct 8 09:00-12:00 and 13:30-16:00.
    expect(res.json().results[0]).toMatchObject({ status: "accepted", deadlineAt: "2026-10-08T08:00:00.000Z" });

    at("2026-10-03T02:00:00Z"); // a holiday: nothing is due
    expect((await runSlaSweep(svc.deps)).due).toBe(0);

    at("2026-10-08T02:30:00Z"); // Oct 8 10:30 = 50% of the working time
    expect(await runSlaSweep(svc.deps)).toMatchObject({ due: 1, claimed: 1, cards: 1 });
    const warn = (await cards("chen.jie")).at(-1)!;
    expect(warn.card!.title).toBe("即将超过响应时限 · #1");
    expect(cardText(warn)).toContain("小林: “问题 nd-1”");
    // Counted like the deadline: 10:30-12:00 and 13:30-16:00 are 4 working hours (5 h 30 on the wall clock).
    expect(cardText(warn)).toContain("剩余时间: 还剩 4小时 · 即将到期");
    expect(warn.card!.blocks.some((b) => b.type === "actions" && b.buttons.map((x) => x.actionId).join() === "sla.claim,sla.reply,sla.answer,sla.dismiss,sla.reassign")).toBe(true);

    at("2026-10-08T08:00:00Z"); // the deadline: breach to the owner, escalation step 1 to the lead
    await runSlaSweep(svc.deps);
    expect((await cards("chen.jie")).at(-1)!.card!.title).toBe("已超过响应时限 · #1");
    const lead = (await cards("liu.yang")).at(-1)!;
    expect(lead.card!.title).toBe("升级提醒：已超过响应时限 · #1");
    expect(cardText(lead)).toContain("升级第 1/2 级");

    at("2026-10-09T02:30:00Z"); // 240 working minutes after the deadline (Oct 9 10:30): the manager
    await runSlaSweep(svc.deps);
    expect(cardText((await cards("wang.fang")).at(-1)!)).toContain("升级第 2/2 级");

    at("2026-10-12T02:30:00Z");
    expect((await runSlaSweep(svc.deps)).due).toBe(0); // nothing left to send: each step went once
    const trail = await svc.deps.db.auditLog.findMany({ where: { subjectType: "sla", subjectId: "1" }, orderBy: { id: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(["sla.breach", "sla.escalate", "sla.escalate"]);
    expect(JSON.parse(trail[2]!.afterJson!)).toMatchObject({ step: 2, to: "manager" });
  });

  it("closes an item from its card, updates every copy in place, and tells a late click who did what", async () => {
    const mine = (await cards("chen.jie")).at(-1)!;
    const leadCopy = (await cards("liu.yang")).at(-1)!; // the lead's escalation card, read before the answer
    const r = await con.click("chen.jie", mine, "sla.answer", "已私信用户，提供了物流单号");
    expect(r.status).toBe(200);
    expect((await cards("chen.jie")).at(-1)!.card!.title).toContain("#1 已标记为已回复（已超时）");

    // Every card of #1 (the owner's and the lead's, sent by earlier sweeps) now shows who answered, no buttons.
    for (const [user, copy] of [["chen.jie", mine], ["liu.yang", leadCopy]] as const) {
      const now = (await cards(user)).find((m) => m.id === copy.id)!;
      expect(now.card!.title).toBe("已回复 · #1");
      expect(outcomeOf(now)).toBe("陈杰 标记为已回复 · 2026-10-12 10:30 · 响应用时 28小时（工作时间）"); // Sep 30 150 min, Oct 8, 9 and the make-up Saturday Oct 10 480 each, Oct 12 90
      expect(cardText(now)).toContain("回复内容: 已私信用户，提供了物流单号");
      expect(now.card!.blocks.some((b) => b.type === "actions")).toBe(false);
    }

    // A click on a copy read before the answer changes nothing and says who answered and when.
    const late = await con.click("liu.yang", leadCopy, "sla.claim");
    expect(late.error ?? cardText(late.messages.at(-1)!)).toBe("留言 #1 已由 陈杰 于 2026-10-12 10:30 标记为“已回复”，没有做任何更改。");
    const row = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: 1 } });
    expect(row).toMatchObject({ status: "answered", nextReminderAt: null, answer: "已私信用户，提供了物流单号" });
    const last = await svc.deps.db.auditLog.findFirst({ where: { subjectType: "sla", subjectId: "1" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "sla.answer", reason: "已私信用户，提供了物流单号" });
  });

  it("sends one summary card for many due items and holds warnings in quiet hours", async () => {
    at("2026-10-12T01:00:00Z"); // Monday 09:00
    const res = await ingest([item("m-1"), item("m-2"), item("m-3")]);
    expect(res.json().accepted).toBe(3);
    const before = (await cards("chen.jie")).length;
    at("2026-10-12T06:30:00Z"); // 14:30 = 240 working minutes: the 50% point of each
    expect(await runSlaSweep(svc.deps)).toMatchObject({ claimed: 3, cards: 1 });
    const after = await cards("chen.jie");
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.card!.title).toBe("有 3 条留言等你回复");

    // A weibo comment for Emma (London), at 17:00 Shanghai: its 50% point is Tuesday 11:30 Shanghai, 04:30 in London.
    at("2026-10-12T09:00:00Z");
    await ingest([{ ...item("w-1"), platform: "weibo", account: "brand-weibo" }]);
    const row = await svc.deps.db.slaItem.findFirstOrThrow({ where: { externalId: "w-1" } });
    at("2026-10-13T03:30:00Z"); // due, but 04:30 in London: quiet hours until 08:00 BST
    const emmaBefore = (await cards("emma")).length;
    const swept = await runSlaSweep(svc.deps);
    expect(swept.deferred).toBeGreaterThanOrEqual(1);
    expect((await cards("emma")).length).toBe(emmaBefore);
    const held = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: row.id } });
    expect(held.nextReminderAt?.toISOString()).toBe("2026-10-13T07:00:00.000Z"); // 08:00 BST
    expect(held.warningsSent).toBe(0);
  });

  it("logs an item by hand, lists it on the board and in /sla mine, and gives figures", async () => {
    at("2026-10-13T04:00:00Z"); // Tuesday 12:00: a complaint's 2 working hours run 13:30-15:30
    const logged = await last("chen.jie", "/sla log douyin https://www.douyin.com/video/hand-1 用户说发货太慢 --kind complaint");
    expect(logged).toMatch(/^已登记 · #\d+\n/);
    expect(logged).toContain("响应时限: 2026-10-13 15:30");
    expect(await last("chen.jie", "/sla log douyin https://www.douyin.com/video/hand-1")).toMatch(/该链接已登记为 #\d+/);
    expect(await last("chen.jie", "/sla log myspace https://x.example/1")).toContain("未知平台“myspace”");

    const text = await last("emma", "/sla board");
    expect(text).toMatch(/^Open items by time left \(\d+\)/);
    expect(text.indexOf("overdue")).toBeLessThan(text.indexOf("left ·")); // breached first
    expect(await last("emma", "/sla mine")).toContain("Brand Weibo");

    const s = await last("wang.fang", "/sla stats 30d");
    expect(s).toContain("首次响应统计");
    expect(s).toMatch(/陈杰：1 条，已回复 1/);
    expect(await last("wang.fang", "/sla stats fortnight")).toContain("“fortnight”不是有效的时间段");
  });

  it("lets two replicas sweep at once without sending a reminder twice", async () => {
    at("2026-10-14T01:00:00Z"); // Wednesday 09:00
    await ingest([item("r-1"), item("r-2")]);
    const before = (await cards("chen.jie")).length;
    at("2026-10-14T06:30:00Z"); // 14:30: the 50% point of both (earlier items fall due as well)
    const due = await svc.deps.db.slaItem.count({ where: { status: { in: ["open", "claimed"] }, nextReminderAt: { lte: svc.clock.now() } } });
    const [a, b] = await Promise.all([runSlaSweep(svc.deps), runSlaSweep(svc.deps)]);
    expect(a.claimed + b.claimed).toBe(due); // every due item claimed by exactly one replica
    const got = (await cards("chen.jie")).slice(before);
    expect(got.length).toBeGreaterThan(0);
    const ids = got.flatMap((m) => [...cardText(m).matchAll(/#(\d+)/g)].map((x) => x[1]));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length); // no item on two cards of the same person
    const rows = await svc.deps.db.slaItem.findMany({ where: { externalId: { in: ["r-1", "r-2"] } } });
    expect(rows.map((r) => r.warningsSent)).toEqual([1, 1]);
  });
});
