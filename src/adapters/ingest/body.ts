// How the signed intake reads a body so that a refusal costs no memory. Headers are checked before a byte is
// read (missing or stale signature headers: refused at once). A JSON body (anything that is not CSV) is held
// to the 256 KB every endpoint accepts, refused by its Content-Length before reading. A CSV upload has its own,
// larger limit and is streamed: each chunk goes into the HMAC and into a temporary file, never all into memory,
// and only a body whose signature matched is read back. So a burst of large forged or unsigned posts costs
// neither memory nor a parse.
import { createHmac, randomUUID } from "node:crypto";
import { createWriteStream, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { BODY_LIMIT } from "../../http/server.js";
import { ingestHeaderProblem, ingestSignatureMatches, signIngest, type IngestVerifyFailure } from "./verify.js";

/** Content types read as a CSV upload. */
const CSV_TYPE = /^(?:text\/csv|text\/plain|application\/csv|text\/comma-separated-values)\b/;

/** Largest CSV upload /ingest/metrics accepts (streamed to disk while its signature is computed). */
export const CSV_BODY_LIMIT = 20 * 1024 * 1024;

/** A body as read: its bytes (empty when the signature did not match) and whether the signature matched. */
export interface IntakeBody {
  raw: Buffer;
  signed: boolean;
  /** Read as a CSV upload (text/csv or text/plain). */
  csv: boolean;
}

/** How the intake scope reads bodies. */
export interface IntakeBodyOptions {
  secret: string | undefined;
  nowSeconds: () => number;
  /** Accept CSV uploads (text/csv, text/plain) streamed up to CSV_BODY_LIMIT. */
  csv: boolean;
  /** Answers a refusal in the route's own shape. */
  refuse: (reply: FastifyReply, status: 401 | 413, reason: IngestVerifyFailure | "too_large") => FastifyReply;
}

const header = (req: FastifyRequest, n: string) => (typeof req.headers[n] === "string" ? (req.headers[n] as string) : undefined);

function tooLarge(limit: number): Error {
  return Object.assign(new Error(`request body is larger than ${limit} bytes`), { statusCode: 413, code: "FST_ERR_CTP_BODY_TOO_LARGE" });
}

function signedBody(opts: Pick<IntakeBodyOptions, "secret">, req: FastifyRequest, raw: Buffer): IntakeBody {
  const ts = header(req, "x-mediaops-timestamp");
  const sig = header(req, "x-mediaops-signature");
  const signed = !!opts.secret && !!ts && !!sig && ingestSignatureMatches(signIngest(opts.secret, ts, raw), sig);
  return { raw: signed ? raw : Buffer.alloc(0), signed, csv: false };
}

/** Streams a CSV body into the HMAC and a temporary file; reads it back only when the signature matched. */
function streamCsv(opts: IntakeBodyOptions, req: FastifyRequest, payload: NodeJS.ReadableStream & { destroy?: () => void }, done: (err: Error | null, body?: IntakeBody) => void): void {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > CSV_BODY_LIMIT) return done(tooLarge(CSV_BODY_LIMIT));
  const ts = header(req, "x-mediaops-timestamp") ?? "";
  const hmac = createHmac("sha256", opts.secret ?? "").update(`${ts}.`, "utf8");
  const file = join(tmpdir(), `mediaops-intake-${randomUUID()}.csv`);
  const out = createWriteStream(file);
  let size = 0;
  let finished = false;
  const finish = (err: Error | null, body?: IntakeBody) => {
    if (finished) return;
    finished = true;
    rmSync(file, { force: true });
    done(err, body);
  };
  out.on("error", (err) => finish(err));
  payload.on("error", (err: Error) => {
    out.destroy();
    finish(err);
  });
  payload.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > CSV_BODY_LIMIT) {
      payload.removeAllListeners("data");
      out.destroy();
      finish(tooLarge(CSV_BODY_LIMIT));
      return;
    }
    hmac.update(chunk);
    if (!out.write(chunk)) {
      payload.pause();
      out.once("drain", () => payload.resume());
    }
  });
  payload.on("end", () => {
    if (finished) return;
    const given = header(req, "x-mediaops-signature") ?? "";
    const signed = !!opts.secret && ingestSignatureMatches(`v1=${hmac.digest("hex")}`, given);
    out.end(() => {
      if (finished) return;
      try {
        const raw = signed ? readFileSync(file) : Buffer.alloc(0);
        finish(null, { raw, signed, csv: true });
      } catch (err) {
        finish(err as Error);
      }
    });
  });
}

/** Installs the intake's body reading on an encapsulated scope (call first inside `app.register`). */
export function readIntakeBodies(scope: FastifyInstance, opts: IntakeBodyOptions): void {
  scope.addHook("onRequest", async (req, reply) => {
    if (!opts.secret) return; // the route says what to configure
    const problem = ingestHeaderProblem({ timestamp: header(req, "x-mediaops-timestamp"), signature: header(req, "x-mediaops-signature"), nowSeconds: opts.nowSeconds() });
    if (problem) return opts.refuse(reply, 401, problem);
    const declared = Number(req.headers["content-length"]);
    const isCsv = opts.csv && CSV_TYPE.test(String(req.headers["content-type"] ?? ""));
    const limit = isCsv ? CSV_BODY_LIMIT : BODY_LIMIT;
    if (Number.isFinite(declared) && declared > limit) return opts.refuse(reply, 413, "too_large");
  });
  scope.removeAllContentTypeParsers();
  if (opts.csv) scope.addContentTypeParser(CSV_TYPE, (req, payload, done) => streamCsv(opts, req, payload, done));
  scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: BODY_LIMIT }, (req, body, done) => done(null, signedBody(opts, req, body as Buffer)));
}

/** The body the parser left on the request (an empty one, its signature checked, when there was none). */
export function intakeBody(req: FastifyRequest, opts: Pick<IntakeBodyOptions, "secret">): IntakeBody {
  const b = req.body as IntakeBody | undefined;
  return b && typeof b === "object" && "signed" in b ? b : signedBody(opts, req, Buffer.alloc(0));
}

export { utf8Text } from "../../lib/utf8.js";
