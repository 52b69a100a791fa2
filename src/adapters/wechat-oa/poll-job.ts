// The comment poll as a scheduled job: the cron fires every minute, and each WECHAT_OA_POLL_MINUTES-long slot
// runs once across replicas (the scheduler claims the slot). Replicas that do poll together anyway (a slot
// claim lost to a crash, a manual run) still store each comment once: the database decides duplicates.
import type { AppDeps } from "../../app/deps.js";
import type { WechatOaApiConfig } from "../../config/wechat-oa-env.js";
import type { PlatformJob } from "../start-platforms.js";
import type { WechatOaClient } from "./client.js";
import { pollWechatComments } from "./poll-comments.js";

/** The job id (logs, run keys). */
export const COMMENT_POLL_JOB = "wechat_oa.comments";

/** The poll job for `cfg`. */
export function commentPollJob(deps: AppDeps, client: WechatOaClient, cfg: Pick<WechatOaApiConfig, "pollMinutes" | "commentDays" | "account">): PlatformJob {
  const slotMs = cfg.pollMinutes * 60_000;
  return {
    id: COMMENT_POLL_JOB,
    cron: "10 * * * * *",
    slot: (now) => String(Math.floor(now.getTime() / slotMs)),
    run: () => pollWechatComments(deps, client, cfg),
  };
}
