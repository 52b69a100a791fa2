// Which way an SLA item's reply leaves: a WeChat OA comment through comment/reply/add with its three coordinates,
// a WeChat OA direct message through the customer-service API to its author, anything else kept for copying.
import { describe, expect, it } from "vitest";
import { replyRoute, WECHAT_DM_WINDOW_MS, ZWechatCommentRef } from "../../../src/domain/sla/index.js";

const createdAt = new Date("2026-11-26T02:00:00Z");
const comment = { platform: "wechat_oa", kind: "comment", author: "oAbc", createdAt, msgDataId: "2247483650", articleIndex: 0, userCommentId: "7" };

describe("reply routes", () => {
  it("answers a WeChat OA comment with its article, index (0 included) and comment id", () => {
    expect(replyRoute(comment)).toEqual({ kind: "wechat_comment", ref: { msgDataId: "2247483650", index: 0, userCommentId: "7" } });
    expect(replyRoute({ ...comment, articleIndex: 2 })).toEqual({ kind: "wechat_comment", ref: { msgDataId: "2247483650", index: 2, userCommentId: "7" } });
  });
  it("keeps a comment missing any coordinate for copying", () => {
    for (const missing of [{ msgDataId: null }, { msgDataId: "" }, { articleIndex: null }, { articleIndex: undefined }, { userCommentId: null }, { userCommentId: "" }]) {
      expect(replyRoute({ ...comment, ...missing }), JSON.stringify(missing)).toEqual({ kind: "copy" });
    }
  });
  it("answers a WeChat OA direct message to its author, timed from the last message or else its arrival", () => {
    const dm = { platform: "wechat_oa", kind: "dm", author: "oXyz", createdAt };
    const last = new Date("2026-11-26T05:00:00Z");
    expect(replyRoute({ ...dm, lastMessageAt: last })).toEqual({ kind: "wechat_dm", openid: "oXyz", lastMessageAt: last });
    expect(replyRoute({ ...dm, lastMessageAt: null })).toEqual({ kind: "wechat_dm", openid: "oXyz", lastMessageAt: createdAt });
    expect(replyRoute({ ...dm, author: "" })).toEqual({ kind: "copy" });
    expect(WECHAT_DM_WINDOW_MS).toBe(48 * 3600_000);
  });
  it("keeps other platforms' items, and a WeChat OA mention, for copying", () => {
    expect(replyRoute({ ...comment, platform: "weibo" })).toEqual({ kind: "copy" });
    expect(replyRoute({ ...comment, platform: "douyin", kind: "dm" })).toEqual({ kind: "copy" });
    expect(replyRoute({ platform: "wechat_oa", kind: "mention", author: "oAbc", createdAt })).toEqual({ kind: "copy" });
  });
  it("checks a poller's comment coordinates: digits only, index 0 to 100", () => {
    expect(ZWechatCommentRef.safeParse({ msgDataId: "1", index: 0, userCommentId: "2" }).success).toBe(true);
    expect(ZWechatCommentRef.safeParse({ msgDataId: "1", index: 100, userCommentId: "2" }).success).toBe(true);
    for (const bad of [{ index: 101 }, { index: -1 }, { index: 1.5 }, { msgDataId: "12a" }, { userCommentId: "" }, { msgDataId: "1".repeat(21) }]) {
      expect(ZWechatCommentRef.safeParse({ msgDataId: "1", index: 0, userCommentId: "2", ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
