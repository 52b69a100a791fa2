// GET/POST /wechat/oa: the WeChat Official Account message push (服务器配置). GET is the server-URL check: the
// plain `signature` over token, timestamp and nonce, answered with `echostr` as is. POST carries one user
// message or event as XML: in plaintext mode the query's `signature` covers token/timestamp/nonce only (not
// the body), in safe mode (`encrypt_type=aes`) `msg_signature` covers <Encrypt> and the AES layer carries the
// AppID. WeChat waits 5 seconds and then retries (three times), but never redelivers a push answered "success":
// the message is stored in the durable inbox (and flushed) before that answer, a few milliseconds, and an inbox
// worker opens its SLA item (src/app/inbox/intake.ts). The inbox row is keyed by MsgId, so its insert is also
// the de-duplication of WeChat's retries, across restarts and replicas; a full inbox (MEDIAOPS_INBOX_MAX) or a
// database that cannot store is answered 503, never "success", so the message is not acknowledged (WeChat
// documents its three retries for a push with no answer within 5 s; what it does after a 503 is not documented).
// Freshness: `timestamp` within 300 s of our clock either way (WeChat documents no window; this is the one
// WeCom and our own intake use). Replays: a (timestamp, nonce) pair seen in the window with a different body is
// refused (the plaintext signature does not cover the body), the same body again is a retry and answered
// "success"; the pairs are kept in the database, so this holds across restarts and replicas.
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import type { StoreResult } from "../../app/inbox/store.js";
import { ingestSlaItems } from "../../app/sla/ingest-items.js";
import { checkNonce } from "../../app/replay-guard.js";
import { makeDurable } from "../../db/durable.js";
import type { WechatOaConfig } from "../../config/wechat-oa-env.js";
import { BODY_LIMIT } from "../../http/server.js";
import type { WecomOpenFailure } from "../wecom/crypto.js";
import { rawQuery } from "../wecom/routes.js";
import { utf8Text } from "../../lib/utf8.js";
import { parseFlatXml, XmlParseError } from "../wecom/xml.js";
import { openWechatEnvelope, verifyWechatSignature } from "./crypto.js";
import { parseWechatOaInbound, type WechatOaRawItem } from "./parse-inbound.js";

/** Allowed difference between `timestamp` and our clock, either way. */
export const WECHAT_OA_TOLERANCE_SECONDS = 300;
const STATUS: Record<WecomOpenFailure, 400 | 401> = { bad_signature: 401, wrong_receive_id: 401, bad_ciphertext: 400 };

