// What replying on the platform needs, carried by the SLA item. Pure. A WeChat OA article comment is answered
// through comment/reply/add with the article's msg_data_id, its 0-based index in the send and the comment's
// user_comment_id; a WeChat OA direct message through the customer-service API to the author's openid, within
// 48 hours of their last message. Items of other platforms have no API here: the reply is kept for copying.
import { z } from "zod";

/** The coordinates of a WeChat OA article comment (the poller passes them as `comment` on the raw item). */
export const ZWechatCommentRef = z.object({
  msgDataId: z.string().regex(/^\d{1,20}$/),
  index: z.number().int().min(0).max(100),
  userCommentId: z.string().regex(/^\d{1,20}$/),
});
/** A checked comment reference. */
export type TWechatCommentRef = z.output<typeof ZWechatCommentRef>;

/** The 48-hour customer-service window of WeChat OA direct messages. */
export const WECHAT_DM_WINDOW_MS = 48 * 3600_000;

/** How an item's reply leaves: through an API, or kept on the card for someone to copy. */
export type ReplyRoute =
  | { kind: "wechat_comment"; ref: TWechatCommentRef }
  | { kind: "wechat_dm"; openid: string; lastMessageAt: Date }
  | { kind: "copy" };

/** The route of an item's reply, from the fields the item carries. */
export function replyRoute(item: {
  platform: string; kind: string; author: string; createdAt: Date;
  msgDataId?: string | null; articleIndex?: number | null; userCommentId?: string | null; lastMessageAt?: Date | null;
}): ReplyRoute {
  if (item.platform !== "wechat_oa") return { kind: "copy" };
  if (item.msgDataId && item.articleIndex !== null && item.articleIndex !== undefined && item.userCommentId) {
    return { kind: "wechat_comment", ref: { msgDataId: item.msgDataId, index: item.articleIndex, userCommentId: item.userCommentId } };
  }
  if (item.kind === "dm" && item.author) return { kind: "wechat_dm", openid: item.author, lastMessageAt: item.lastMessageAt ?? item.createdAt };
  return { kind: "copy" };
}
