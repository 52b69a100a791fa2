// POST /ingest/comments: platform webhooks or an export job hand over one item or a batch as JSON, signed
// with MEDIAOPS_INGEST_SECRET. The body is kept as raw bytes (its own content-type parser, scoped to this
// plugin) so the HMAC is checked over exactly what was sent. Each item gets its own result.
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import { ingestSlaItems } from "../../app/sla/ingest-items.js";
import { verifyIngestSignature } from "./verify.js";

/** Largest batch accepted in one request. */
export const INGEST_BATCH_MAX = 1000;
const BODY_LIMIT = 4 * 1024 * 1024;

const REASONS: Record<string, string> = {
  missing_headers: "x-mediaops-timestamp and x-mediaops-signature are required",
  malformed_timestamp: "x-mediaops-timestamp must be whole seconds since the epoch",
  stale_timestamp: "x-mediaops-timestamp is more than 5 minutes old",
  future_timestamp: "x-mediaops-timestamp is more than 5 minutes ahead",
  bad_signature: "the signature does not match the body",
};

/** Registers the endpoint; with no secret it answers 503 and says what to set. */
export function registerIngestRoutes(app: FastifyInstance, opts: { deps: AppDeps; secret: string | undefined }): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post("/ingest/comments", async (req, reply) => {
      if (!opts.secret) return reply.code(503).send({ error: "ingestion is not configured: set MEDIAOPS_INGEST_SECRET" });
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = (n: string) => (typeof req.headers[n] === "string" ? (req.headers[n] as string) : undefined);
      const v = verifyIngestSignature({ secret: opts.secret, rawBody: raw, timestamp: header("x-mediaops-timestamp"), signature: header("x-mediaops-signature"), nowSeconds: opts.deps.clock.now().getTime() / 1000 });
      if (!v.ok) return reply.code(401).send({ error: REASONS[v.reason] });
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString("utf8"));
      } catch {
        return reply.code(400).send({ error: "the body is not valid JSON" });
      }
      const batch = Array.isArray(parsed) ? parsed : typeof parsed === "object" && parsed !== null && Array.isArray((parsed as { items?: unknown }).items) ? (parsed as { items: unknown[] }).items : [parsed];
      if (batch.length === 0) return reply.code(400).send({ error: "the batch is empty" });
      if (batch.length > INGEST_BATCH_MAX) return reply.code(413).send({ error: `at most ${INGEST_BATCH_MAX} items per request` });
      const results = await ingestSlaItems(opts.deps, batch, "webhook");
      const count = (s: string) => results.filter((r) => r.status === s).length;
      return reply.code(200).send({ accepted: count("accepted"), duplicates: count("duplicate"), rejected: count("rejected"), results });
    });
  });
}
