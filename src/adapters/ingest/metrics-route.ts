// POST /ingest/metrics: signed metric intake (the same scheme and verifier as /ingest/comments, ./verify.ts). JSON `{ "metrics": [{ platform, account, metric, day, value }] }`
// or a CSV body (text/csv, UTF-8 or GBK). Answers 200 with what was stored, 422 with a per-row report (nothing
// stored), 401 for a bad signature, 503 when the inbox is full (MEDIAOPS_INBOX_MAX; nothing stored, retry).
// Adapters translate; importMetrics decides. The report needs the work done, so it is stored before the answer
// rather than by the inbox's workers (./direct.ts says why that keeps every promise).
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../app/deps.js";
import { importMetrics, parseCsv } from "../../app/kpi/import-metrics.js";
import { decodeUpload } from "../../lib/decode-upload.js";
import { errorMessage } from "../../../templates/strings/errors.js";
import { isAppError } from "../../domain/errors.js";
import { METRIC_ROWS_MAX } from "../../domain/kpi/metric-wire.js";
import { intakeBody, readIntakeBodies, type IntakeBody, utf8Text } from "./body.js";
import { busyAnswer, workBeforeAnswer } from "./direct.js";

// Rows loosely here: each is checked on its own (importMetrics), the documented form is ZMetricsBodyWire.
const ZBody = z.object({ metrics: z.array(z.record(z.string(), z.unknown())).max(METRIC_ROWS_MAX) });

/** Registers the route (only when an ingest secret is configured). */
export function registerMetricIngest(app: FastifyInstance, deps: AppDeps, opts: { secret: string; teamId?: string }): void {
  void app.register(async (scope) => {
    // The signature is over the exact bytes: headers checked before reading, JSON up to 256 KB, CSV streamed
    // with its own limit (./body.ts).
    const reading = { secret: opts.secret, nowSeconds: () => deps.clock.now().getTime() / 1000, csv: true, refuse: (reply: FastifyReply, status: 401 | 413, error: string) => reply.code(status).send({ ok: false, error }) };
    readIntakeBodies(scope, reading);
    scope.post("/ingest/metrics", async (req, reply) => {
      const body = intakeBody(req, reading);
      if (!body.signed) return reply.code(401).send({ ok: false, error: "bad_signature" });
      // The answer is sent only after the work is on disk (workBeforeAnswer), so it is built first, then sent.
      const answered = await workBeforeAnswer(deps, () => answer(body));
      if (answered === "busy") return busyAnswer(reply, { ok: false, error: "busy, try again: nothing was stored" });
      return reply.code(answered.status).send(answered.body);
    });

    /** Checks and stores a signed body: the status and body of the answer. */
    const answer = async (body: IntakeBody): Promise<{ status: number; body: unknown }> => {
      const raw = body.raw;
      const team = opts.teamId ?? (await deps.db.team.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }))?.id;
      if (!team) return { status: 409, body: { ok: false, error: "no team" } };
      try {
        let report;
        if (body.csv) {
          const decoded = decodeUpload(raw);
          if (!decoded) return { status: 400, body: { ok: false, error: "the CSV is neither valid UTF-8 nor GBK text" } };
          const encoding = decoded.encoding === "utf-8" ? "utf-8" : "gbk";
          report = await importMetrics(deps, { teamId: team, rows: parseCsv(decoded.text), source: "api", by: "ingest", locale: "en", encoding, firstRow: 2 });
        } else {
          const text = utf8Text(raw);
          if (text === undefined) return { status: 400, body: { ok: false, error: "the body is not valid UTF-8" } };
          const parsed = ZBody.safeParse(JSON.parse(text));
          if (!parsed.success) return { status: 400, body: { ok: false, error: 'expected {"metrics": [{platform, account, metric, day, value}]}' } };
          report = await importMetrics(deps, { teamId: team, rows: parsed.data.metrics, source: "api", by: "ingest", locale: "en" });
        }
        return { status: report.ok ? 200 : 422, body: report };
      } catch (err) {
        if (isAppError(err)) return { status: 422, body: { ok: false, errors: [{ row: 0, code: err.code, message: errorMessage("en", err) }] } };
        if (err instanceof SyntaxError) return { status: 400, body: { ok: false, error: "body is not JSON" } };
        throw err;
      }
    };
  });
}
