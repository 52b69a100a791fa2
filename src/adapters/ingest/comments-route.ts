// POST /ingest/comments: platform webhooks or an export job hand over one item or a batch as JSON, signed
// with MEDIAOPS_INGEST_SECRET. The body is kept as raw bytes (its own content-type parser, scoped to this
// plugin) so the HMAC is checked over exactly what was sent. Each item gets its own result, so the items are
// stored before the answer rather than by the inbox's workers (./direct.ts says why that keeps every promise).
import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import { ingestSlaItems } from "../../app/sla/ingest-items.js";
import { INGEST_ITEMS_MAX, itemsOfBody } from "../../domain/sla/intake.js";
import { intakeBody, readIntakeBodies, utf8Text } from "./body.js";
import { busyAnswer, workBeforeAnswer } from "./direct.js";

const REASONS: Record<string, string> = {
  missing_headers: "x-mediaops-timestamp and x-mediaops-signature are required",
  malformed_timestamp: "x-mediaops-timestamp must be whole seconds since the epoch",
  stale_timestamp: "x-mediaops-timestamp is more than 5 minutes old",
  future_timestamp: "x-mediaops-timestamp is more than 5 minutes ahead",
  bad_signature: "the signature does not match the body",
  too_large: "the body is larger than 256 KB",
};

/** Registers the endpoint; with no secret it answers 503 and says what to set. */
export function registerIngestRoutes(app: FastifyInstance, opts: { deps: AppDeps; secret: string | undefined }): void {
  app.register(async (scope) => {
    // Headers checked before reading, the body held to 256 KB and its signature checked as it is read (./body.ts).
    const reading = { secret: opts.secret, nowSeconds: () => opts.deps.clock.now().getTime() / 1000, csv: false, refuse: (reply: FastifyReply, status: 401 | 413, reason: string) => reply.code(status).send({ error: REASONS[reason] }) };
    readIntakeBodies(scope, reading);
    scope.post("/ingest/comments", async (req, reply) => {
      if (!opts.secret) return reply.code(503).send({ error: "ingestion is not configured: set MEDIAOPS_INGEST_SECRET" });
      const body = intakeBody(req, reading);
      if (!body.signed) return reply.code(401).send({ error: REASONS.bad_signature });
      const text = utf8Text(body.raw);
      if (text === undefined) return reply.code(400).send({ error: "the body is not valid UTF-8" });
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return reply.code(400).send({ error: "the body is not valid JSON" });
      }
      const batch = itemsOfBody(parsed);
      if (batch.length === 0) return reply.code(400).send({ error: "the batch is empty" });
      if (batch.length > INGEST_ITEMS_MAX) return reply.code(413).send({ error: `at most ${INGEST_ITEMS_MAX} items per request` });
      const results = await workBeforeAnswer(opts.deps, () => ingestSlaItems(opts.deps, batch, "webhook"));
      if (results === "busy") return busyAnswer(reply, { error: "busy, try again: nothing was stored" });
      const count = (s: string) => results.filter((r) => r.status === s).length;
      return reply.code(200).send({ accepted: count("accepted"), duplicates: count("duplicate"), rejected: count("rejected"), results });
    });
  });
}
