// Replies from chat on WeChat OA: an article comment through comment/reply/add (88005 "already replied" counts
// as answered), a direct message through the customer-service API (45015 past the 48-hour window). Refusals
// come back as neutral results; the outbox (src/app/sla/reply-delivery.ts) decides what they mean.
import type { ApiReplyRoute, PlatformReplier, PlatformReplyResult } from "../../app/sla/platform-reply.js";
import type { WechatOaClient } from "./client.js";
import { replyToComment } from "./comments-api.js";
import { sendCustomerText } from "./custom-message.js";
import { WechatApiError } from "./errors.js";

/** WeChat's "this comment already has the account's reply". */
export const ALREADY_REPLIED = 88005;

/**
 * The replier of one account. `account`: the SLA account code its items are filed under; undefined takes every
 * WeChat OA item (one configured account).
 */
export function wechatOaReplier(client: WechatOaClient, account?: string): PlatformReplier {
  return {
    handles: (route: ApiReplyRoute, itemAccount: string) => (route.kind === "wechat_comment" || route.kind === "wechat_dm") && (account === undefined || account === itemAccount),
    async send(route: ApiReplyRoute, text: string): Promise<PlatformReplyResult> {
      try {
        if (route.kind === "wechat_comment") await replyToComment(client, { msgDataId: route.ref.msgDataId, index: route.ref.index, userCommentId: route.ref.userCommentId }, text);
        else await sendCustomerText(client, route.openid, text);
        return { ok: true };
      } catch (err) {
        if (!(err instanceof WechatApiError)) throw err;
        if (route.kind === "wechat_comment" && err.errcode === ALREADY_REPLIED) return { ok: true, alreadyReplied: true };
        return { ok: false, info: err.info, detail: err.message };
      }
    },
  };
}
