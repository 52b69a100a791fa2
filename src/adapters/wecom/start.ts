// Wires WeCom into a running service: the API client, the channel (and the group robot), the callback routes.
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import type { WecomConfig } from "../../config/wecom-env.js";
import { sendRobotMessage, WecomApi } from "./api.js";
import { WecomChannel } from "./channel.js";
import { WecomInbound } from "./inbound.js";
import { registerWecomRoutes } from "./routes.js";

/** A started WeCom adapter. */
export interface WecomAdapter {
  channel: WecomChannel;
  inbound: WecomInbound;
  /** Waits for background work. */
  stop(): Promise<void>;
}

/** Registers the channel in `deps.channels` and the callback routes on `app`. */
export function startWecom(app: FastifyInstance, deps: AppDeps, cfg: WecomConfig): WecomAdapter {
  const api = new WecomApi({ baseUrl: cfg.apiUrl, corpId: cfg.corpId, secret: cfg.secret, clock: deps.clock });
  const webhookKey = cfg.webhookKey;
  const channel = new WecomChannel({
    api,
    agentId: cfg.agentId,
    log: deps.log,
    robot: webhookKey ? (payload) => sendRobotMessage(cfg.apiUrl, webhookKey, payload) : undefined,
    nowMs: () => deps.clock.now().getTime(),
  });
  deps.channels.set("wecom", channel);
  const inbound = new WecomInbound(deps, channel, { corpId: cfg.corpId, agentId: cfg.agentId });
  registerWecomRoutes(app, { inbound, token: cfg.token, encodingAESKey: cfg.encodingAESKey, corpId: cfg.corpId, clock: deps.clock, log: deps.log });
  return { channel, inbound, stop: () => inbound.idle() };
}
