// Switches on each chat platform whose credentials are set. Each adapter (and its SDK: Bolt, the Lark SDK)
// is imported only when configured, so a console-only service does not carry them in memory.
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../app/deps.js";
import type { TEnv } from "../config/env.js";
import { larkConfig } from "../config/lark-env.js";
import { wechatOaApiConfig, wechatOaConfig } from "../config/wechat-oa-env.js";
import { wecomConfig } from "../config/wecom-env.js";

/** Scheduled work a platform connector brings (the shape of src/jobs' JobDefinition). */
export interface PlatformJob {
  id: string;
  cron: string;
  /** Names the slot a run belongs to; a slot runs once across replicas. */
  slot?: (now: Date) => string;
  run: () => Promise<unknown>;
}

/** The started platforms, stopped together. */
export interface Platforms {
  /** Jobs of the connectors (WeChat OA comment polling...), for the scheduler. */
  jobs: PlatformJob[];
  stop(): Promise<void>;
  /** Resolves once the work the connectors do after answering a platform (Slack's 3 s...) has finished. */
  idle(): Promise<void>;
}

/** Mounts the routes and registers the outbound channels of every configured platform. */
export async function startPlatforms(app: FastifyInstance, deps: AppDeps, env: TEnv): Promise<Platforms> {
  const stoppers: { stop(): Promise<void> }[] = [];
  const jobs: PlatformJob[] = [];
  const idlers: (() => Promise<void>)[] = [];
  if (env.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import("./slack/index.js");
    const slack = createSlackAdapter(env, deps.log);
    if (slack) {
      deps.channels.set("slack", slack.channel);
      await slack.mount(app, deps, env.MEDIAOPS_LOCALE);
      idlers.push(() => slack.idle());
    }
  }
  const lark = larkConfig(env);
  if (lark) {
    const started = (await import("./lark/start.js")).startLark(app, deps, lark);
    stoppers.push(started);
    idlers.push(() => started.inbound.idle());
  }
  const wecom = wecomConfig(env);
  if (wecom) {
    const started = (await import("./wecom/start.js")).startWecom(app, deps, wecom);
    stoppers.push(started);
    idlers.push(() => started.inbound.idle());
  }
  const wechatOa = wechatOaConfig(env);
  if (wechatOa) {
    const started = (await import("./wechat-oa/routes.js")).startWechatOa(app, deps, wechatOa);
    stoppers.push(started);
    idlers.push(() => started.idle());
  }
  const wechatOaApi = wechatOaApiConfig(env);
  if (wechatOaApi) {
    const api = (await import("./wechat-oa/start-api.js")).startWechatOaApi(deps, wechatOaApi);
    jobs.push(...api.jobs);
    // Replies from SLA cards go out through this account's API.
    deps.repliers = [...(deps.repliers ?? []), (await import("./wechat-oa/replier.js")).wechatOaReplier(api.client, wechatOaApi.account)];
    stoppers.push(api);
  }
  return {
    jobs,
    async stop() {
      for (const s of stoppers) await s.stop();
    },
    async idle() {
      for (const idle of idlers) await idle();
    },
  };
}
