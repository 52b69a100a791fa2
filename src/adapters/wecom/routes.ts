// GET/POST /wecom/callback. GET is WeCom's URL check (answer the decrypted echostr, bare, within 1 s); POST
// carries encrypted messages and events, answered at once with an empty 200 while the work runs in the background.
import type { FastifyInstance, FastifyReply } from "fastify";
import { BODY_LIMIT } from "../../http/server.js";
import type { Clock } from "../../lib/clock.js";
import type { Log } from "../../lib/logger.js";
import { openWecomEnvelope, type WecomOpenFailure } from "./crypto.js";
import type { WecomInbound } from "./inbound.js";
import { parseFlatXml, XmlParseError } from "./xml.js";

/** Options for the WeCom callback routes. */
export interface WecomRouteOptions {
  inbound: WecomInbound;
  token: string;
  encodingAESKey: string;
  corpId: string;
  clock: Clock;
  log: Log;
  /** Allowed clock difference for `timestamp` either way (WXBizMsgCrypt checks none; we do). */
  toleranceSeconds?: number;
}

/** Query parameters decoded without turning "+" into a space: base64 in echostr keeps its plus signs. */
export function rawQuery(url: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const q = url.indexOf("?");
  if (q < 0) return out;
  for (const pair of url.slice(q + 1).split("&")) {
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    try {
      if (!(name in out)) out[decodeURIComponent(name)] = decodeURIComponent(eq < 0 ? "" : pair.slice(eq + 1));
    } catch {
      // A malformed escape leaves the parameter out, so the signature check fails with a clear reason.
    }
  }
  return out;
}

const STATUS: Record<WecomOpenFailure, 400 | 401> = { bad_signature: 401, wrong_receive_id: 401, bad_ciphertext: 400 };

/** Registers GET and POST /wecom/callback. */
export function registerWecomRoutes(app: FastifyInstance, opts: WecomRouteOptions): void {
  const tolerance = opts.toleranceSeconds ?? 300;
  const refuse = (reply: FastifyReply, status: 400 | 401, error: string) => {
    opts.log.warn({ status, error }, "wecom: callback refused");
    return reply.code(status).send({ error });
  };
  const staleness = (timestamp: string | undefined): string | undefined => {
    if (!timestamp || !/^\d{1,15}$/.test(timestamp)) return "timestamp missing or malformed";
    const age = opts.clock.now().getTime() / 1000 - Number(timestamp);
    return Math.abs(age) > tolerance ? "stale timestamp" : undefined;
  };
  const open = (q: Record<string, string>, encrypt: string | undefined) =>
    openWecomEnvelope({ token: opts.token, encodingAESKey: opts.encodingAESKey, receiveId: opts.corpId, msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, encrypt });

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.get("/wecom/callback", async (req, reply) => {
      const q = rawQuery(req.url);
      const stale = staleness(q.timestamp);
      if (stale) return refuse(reply, 401, stale);
      const opened = open(q, q.echostr);
      if (!opened.ok) return refuse(reply, STATUS[opened.reason], opened.reason);
      return reply.code(200).type("text/plain; charset=utf-8").send(opened.message);
    });

    scope.post("/wecom/callback", async (req, reply) => {
      const q = rawQuery(req.url);
      const stale = staleness(q.timestamp);
      if (stale) return refuse(reply, 401, stale);
      const raw = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      let outer: Record<string, string>;
      try {
        outer = parseFlatXml(raw);
      } catch (err) {
        if (err instanceof XmlParseError) return refuse(reply, 400, `body is not callback XML: ${err.message}`);
        throw err;
      }
      const opened = open(q, outer.Encrypt);
      if (!opened.ok) return refuse(reply, STATUS[opened.reason], opened.reason);
      let inner: Record<string, string>;
      try {
        inner = parseFlatXml(opened.message);
      } catch (err) {
        if (err instanceof XmlParseError) return refuse(reply, 400, `decrypted message is not XML: ${err.message}`);
        throw err;
      }
      // Stored before answered; a 503 makes WeCom deliver it again when it could not be.
      if ((await opts.inbound.onCallback(inner)) === "refused") return reply.code(503).type("text/plain; charset=utf-8").send("busy, try again");
      // An empty body: no passive reply. Replies and card updates go through the API.
      return reply.code(200).type("text/plain; charset=utf-8").send("");
    });
  });
}
