// /mediaops remove --to (#12): the SLA item and incident cards of work handed over are refreshed in place, so nobody
// acts on a card that still names the person who left; the successor gets the item's card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, consoleClient, type ApiMessage } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
beforeAll(async () => {
  svc = await startTestService(); // Thursday 2026-11-26 10:00 in Shanghai
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

const find = async (channel: string, user: string, pred: (m: ApiMessage) => boolean) => (await api.read(channel, user)).messages.filter((m) => m.card && pred(m));

describe("cards of handed-over work", () => {
  it("an SLA item claimed by the removed person: its card shows the successor, who gets the card", async () => {
    const logged = await api.say("chen.jie", "/sla log 抖音 https://www.douyin.com/video/handover-1 交接的留言", "sla");
    expect(logged.status, logged.error).toBe(200);
    const item = await svc.deps.db.slaItem.findFirstOrThrow({ where: { link: "https://www.douyin.com/video/handover-1" } });
    expect((await api.say("chen.jie", `/sla claim ${item.id}`, "sla")).status).toBe(200);

    // An incident where chen.jie holds a role.
    const declared = await api.say("wang.fang", "/incident declare 交接的事件 --type platform --likelihood medium --impact severe", "incidents");
    expect(declared.status, declared.error).toBe(200);
    const inc = await svc.deps.db.incident.findFirstOrThrow({ where: { title: "交接的事件" } });
    expect((await api.say("wang.fang", `/incident role commander @chen.jie --id ${inc.id}`, "incidents")).status).toBe(200);
    const incidentCard = () => find("incidents", "wang.fang", (m) => m.card!.title.includes("交接的事件"));
    expect(cardText((await incidentCard())[0]!)).toContain("陈杰");

    const removed = await api.say("wang.fang", "/mediaops remove @chen.jie --to @liu.yang", "general");
    expect(removed.status, removed.error).toBe(200);

    // The card chen.jie was shown when he logged it now names 刘洋 and is open again.
    const itemCards = await find("sla", "chen.jie", (m) => cardText(m).includes(`#${item.id}`) && cardText(m).includes("交接的留言"));
    expect(itemCards.length).toBeGreaterThanOrEqual(1);
    for (const c of itemCards) expect(cardText(c)).toContain("刘洋");
    const row = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ status: "open", claimedById: null });
    expect((await find("sla", "liu.yang", (m) => cardText(m).includes("交接的留言"))).length).toBeGreaterThanOrEqual(1);

    // The incident card (posted in #incidents, updated in place) names the new commander.
    const [card] = await incidentCard();
    expect(cardText(card!)).toContain("刘洋");
    expect(cardText(card!)).not.toContain("陈杰");
    expect(await svc.deps.db.auditLog.count({ where: { action: "incident.role", reason: "people.remove", subjectId: String(inc.id) } })).toBe(1);
    expect(await svc.deps.db.incidentEvent.count({ where: { incidentId: inc.id, kind: "role" } })).toBeGreaterThanOrEqual(2);
  });
});
