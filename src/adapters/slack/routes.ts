// POST /slack/events: slash commands, interactivity and the Events API on one URL. The raw bytes are kept
// (the signature covers them), checked with our verifier (stricter than Bolt's: future timestamps are refused
// too), decoded, and handed to Bolt through FastifyReceiver; the ack is the HTTP answer.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Log } from "../../lib/logger.js";
import { decodeSlackBody, isSslCheck } from "./body.js";
import { classifySlackBody } from "./parse-inbound.js";
import type { FastifyReceiver } from "./receiver.js";
import { verifySlackSignature } from "./verify.js";

/** The one Slack endpoint. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Options of the Slack route. */
export interface SlackRouteOptions {
  signingSecret: string;
  receiver: FastifyReceiver;
  log: Log;
  /** Wall-clock seconds; the replay window is about the network, not business time, so not the service clock. */
  nowSeconds?: () => number;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function retryNumOf(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,3}$/.test(value) ? Number(value) : undefined;
}

function refuse(reply: FastifyReply, status: 400 | 401, error: string) {
  return reply.code(status).type("application/json").send({ error });
}

/** Registers POST /slack/events in its own encapsulated context, so only it sees raw bodies. */
export function registerSlackRoutes(app: FastifyInstance, opts: SlackRouteOptions): void {
  const now = opts.nowSeconds ?? (() => Date.now() / 1000);
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

    scope.post(SLACK_EVENTS_PATH, async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const contentType = header(req.headers["content-type"]);
      const decoded = decodeSlackBody(raw, contentType);
      // Slack's certificate check carries no signature and changes nothing (Bolt answers it the same way).
      if (decoded.ok && isSslCheck(decoded.body)) return reply.code(200).send("");

      const verdict = verifySlackSignature({
        signingSecret: opts.signingSecret,
        rawBody: raw,
        timestamp: header(req.headers["x-slack-request-timestamp"]),
        signature: header(req.headers["x-slack-signature"]),
        nowSeconds: now(),
      });
      if (!verdict.ok) {
        opts.log.warn({ reason: verdict.reason }, "slack: request refused");
        return refuse(reply, 401, `request not verified: ${verdict.reason}`);
      }
      if (!decoded.ok) return refuse(reply, 400, decoded.problem);
      const kind = classifySlackBody(decoded.body);
      if (!kind.ok) return refuse(reply, 400, kind.problem);
      if (kind.kind === "url_verification") return reply.code(200).send({ challenge: decoded.body["challenge"] });

      const answer = await opts.receiver.dispatch({
        body: decoded.body,
        retryNum: retryNumOf(header(req.headers["x-slack-retry-num"])),
        retryReason: header(req.headers["x-slack-retry-reason"]),
      });
      if (typeof answer.body === "string") return reply.code(answer.status).type("text/plain; charset=utf-8").send(answer.body);
      return reply.code(answer.status).send(answer.body);
    });
  });
}
