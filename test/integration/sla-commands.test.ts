// The /sla item commands do what the card's buttons do, for people who type: show, claim, answer, dismiss,
// assign. /sla log answers with the item's card, and that card moves with the item like any other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient, outcomeOf, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let con: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  svc = await startTestService(); // Thursday 2026-11-26 10:00 Shanghai
  con = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

/** What `user` sees last after typing `text` in #sla: the refusal, or the last bot message. */
async function say(user: string, text: string): Promise<{ error?: string; last?: ApiMessage }> {
  const r = await con.say(user, text, "sla");
  if (r.error) return { error: r.error };
  const read = await con.read("sla", user);
  return { last: read.messages.filter((m) => m.authorKind === "bot").at(-1) };
}
const again = async (user: string, m: ApiMessage) => (await con.read("sla", user)).messages.find((x) => x.id === m.id)!;
const buttons = (m: ApiMessage) => m.card?.blocks.flatMap((b) => (b.type === "actions" ? b.buttons.map((x) => x.actionId) : [])) ?? [];

describe("/sla on one item", () => {
  it("log answers with the card; claim, assign and answer by command move it; a late dismiss is told who answered", async () => {
    const { last: card } = await say("chen.jie", "/sla log douyin https://www.douyin.com/video/cmd-1 问尺码 --author 小王");
    expect(card!.card!.title).toBe("已登记 · #1");
    expect(cardText(card!)).toContain("小王: “问尺码”");
    expect(cardText(card!)).toContain("响应时限: 2026-11-27 10:00"); // 8 working hours
    expect(buttons(card!)).toEqual(["sla.claim", "sla.reply", "sla.answer", "sla.dismiss", "sla.reassign"]);

    const shown = (await say("liu.yang", "/sla show #1")).last!;
    expect(shown.card!.title).toBe("待回复 · #1");

    await say("chen.jie", "/sla claim 1");
    for (const [who, m] of [["chen.jie", card!], ["liu.yang", shown]] as const) {
      expect(cardText(await again(who, m))).toContain("状态: 处理中 · 陈杰");
      expect(buttons(await again(who, m))).toEqual(["sla.reply", "sla.answer", "sla.dismiss", "sla.reassign"]);
    }
    expect((await say("liu.yang", "/sla claim 1")).error ?? "").toBe("留言 #1 已由 陈杰 认领处理，没有做任何更改；如需交接请用“转交”。");

    await say("chen.jie", "/sla assign 1 @emma");
    expect(cardText(await again("chen.jie", card!))).toContain("状态: 待处理 · Emma Clarke");

    svc.clock.advance(30 * 60_000);
    await say("emma", "/sla answer 1 https://www.douyin.com/video/cmd-1?reply=9");
    const answered = await again("chen.jie", card!);
    expect(answered.card!.title).toBe("已回复 · #1");
    expect(outcomeOf(answered)).toBe("Emma Clarke 标记为已回复 · 2026-11-26 10:30 · 响应用时 30分钟（工作时间）");
    expect(buttons(answered)).toEqual([]);

    const before = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: 1 } });
    expect((await say("chen.jie", "/sla dismiss 1 重复")).error).toBe("留言 #1 已由 Emma Clarke 于 2026-11-26 10:30 标记为“已回复”，没有做任何更改。");
    expect(await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });

  it("dismisses without a note when typed, and refuses bad ids in the sender's language, changing nothing", async () => {
    await say("chen.jie", "/sla log douyin https://www.douyin.com/video/cmd-2");
    await say("chen.jie", "/sla dismiss 2");
    expect(await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({ status: "dismissed", dismissReason: null });
    expect((await say("chen.jie", "/sla claim abc")).error).toContain("“abc”不是留言编号");
    expect((await say("emma", "/sla show 999")).error).toBe("There is no SLA item #999. Type /sla board to see the open ones.");
    expect((await say("chen.jie", "/sla assign 1")).error).toBeTruthy();
    const audits = await svc.deps.db.auditLog.findMany({ where: { subjectType: "sla", subjectId: "1" }, select: { action: true }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["sla.log", "sla.claim", "sla.reassign", "sla.answer"]);
  });
});
