// The scheduled datacube pull: every 30 minutes (a slot runs once across replicas), pullFigures fetches the days
// of the last 30 not stored yet; after 08:00 team time that includes yesterday. A failed day waits for the next run.
import { z } from "zod";
import type { AppDeps } from "../../app/deps.js";
import { pullFigures, type PulledSource } from "../../app/kpi/pull-figures.js";
import type { WechatOaApiConfig } from "../../config/wechat-oa-env.js";
import type { PlatformJob } from "../start-platforms.js";
import type { WechatOaClient } from "./client.js";
import { datacubeFeeds } from "./datacube-api.js";
import { WechatApiError } from "./errors.js";

/** The account's figures as a pulled source (account: WECHAT_OA_ACCOUNT, else "main"). */
export function wechatOaFigureSource(client: WechatOaClient, cfg: Pick<WechatOaApiConfig, "account">): PulledSource {
  return {
    source: "wechat_oa",
    platform: "wechat_oa",
    account: cfg.account ?? "main",
    feeds: datacubeFeeds(client),
    problemOf: (err) => (err instanceof WechatApiError ? err.info : err instanceof z.ZodError ? { problem: "other", retryable: true } : undefined),
  };
}

/** The job the scheduler runs. */
export function wechatOaFiguresJob(deps: AppDeps, client: WechatOaClient, cfg: Pick<WechatOaApiConfig, "account">): PlatformJob {
  const source = wechatOaFigureSource(client, cfg);
  return {
    id: "wechat-oa.figures",
    cron: "40 7,37 * * * *",
    slot: (now) => now.toISOString().slice(0, 16),
    run: () => pullFigures(deps, source),
  };
}
