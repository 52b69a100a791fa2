// Wires Feishu/Lark into a running service: the channel, and the webhook route or the long connection.
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import type { LarkConfig } from "../../config/lark-env.js";
import { LarkChannel } from "./channel.js";
import { createLarkClient, sdkMessenger } from "./client.js";
import { LarkInbound } from "./inbound.js";
import { registerLarkRoutes } from "./routes.js";
import { createLarkDispatcher, createLarkWsClient } from "./ws.js";

/** A started Lark adapter. */
export interface LarkAdapter {
  channel: LarkChannel;
  inbound: LarkInbound;
  /** Closes the long connection (ws mode) and waits for background work. */
  stop(): Promise<void>;
}

/** Registers the channel in `deps.channels` and the route on `app` (webhook) or starts the long connection (ws). */
export function startLark(app: FastifyInstance, deps: AppDeps, cfg: LarkConfig): LarkAdapter {
  const channel = new LarkChannel(sdkMessenger(createLarkClient(cfg, deps.log)), deps.log);
  deps.channels.set("lark", channel);
  const inbound = new LarkInbound(deps, channel);
  let close = () => {};
  if (cfg.mode === "webhook") {
    registerLarkRoutes(app, { inbound, verificationToken: cfg.verificationToken, encryptKey: cfg.encryptKey, clock: deps.clock, log: deps.log });
  } else {
    const ws = createLarkWsClient(cfg, deps.log);
    ws.start({ eventDispatcher: createLarkDispatcher(inbound, deps.log) }).catch((err: unknown) => deps.log.error({ err: String(err) }, "lark: long connection did not start"));
    close = () => ws.close({ force: true });
    deps.log.info("lark: long connection mode (no public URL needed)");
  }
  return {
    channel,
    inbound,
    async stop() {
      close();
      await inbound.idle();
    },
  };
}
