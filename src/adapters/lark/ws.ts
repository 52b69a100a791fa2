// FEISHU_MODE=ws: the node-sdk long connection. Events and card callbacks arrive decrypted over a WebSocket the
// SDK opens to Feishu (no public URL); the SDK hands our handlers its flattened data, which we re-envelope.
import * as lark from "@larksuiteoapi/node-sdk";
import type { LarkConfig } from "../../config/lark-env.js";
import type { Log } from "../../lib/logger.js";
import { larkDomain, sdkLogger } from "./client.js";
import type { LarkInbound } from "./inbound.js";
import { envelopeFromFlattened } from "./parse-inbound.js";

/** The dispatcher with our two handlers registered (what WSClient.start is given). */
export function createLarkDispatcher(inbound: LarkInbound, log: Log): lark.EventDispatcher {
  // The SDK types each event's data in detail (hence the cast); we take it as a plain record and re-envelope it.
  return new lark.EventDispatcher({ logger: sdkLogger(log), loggerLevel: lark.LoggerLevel.warn }).register({
    // Throwing answers the frame with an error, so Feishu delivers an event that could not be stored again.
    "im.message.receive_v1": async (data: Record<string, unknown>) => {
      if ((await inbound.onMessage(envelopeFromFlattened(data))) === "refused") throw new Error("lark: inbox full or database unavailable; not received");
    },
    "card.action.trigger": async (data: Record<string, unknown>) => {
      const answer = await inbound.onCardAction(envelopeFromFlattened(data));
      if (!answer) throw new Error("lark: inbox full or database unavailable; not received");
      return answer;
    },
  } as never);
}

/** A long-connection client; call `start({ eventDispatcher })` to connect and `close()` to stop. */
export function createLarkWsClient(cfg: LarkConfig, log: Log): lark.WSClient {
  return new lark.WSClient({
    appId: cfg.appId,
    appSecret: cfg.appSecret,
    domain: larkDomain(cfg.domain),
    logger: sdkLogger(log),
    loggerLevel: lark.LoggerLevel.warn,
    autoReconnect: true,
    onError: (err: Error) => log.error({ err: String(err) }, "lark: long connection failed"),
  });
}