/** The started push endpoint. */
export interface WechatOaAdapter {
  /** Resolves when every push answered so far has been stored (its SLA item is the inbox's work). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Registers GET and POST /wechat/oa. */
export function registerWechatOaRoutes(app: FastifyInstance, deps: AppDeps, cfg: WechatOaConfig): WechatOaAdapter {
  const log = deps.log;
  const nowMs = () => deps.clock.now().getTime();

  const refuse = (reply: FastifyReply, status: 400 | 401, error: string) => {
    log.warn({ status, error }, "wechat-oa: push refused");
    return reply.code(status).type("application/json; charset=utf-8").send({ error });
  };
  const staleness = (timestamp: string | undefined): string | undefined => {
    if (!timestamp || !/^\d{1,15}$/.test(timestamp)) return "timestamp missing or malformed";
    const age = nowMs() / 1000 - Number(timestamp);
    if (age > WECHAT_OA_TOLERANCE_SECONDS) return `stale timestamp (more than ${WECHAT_OA_TOLERANCE_SECONDS} s old)`;
    return -age > WECHAT_OA_TOLERANCE_SECONDS ? `timestamp more than ${WECHAT_OA_TOLERANCE_SECONDS} s ahead` : undefined;
  };
  const success = (reply: FastifyReply) => reply.code(200).type("text/plain; charset=utf-8").send("success");

  /**
   * Stores the message in the inbox before "success" is answered; without an inbox (a test driving the routes
   * alone) its item is stored at once. "failed": the database could not store it (WeChat hears 503 and retries).
   */
  const store = async (dedupeKey: string, item: WechatOaRawItem): Promise<StoreResult["kind"] | "failed"> => {
    try {
      if (deps.inbox) return (await deps.inbox.storeIntake("wechat_oa", dedupeKey, `${item.account}:${item.author}`, [item])).kind;
      await ingestSlaItems(deps, [item], "wechat_oa");
      await makeDurable(deps.db);
      return "stored";
    } catch (err) {
      log.error({ err, msgId: item.externalId }, "wechat-oa: storing the message failed");
      return "failed";
    }
  };

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.get("/wechat/oa", async (req, reply) => {
      const q = rawQuery(req.url);
      const stale = staleness(q.timestamp);
      if (stale) return refuse(reply, 401, stale);
      if (!verifyWechatSignature({ token: cfg.token, signature: q.signature, timestamp: q.timestamp, nonce: q.nonce })) return refuse(reply, 401, "bad_signature");
      if (q.echostr === undefined || q.echostr === "") return refuse(reply, 400, "echostr is missing");
      return reply.code(200).type("text/plain; charset=utf-8").send(q.echostr);
    });

    scope.post("/wechat/oa", async (req, reply) => {
      const q = rawQuery(req.url);
      const stale = staleness(q.timestamp);
      if (stale) return refuse(reply, 401, stale);
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const safe = q.encrypt_type === "aes";
      if (cfg.encodingAESKey && !safe) return refuse(reply, 401, "safe mode is configured: expected encrypt_type=aes and msg_signature");
      if (!cfg.encodingAESKey && safe) return refuse(reply, 400, "a safe-mode message arrived but WECHAT_OA_ENCODING_AES_KEY is not set");
      if (!cfg.encodingAESKey && !verifyWechatSignature({ token: cfg.token, signature: q.signature, timestamp: q.timestamp, nonce: q.nonce })) {
        return refuse(reply, 401, "bad_signature");
      }
      const text = utf8Text(raw);
      if (text === undefined) return refuse(reply, 400, "body is not valid UTF-8");
      let fields: Record<string, string>;
      try {
        const outer = parseFlatXml(text);
        if (cfg.encodingAESKey) {
          const opened = openWechatEnvelope({ token: cfg.token, encodingAESKey: cfg.encodingAESKey, appId: cfg.appId, msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, encrypt: outer.Encrypt });
          if (!opened.ok) return refuse(reply, STATUS[opened.reason], opened.reason);
          try {
            fields = parseFlatXml(opened.message);
          } catch (err) {
            if (err instanceof XmlParseError) return refuse(reply, 400, `decrypted message is not XML: ${err.message}`);
            throw err;
          }
        } else fields = outer;
      } catch (err) {
        if (err instanceof XmlParseError) return refuse(reply, 400, `body is not message XML: ${err.message}`);
        throw err;
      }

      // Signed, so the pair is WeChat's: the same pair with another body is someone replaying the URL.
      // Kept in the database (src/app/replay-guard.ts), so a restart or another replica refuses the replay too.
      const bodyHash = createHash("sha256").update(raw).digest("hex");
      let verdict;
      try {
        verdict = await checkNonce(deps, { scope: "wechat-oa", timestamp: q.timestamp!, nonce: q.nonce ?? "", bodyHash, windowSeconds: WECHAT_OA_TOLERANCE_SECONDS });
      } catch (err) {
        log.error({ err }, "wechat-oa: the replay guard could not be read or stored");
        return reply.code(503).type("application/json; charset=utf-8").send({ error: "the server cannot save right now" });
      }
      if (verdict === "replay") return refuse(reply, 401, "timestamp and nonce were already used with another body (replay)");

      const parsed = parseWechatOaInbound(fields, { account: cfg.account });
      if (parsed.ok === false) return refuse(reply, 400, parsed.error);
      if (parsed.ok === "ignore") {
        log.debug({ reason: parsed.reason }, "wechat-oa: push ignored");
        return success(reply);
      }
      // Stored (and flushed) before "success": WeChat does not redeliver an answered push, so a message held only
      // in memory would be lost with the process. Storing takes milliseconds, well inside WeChat's 5 s.
      const stored = await store(parsed.dedupeKey, parsed.item);
      if (stored === "duplicate") log.debug({ key: parsed.dedupeKey }, "wechat-oa: repeated delivery answered again");
      if (stored === "busy") return reply.code(503).type("application/json; charset=utf-8").send({ error: "busy, try again" });
      if (stored === "failed") return reply.code(503).type("application/json; charset=utf-8").send({ error: "the server cannot save right now" });
      return success(reply);
    });
  });

  // Every push is stored before its answer, so nothing is left to wait for here; the inbox has its own idle().
  const idle = async () => {};
  return { idle, stop: idle };
}

/** Registers the push endpoint on `app` (service.ts calls this when WECHAT_OA_TOKEN and WECHAT_OA_APP_ID are set). */
export function startWechatOa(app: FastifyInstance, deps: AppDeps, cfg: WechatOaConfig): WechatOaAdapter {
  return registerWechatOaRoutes(app, deps, cfg);
}
