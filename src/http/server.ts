// The one HTTP server: health, the console, and (with their issues) the platform endpoints.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Log } from "../lib/logger.js";

/** Largest request body any endpoint accepts; platform payloads are far smaller. */
export const BODY_LIMIT = 256 * 1024;

/** Options for the server. */
export interface ServerOptions {
  log: Log;
  /** Resolves when the database answers and can store; rejects otherwise (a `reason` on the error is shown). */
  probeDatabase: () => Promise<void>;
}

/** Builds the server with health and the error answers every route shares. Routes are added by main. */
export function createServer(opts: ServerOptions): FastifyInstance {
  const app: FastifyInstance = Fastify({ loggerInstance: opts.log as FastifyBaseLogger, bodyLimit: BODY_LIMIT, return503OnClosing: true });
  // A stop lets in-flight requests finish; their keep-alive connections would then hold it until the client's idle
  // timeout (72 s, Fastify's keep-alive hint), so whatever is answered once the stop began closes its connection.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
  app.get("/healthz", async (_req, reply) => {
    try {
      await opts.probeDatabase();
      return reply.code(200).send({ status: "ok" });
    } catch (err) {
      const reason = (err as { reason?: unknown } | null)?.reason;
      const why = typeof reason === "string" ? reason : "database unreachable";
      opts.log.warn({ err: String(err) }, `health check: ${why}`);
      return reply.code(503).send({ status: "unavailable", reason: why });
    }
  });
  // Body parsing and size errors are the sender's fault: say what is wrong, in the {error} shape, never 500.
  app.setErrorHandler((err: { statusCode?: number; message: string; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, "request failed");
    const message = status === 500 ? "internal error" : err.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? `request body is larger than ${BODY_LIMIT} bytes` : err.message;
    return reply.code(status).send({ error: message });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: "not found" }));
  return app;
}
