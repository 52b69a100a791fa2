// POST /feishu/events: Feishu/Lark events and card callbacks over HTTP. The route reads the raw body (the
// signature covers the exact bytes), so it lives in its own plugin with a buffer parser; other routes keep JSON.
import type { FastifyInstance } from "fastify";
import type { Clock } from "../../lib/clock.js";
import type { Log } from "../../lib/logger.js";
import { BODY_LIMIT } from "../../http/server.js";
import type { LarkInbound } from "./inbound.js";
import { openLarkRequest } from "./open-request.js";
import { larkEventType } from "./parse-inbound.js";

/** Options for the Feishu/Lark webhook route. */
export interface LarkRouteOptions {
  inbound: LarkInbound;
  verificationToken: string;
  encryptKey?: string;
  clock: Clock;
  log: Log;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Registers POST /feishu/events. */
export function registerLarkRoutes(app: FastifyInstance, opts: LarkRouteOptions): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post("/feishu/events", async (req, reply) => {
      const opened = openLarkRequest({
        rawBody: Buffer.isBuffer(req.body) ? req.body : undefined,
        headers: {
          timestamp: header(req.headers["x-lark-request-timestamp"]),
          nonce: header(req.headers["x-lark-request-nonce"]),
          signature: header(req.headers["x-lark-signature"]),
        },
        verificationToken: opts.verificationToken,
        encryptKey: opts.encryptKey,
        nowSeconds: Math.floor(opts.clock.now().getTime() / 1000),
      });
      if (!opened.ok) {
        opts.log.warn({ status: opened.status, error: opened.error }, "lark: request refused");
        return reply.code(opened.status).send({ error: opened.error });
      }
      const body = opened.body;
      if (body.type === "url_verification") {
        return typeof body.challenge === "string" ? reply.send({ challenge: body.challenge }) : reply.code(400).send({ error: "challenge missing" });
      }
      const type = larkEventType(body);
      // Stored before answered: a 503 instead of "received" when it could not be, so Feishu delivers it again.
      if (type === "card.action.trigger") {
        const answer = await opts.inbound.onCardAction(body);
        return answer ? reply.send(answer) : reply.code(503).send({ error: "busy, try again" });
      }
      if (type === "im.message.receive_v1") {
        if ((await opts.inbound.onMessage(body)) === "refused") return reply.code(503).send({ error: "busy, try again" });
      } else opts.log.debug({ type: type ?? "v1 or unknown" }, "lark: event ignored");
      return reply.send({});
    });
  });
}
