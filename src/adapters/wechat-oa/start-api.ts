// Switches on the WeChat OA server API when WECHAT_OA_APP_SECRET is set: one client per service (its token
// in the database, shared with the other replicas) and the scheduled work built on it. Other features that
// call the API (the KPI datacube pull) take `client` and add their jobs to `jobs`.
import type { AppDeps } from "../../app/deps.js";
import { databaseTokenStore } from "../../app/wechat-oa/token-store.js";
import type { WechatOaApiConfig } from "../../config/wechat-oa-env.js";
import type { PlatformJob } from "../start-platforms.js";
import { WechatOaClient } from "./client.js";
import { wechatOaFiguresJob } from "./figures-job.js";
import { commentPollJob } from "./poll-job.js";

/** The started API connector. */
export interface WechatOaApi {
  client: WechatOaClient;
  config: WechatOaApiConfig;
  /** Scheduled work that calls the API (run by the service's scheduler). */
  jobs: PlatformJob[];
  stop(): Promise<void>;
}

/** Builds the client for `cfg` on the service's database and clock. */
export function createWechatOaClient(deps: Pick<AppDeps, "db" | "clock" | "log">, cfg: Pick<WechatOaApiConfig, "appId" | "appSecret" | "apiUrl">): WechatOaClient {
  return new WechatOaClient({ apiUrl: cfg.apiUrl, appId: cfg.appId, appSecret: cfg.appSecret, clock: deps.clock, store: databaseTokenStore(deps.db), log: deps.log });
}

/** Starts the connector (service.ts, through start-platforms, when WECHAT_OA_APP_SECRET is set). */
export function startWechatOaApi(deps: AppDeps, cfg: WechatOaApiConfig): WechatOaApi {
  const client = createWechatOaClient(deps, cfg);
  (deps.polls ??= new Map()).set("wechat_oa_comments", { everyMinutes: cfg.pollMinutes, days: cfg.commentDays });
  return { client, config: cfg, jobs: [wechatOaFiguresJob(deps, client, cfg), commentPollJob(deps, client, cfg)], stop: async () => undefined };
}
