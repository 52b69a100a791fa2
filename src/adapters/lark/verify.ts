// Feishu/Lark event verification and decryption. Signature per the official Go SDK (oapi-sdk-go event.Signature):
// sha256 over the RAW body. The node SDK hashes JSON.stringify(JSON.parse(raw)) instead, which rejects any body
// Lark serialised differently, and checks no timestamp at all; we follow the Go SDK and add a freshness window.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Why a Lark request was refused. */
export type LarkVerifyFailure =
  | "missing_headers"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "future_timestamp"
  | "bad_signature";

/** Outcome of {@link verifyLarkRequest}. */
export type LarkVerifyResult = { ok: true } | { ok: false; reason: LarkVerifyFailure };

/** Input of {@link verifyLarkRequest}: the three `X-Lark-*` headers, the raw body and the clock. */
export interface LarkVerifyInput {
  /** `X-Lark-Request-Timestamp` (seconds), `X-Lark-Request-Nonce`, `X-Lark-Signature` (hex). */
  headers: { timestamp: string | undefined; nonce: string | undefined; signature: string | undefined };
  /** The body exactly as received (the `{"encrypt": ...}` envelope when encryption is on). */
  rawBody: Buffer | string;
  /** The app's Encrypt Key; Lark only signs requests when one is configured. */
  encryptKey: string;
  /** Current time in seconds since the epoch. */
  nowSeconds: number;
  /** Allowed clock difference either way (Lark documents none; five minutes like Slack). */
  toleranceSeconds?: number;
}

/** Thrown by {@link decryptLark} when the ciphertext is not valid for the key. */
export class LarkDecryptError extends Error {
  override readonly name = "LarkDecryptError";
}

const TIMESTAMP = /^\d{1,15}$/;
// Buffer.from(s, "base64") silently skips junk characters; a strict shape check makes tampering an error instead.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Hex sha256 of `timestamp + nonce + encryptKey + rawBody`, the value Lark sends as `X-Lark-Signature`. */
export function larkSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: Buffer | string): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey, "utf8").update(rawBody).digest("hex");
}

/** Checks `X-Lark-Signature` over the raw body, constant-time, and that the timestamp is fresh in both directions. */
export function verifyLarkRequest(input: LarkVerifyInput): LarkVerifyResult {
  const { headers, rawBody, encryptKey, nowSeconds, toleranceSeconds = 300 } = input;
  // Without an Encrypt Key Lark sends no signature; treating "" as a key would accept a forgeable hash.
  if (encryptKey === "") throw new TypeError("verifyLarkRequest: encryptKey is empty");
  if (!Number.isFinite(nowSeconds)) throw new TypeError("verifyLarkRequest: nowSeconds is not a finite number");
  const { timestamp, nonce, signature } = headers;
  if (!timestamp || !nonce || !signature) return { ok: false, reason: "missing_headers" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "malformed_timestamp" };

  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) return { ok: false, reason: "stale_timestamp" };
  if (-age > toleranceSeconds) return { ok: false, reason: "future_timestamp" };

  const expected = Buffer.from(larkSignature(timestamp, nonce, encryptKey, rawBody), "utf8");
  // Hex is case-insensitive; Lark sends lower case, as Go's hex.EncodeToString does.
  const given = Buffer.from(signature.toLowerCase(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true };
}

/** Decrypts an `encrypt` field: key = sha256(encryptKey), IV = first 16 bytes, AES-256-CBC, PKCS#7. Throws {@link LarkDecryptError}. */
export function decryptLark(encryptKey: string, encryptBase64: string): string {
  if (!BASE64.test(encryptBase64)) throw new LarkDecryptError("encrypt is not canonical base64");
  const buf = Buffer.from(encryptBase64, "base64");
  // IV plus at least one block, whole blocks only.
  if (buf.length < 32 || buf.length % 16 !== 0) throw new LarkDecryptError("encrypt has a bad length");
  const key = createHash("sha256").update(encryptKey, "utf8").digest();
  const decipher = createDecipheriv("aes-256-cbc", key, buf.subarray(0, 16));
  let plain: Buffer;
  try {
    // OpenSSL's final() checks every PKCS#7 pad byte, so a wrong key or tampered tail throws here.
    plain = Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]);
  } catch {
    throw new LarkDecryptError("bad padding (wrong key or tampered ciphertext)");
  }
  try {
    return utf8.decode(plain);
  } catch {
    throw new LarkDecryptError("plaintext is not UTF-8 (wrong key or tampered ciphertext)");
  }
}

/** Encrypts like Lark does (base64 of IV ‖ AES-256-CBC ciphertext); for tests and fake Lark servers. */
export function encryptLark(encryptKey: string, plaintext: string, iv: Buffer = randomBytes(16)): string {
  if (iv.length !== 16) throw new TypeError("encryptLark: iv must be 16 bytes");
  const key = createHash("sha256").update(encryptKey, "utf8").digest();
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

/**
 * Checks the Verification Token of a (decrypted, parsed) body: `header.token` for schema 2.0, top-level `token`
 * for v1 events and url_verification. Never `event.token`: on card callbacks that is the card-update token.
 */
export function checkLarkToken(expected: string, body: unknown): boolean {
  if (expected === "") throw new TypeError("checkLarkToken: expected token is empty");
  if (typeof body !== "object" || body === null) return false;
  const record = body as Record<string, unknown>;
  let token: unknown;
  if (record.schema === "2.0") {
    const header = record.header;
    token = typeof header === "object" && header !== null ? (header as Record<string, unknown>).token : undefined;
  } else {
    token = record.token;
  }
  if (typeof token !== "string") return false;
  const given = Buffer.from(token, "utf8");
  const want = Buffer.from(expected, "utf8");
  // The token's length is not the secret part; comparing lengths first keeps timingSafeEqual from throwing.
  return given.length === want.length && timingSafeEqual(given, want);
}
