// Mutated real payloads against every console endpoint: always a 4xx (or a 200 for what is still valid),
// never a 5xx, no state change from a refused request, and the service keeps answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultTest } from "../support/fault-report.js";
import { mutate, prng } from "../support/mutate.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.dispose());

const ROUNDS = 150;

async function state() {
  const db = svc.deps.db;
  return [await db.topic.count(), await db.topicVote.count(), await db.auditLog.count({ where: { action: { not: "auth.denied" } } })].join("/");
}

describe("fuzzing the console API", () => {
  // Each mutated request is one operation; its effect is an answer below 500. A 5xx answer counts as lost, and
  // a refused request that still changed state counts as duplicated (an effect on top of its refusal).
  faultTest(`${ROUNDS * 2} mutated console API bodies (lost = 5xx answers, duplicated = state changed by a refused request)`, async (ledger) => {
    const propose = await svc.app.inject({ method: "POST", url: "/console/api/messages", payload: { channel: "topics", user: "chen.jie", text: "/topic propose 模糊测试的种子 --platform douyin" } });
    const seedCard = propose.json().messages[0];
    const accept = seedCard.card.blocks.find((b: { type: string }) => b.type === "actions").buttons[0];
    const bodies: Record<string, string> = {
      "/console/api/messages": JSON.stringify({ channel: "topics", user: "chen.jie", text: "/topic list --status idea" }),
      "/console/api/actions": JSON.stringify({ user: "li.wei", messageId: seedCard.id, actionId: accept.actionId, value: accept.value }),
    };
    const rnd = prng(20261126);
    for (let i = 0; i < ROUNDS; i++) {
      for (const [url, body] of Object.entries(bodies)) {
        const key = `${url} #${i}`;
        ledger.attempt(key);
        const before = await state();
        const res = await svc.app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: mutate(body, rnd) });
        if (res.statusCode < 500) ledger.seen(key);
        if (res.statusCode >= 400 && (await state()) !== before) ledger.seen(key);
      }
    }
    expect((await svc.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });

  it("refuses bodies over the size limit with 413", async () => {
    const res = await svc.app.inject({ method: "POST", url: "/console/api/messages", headers: { "content-type": "application/json" }, payload: JSON.stringify({ channel: "topics", user: "emma", text: "x".repeat(400_000) }) });
    expect(res.statusCode).toBe(413);
  });
});
