// What a reply needs is stored with the item: a polled WeChat OA comment keeps its msg_data_id, index and
// user_comment_id; a direct message keeps when its author last wrote, moved on by their later messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSlaItems } from "../../src/app/sla/ingest-items.js";
import { replyRoute } from "../../src/domain/sla/index.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.dispose());

const base = { platform: "wechat_oa", account: "gh_demo_oa", author: "oPERSON1", text: "什么时候发货？" };

describe("reply coordinates on SLA items", () => {
  it("keeps a WeChat comment's msg_data_id, index and user_comment_id from the poller, not from a webhook", async () => {
    const comment = { msgDataId: "2247483650", index: 1, userCommentId: "17" };
    const [polled] = await ingestSlaItems(svc.deps, [{ ...base, kind: "comment", externalId: "c:2247483650:1:17", createdAt: "2026-11-26T01:00:00Z", comment }], "wechat_oa");
    const [hooked] = await ingestSlaItems(svc.deps, [{ ...base, kind: "comment", externalId: "c:hook", createdAt: "2026-11-26T01:00:00Z", comment }], "webhook");
    expect(polled!.status).toBe("accepted");
    const row = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: (polled as { id: number }).id } });
    expect({ m: row.msgDataId, i: row.articleIndex, u: row.userCommentId }).toEqual({ m: "2247483650", i: 1, u: "17" });
    expect(replyRoute(row)).toEqual({ kind: "wechat_comment", ref: comment });
    const other = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: (hooked as { id: number }).id } });
    expect(replyRoute(other)).toEqual({ kind: "copy" });
  });

  it("moves a direct message's last-message time when the same person writes again", async () => {
    const [first] = await ingestSlaItems(svc.deps, [{ ...base, kind: "dm", externalId: "9001", createdAt: "2026-11-25T01:00:00Z" }], "wechat_oa");
    await ingestSlaItems(svc.deps, [{ ...base, kind: "dm", externalId: "9002", createdAt: "2026-11-26T01:30:00Z" }], "wechat_oa");
    const row = await svc.deps.db.slaItem.findUniqueOrThrow({ where: { id: (first as { id: number }).id } });
    expect(row.lastMessageAt?.toISOString()).toBe("2026-11-26T01:30:00.000Z");
    expect(replyRoute(row)).toEqual({ kind: "wechat_dm", openid: "oPERSON1", lastMessageAt: new Date("2026-11-26T01:30:00Z") });
  });
});
