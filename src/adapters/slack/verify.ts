// Slack request signing (docs.slack.dev "Verifying requests from Slack"; bolt-js src/receivers/verify-request.ts).
// Pure: the caller passes the raw body bytes, both headers and the clock, so tests need no HTTP server or fake timers.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Why a Slack request was refused. */
export type SlackVerifyFailure =
  | "missing_headers"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "future_timestamp"
  | "bad_signature";

/** Outcome of {@link verifySlackSignature}. */
export type SlackVerifyResult = { ok: true } | { ok: false; reason: SlackVerifyFailure };

/** Input of {@link verifySlackSignature}: the raw body and the two `X-Slack-*` headers as received. */
export interface SlackVerifyInput {
  signingSecret: string;
  /** The body exactly as received: re-encoding a parsed form or JSON body changes the bytes Slack signed. */
  rawBody: Buffer | string;
  /** `X-Slack-Request-Timestamp` (whole seconds since the epoch). */
  timestamp: string | undefined;
  /** `X-Slack-Signature` (`v0=<hex>`). */
  signature: string | undefined;
  /** Current time in seconds since the epoch (may be fractional). */
  nowSeconds: number;
  /** Allowed clock difference either way; Slack documents five minutes. */
  toleranceSeconds?: number;
}

// Slack sends whole seconds; anything else (signs, decimals, exponents, spaces) is refused before the maths.
const TIMESTAMP = /^\d{1,15}$/;

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` under the signing secret; for tests and fake Slack servers. */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  // The body is fed as bytes, not decoded: a Buffer holding invalid UTF-8 must hash exactly as sent.
  const mac = createHmac("sha256", signingSecret).update(`v0:${timestamp}:`, "utf8").update(rawBody);
  return `v0=${mac.digest("hex")}`;
}

/** Checks a Slack request's signature and that its timestamp is within the tolerance, in both directions. */
export function verifySlackSignature(input: SlackVerifyInput): SlackVerifyResult {
  const { signingSecret, rawBody, timestamp, signature, nowSeconds, toleranceSeconds = 300 } = input;
  // An empty secret is a configuration bug, and an HMAC under it is forgeable by anyone: fail loudly.
  if (signingSecret === "") throw new TypeError("verifySlackSignature: signingSecret is empty");
  if (!Number.isFinite(nowSeconds)) throw new TypeError("verifySlackSignature: nowSeconds is not a finite number");
  if (!timestamp || !signature) return { ok: false, reason: "missing_headers" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "malformed_timestamp" };

  // Bolt only refuses old timestamps; a future one would let a captured request be replayed later, so refuse it too.
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) return { ok: false, reason: "stale_timestamp" };
  if (-age > toleranceSeconds) return { ok: false, reason: "future_timestamp" };

  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, rawBody), "utf8");
  const given = Buffer.from(signature, "utf8");
  // timingSafeEqual throws on unequal lengths; the length of a valid signature is public, so checking it first leaks nothing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true };
}
