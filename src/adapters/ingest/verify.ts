// Verifies signed ingestion requests (/ingest/metrics, /ingest/comments): headers `x-mediaops-timestamp` (Unix
// seconds) and `x-mediaops-signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>`, within 5 minutes.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far the timestamp may be from now, either way. */
export const INGEST_WINDOW_SECONDS = 5 * 60;

/** The signature header value for a body (for senders and tests). */
export function signIngest(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")}`;
}

/** Why a request was refused, or ok. */
export type IngestVerdict = { ok: true } | { ok: false; reason: "missing_headers" | "stale_timestamp" | "bad_signature" };

/** Checks the headers against the raw body at `now`. */
export function verifyIngest(secret: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer, now: Date): IngestVerdict {
  const ts = headers["x-mediaops-timestamp"];
  const sig = headers["x-mediaops-signature"];
  if (typeof ts !== "string" || typeof sig !== "string" || !/^\d{1,12}$/.test(ts)) return { ok: false, reason: "missing_headers" };
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > INGEST_WINDOW_SECONDS) return { ok: false, reason: "stale_timestamp" };
  const expected = Buffer.from(signIngest(secret, ts, rawBody));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: "bad_signature" };
}
