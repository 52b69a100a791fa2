// The WeChat OA comment poll (every WECHAT_OA_POLL_MINUTES): the articles of the last WECHAT_OA_COMMENT_DAYS
// days from datacube/getarticlesummary (msgid "<msg_data_id>_<n>"), every comment of each through comment/list
// in pages of 49, handed to the app as neutral items. The app stores new ones as SLA items of kind comment and
// closes the ones the account already answered in the WeChat backend. A failure is recorded for /sla sources
// and the next run tries again. (The product sends no mass messages, so getarticlesummary is the only list.)
import type { PolledItem, PollOutcome } from "../../app/sla/polled-items.js";
import { pollTarget, recordPollError, storePolledItems } from "../../app/sla/polled-items.js";
import type { AppDeps } from "../../app/deps.js";
import type { WechatOaApiConfig } from "../../config/wechat-oa-env.js";
import dayjs from "../../lib/dayjs.js";
import { articlesOfDay } from "./articles-api.js";
import type { WechatOaClient } from "./client.js";
import { allComments, type ArticleRef, type WechatComment } from "./comments-api.js";
import { WechatApiError } from "./errors.js";

/** WeChat's statistics days are Beijing days. */
const WECHAT_ZONE = "Asia/Shanghai";

/** The SLA item id of a comment: unique per account, and enough to reply to it (see commentRefOf). */
export function commentExternalId(article: ArticleRef, userCommentId: string): string {
  return `${article.msgDataId}_${article.index}_${userCommentId}`;
}

/** A comment's reference back from its external id (what comment/reply/add needs), or undefined. */
export function commentRefOf(externalId: string): (ArticleRef & { userCommentId: string }) | undefined {
  const m = /^(\d{1,20})_(\d{1,3})_(\d{1,20})$/.exec(externalId);
  return m ? { msgDataId: m[1]!, index: Number(m[2]), userCommentId: m[3]! } : undefined;
}

const secs = (s: number) => new Date(s * 1000);

/** One comment as a neutral polled item. */
export function polledComment(article: ArticleRef, c: WechatComment): PolledItem {
  return {
    externalId: commentExternalId(article, c.user_comment_id),
    author: c.openid,
    text: c.content,
    createdAt: secs(c.create_time),
    comment: { msgDataId: article.msgDataId, index: article.index, userCommentId: c.user_comment_id },
    ...(c.reply ? { answer: { at: secs(c.reply.create_time), text: c.reply.content } } : {}),
  };
}

/** The articles of today and the `days` - 1 days before (Beijing days), each once. */
async function recentArticles(client: WechatOaClient, now: Date, days: number, log: AppDeps["log"]): Promise<ArticleRef[]> {
  const seen = new Map<string, ArticleRef>();
  const today = dayjs(now).tz(WECHAT_ZONE);
  for (let back = 0; back < days; back++) {
    const day = today.subtract(back, "day").format("YYYY-MM-DD");
    try {
      for (const a of await articlesOfDay(client, day)) seen.set(`${a.msgDataId}_${a.index}`, { msgDataId: a.msgDataId, index: a.index });
    } catch (err) {
      // Today's figures may not exist yet (WeChat publishes a day's data the next morning): not a failure.
      if (back === 0 && err instanceof WechatApiError && !err.isTokenError && err.info.problem === "other") {
        log.debug({ day, errcode: err.errcode }, "wechat-oa: no article list for today yet");
        continue;
      }
      throw err;
    }
  }
  return [...seen.values()];
}

/** One poll run; never throws (a failure is logged and recorded for /sla sources). */
export async function pollWechatComments(deps: AppDeps, client: WechatOaClient, cfg: Pick<WechatOaApiConfig, "commentDays" | "account">): Promise<PollOutcome | undefined> {
  const target = await pollTarget(deps, "wechat_oa", "comment", cfg.account);
  if (!target.ok) {
    deps.log.warn({ problem: target.error.problem, detail: target.error.detail }, "wechat-oa: comment poll has nowhere to file comments");
    await recordPollError(deps, "wechat_oa_comments", target.error);
    return undefined;
  }
  try {
    const items: PolledItem[] = [];
    for (const article of await recentArticles(client, deps.clock.now(), cfg.commentDays, deps.log)) {
      try {
        for (const c of await allComments(client, article)) items.push(polledComment(article, c));
      } catch (err) {
        // An article deleted, or with comments switched off, has nothing to poll: the others still count.
        if (err instanceof WechatApiError && (err.info.problem === "not_found" || err.info.problem === "not_allowed") && err.errcode >= 88000) {
          deps.log.debug({ article, errcode: err.errcode }, "wechat-oa: article has no comments to read");
          continue;
        }
        throw err;
      }
    }
    const outcome = await storePolledItems(deps, "wechat_oa_comments", { teamId: target.teamId, account: target.account, platform: "wechat_oa", kind: "comment" }, items);
    deps.log.info({ ...outcome }, "wechat-oa: comments polled");
    return outcome;
  } catch (err) {
    const info = err instanceof WechatApiError ? err.info : undefined;
    deps.log.error({ err }, "wechat-oa: comment poll failed");
    await recordPollError(deps, "wechat_oa_comments", info ? { problem: info.problem, code: info.code, ip: info.ip } : { problem: "other" });
    return undefined;
  }
}
