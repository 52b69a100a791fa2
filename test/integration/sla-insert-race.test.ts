// Two replicas polling the same WeChat comments (or a webhook retried while its first delivery is being stored)
// both get past "is it new?" and insert. The outcome of that race is set up here as a state, without timing:
// another writer has already stored one of the rows when this writer's insert runs. The insert must store only
// the others and report the row as not stored by this call, never fail the batch (src/app/sla/insert-items.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertItemsIgnoringDuplicates, type NewSlaRow } from "../../src/app/sla/insert-items.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc.dispose();
});

function row(teamId: string, externalId: string, at: Date): NewSlaRow {
  return {
    teamId, platform: "wechat_oa", account: "gh_demo_oa", kind: "comment", externalId, author: "读者", text: `留言 ${externalId}`, link: null,
    source: "wechat_oa_poll", createdAt: at, receivedAt: at, policyName: "default", targetMinutes: 120, dueAt: at, windowEndsAt: null, deadlineAt: at,
    scheduleJson: "[]", status: "open", nextReminderAt: null, updatedAt: at, msgDataId: "2247483647", articleIndex: 0, userCommentId: externalId, lastMessageAt: null,
  };
}

describe("storing polled items when another replica stored some of them first", () => {
  it("stores the rows nobody stored, skips the one already there, and does not fail", async () => {
    const { db, dialect } = svc.deps;
    const teamId = (await db.team.findFirstOrThrow({ select: { id: true } })).id;
    const at = svc.clock.now();
    // The other replica's insert, committed between this one's check and its insert.
    const first = await db.$transaction((tx) => insertItemsIgnoringDuplicates(tx, dialect, [row(teamId, "race-2", at)]));
    expect(first.map((r) => r.externalId)).toEqual(["race-2"]);

    const mine = await db.$transaction((tx) => insertItemsIgnoringDuplicates(tx, dialect, ["race-1", "race-2", "race-3"].map((id) => row(teamId, id, at))));
    expect(mine.map((r) => r.externalId).sort()).toEqual(["race-1", "race-3"]);
    const stored = await db.slaItem.findMany({ where: { externalId: { startsWith: "race-" } }, select: { externalId: true } });
    expect(stored.map((r) => r.externalId).sort()).toEqual(["race-1", "race-2", "race-3"]);
  });
});
