// The signed intake endpoints' signature (/ingest/metrics, /ingest/comments), shared by both:
// `x-mediaops-signature: v1=<hex hmac-sha256(secret, timestamp + "." + body)>` with `x-mediaops-timestamp` in
// whole seconds, five minutes either way, compared in constant time. Modelled on Slack's scheme; pure.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Why a request was refused. */
export type IngestVerifyFailure = "missing_headers" | "malformed_timestamp" | "stale_timestamp" | "future_timestamp" | "bad_signature";

const TIMESTAMP = /^\d{1,15}$/;

/** `v1=` + the hex HMAC of `timestamp.body`: what senders (and tests) put in the header. */
export function signIngest(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.`, "utf8").update(rawBody).digest("hex")}`;
}

/** Same as signIngest (the name the comments intake uses). */
export const signIngestRequest = signIngest;

/**
 * What can be refused from the headers alone, before a byte of the body is read: missing headers, a malformed,
 * stale or future timestamp. Undefined when the headers may carry a good signature.
 */
export function ingestHeaderProblem(input: { timestamp: string | undefined; signature: string | undefined; nowSeconds: number; toleranceSeconds?: number }): Exclude<IngestVerifyFailure, "bad_signature"> | undefined {
  const { timestamp, signature, nowSeconds, toleranceSeconds = 300 } = input;
  if (!timestamp || !signature) return "missing_headers";
  if (!TIMESTAMP.test(timestamp)) return "malformed_timestamp";
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) return "stale_timestamp";
  if (-age > toleranceSeconds) return "future_timestamp";
  return undefined;
}

/** Compares a `v1=` signature with the expected one in constant time. */
export function ingestSignatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the signature over the exact bytes and the timestamp's freshness (constant-time compare). */
export function verifyIngestSignature(input: { secret: string; rawBody: Buffer; timestamp: string | undefined; signature: string | undefined; nowSeconds: number; toleranceSeconds?: number }): { ok: true } | { ok: false; reason: IngestVerifyFailure } {
  const { secret, rawBody, timestamp, signature } = input;
  if (secret === "") throw new TypeError("verifyIngestSignature: secret is empty");
  const early = ingestHeaderProblem(input);
  if (early || !timestamp || !signature) return { ok: false, reason: early ?? "missing_headers" };
  const expected = Buffer.from(signIngest(secret, timestamp, rawBody), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  return { ok: true };
}

/** The same check reading the two headers from a request (the metrics intake's form). */
export function verifyIngest(secret: string, headers: IncomingHttpHeaders, rawBody: Buffer, now: Date): { ok: true } | { ok: false; reason: IngestVerifyFailure } {
  const h = (n: string) => (typeof headers[n] === "string" ? (headers[n] as string) : undefined);
  return verifyIngestSignature({ secret, rawBody, timestamp: h("x-mediaops-timestamp"), signature: h("x-mediaops-signature"), nowSeconds: now.getTime() / 1000 });
}
