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

/** Checks the signature over the exact bytes and the timestamp's freshness (constant-time compare). */
export function verifyIngestSignature(input: { secret: string; rawBody: Buffer; timestamp: string | undefined; signature: string | undefined; nowSeconds: number; toleranceSeconds?: number }): { ok: true } | { ok: false; reason: IngestVerifyFailure } {
  const { secret, rawBody, timestamp, signature, nowSeconds, toleranceSeconds = 300 } = input;
  if (secret === "") throw new TypeError("verifyIngestSignature: secret is empty");
  if (!timestamp || !signature) return { ok: false, reason: "missing_headers" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "malformed_timestamp" };
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) return { ok: false, reason: "stale_timestamp" };
  if (-age > toleranceSeconds) return { ok: false, reason: "future_timestamp" };
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
