// One webhook request from Feishu/Lark, checked and opened: signature over the raw body and a fresh timestamp
// (when an Encrypt Key is set, Lark signs every event), decryption, then the Verification Token. Pure.
import { checkLarkToken, decryptLark, LarkDecryptError, verifyLarkRequest } from "./verify.js";

/** What the route needs to open a request. */
export interface LarkRequestInput {
  rawBody: Buffer | undefined;
  headers: { timestamp?: string; nonce?: string; signature?: string };
  verificationToken: string;
  encryptKey?: string;
  nowSeconds: number;
}

/** An opened request (the parsed, decrypted body) or the HTTP refusal to send. */
export type LarkOpened = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 401; error: string };

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks and opens a request; never throws for bad input. */
export function openLarkRequest(input: LarkRequestInput): LarkOpened {
  const { rawBody, headers, verificationToken, encryptKey, nowSeconds } = input;
  if (!rawBody || rawBody.length === 0) return { ok: false, status: 400, error: "empty body" };
  const outer = parseObject(rawBody.toString("utf8"));
  if (!outer) return { ok: false, status: 400, error: "body is not a JSON object" };

  const signed = Boolean(headers.timestamp || headers.nonce || headers.signature);
  if (encryptKey && signed) {
    const verdict = verifyLarkRequest({ headers: { timestamp: headers.timestamp, nonce: headers.nonce, signature: headers.signature }, rawBody, encryptKey, nowSeconds });
    if (!verdict.ok) return { ok: false, status: 401, error: `signature check failed: ${verdict.reason}` };
  }

  let body = outer;
  if (typeof outer.encrypt === "string") {
    if (!encryptKey) return { ok: false, status: 400, error: "encrypted body, but FEISHU_ENCRYPT_KEY is not configured" };
    let plain: string;
    try {
      plain = decryptLark(encryptKey, outer.encrypt);
    } catch (err) {
      if (err instanceof LarkDecryptError) return { ok: false, status: 400, error: "encrypt could not be decrypted" };
      throw err;
    }
    const inner = parseObject(plain);
    if (!inner) return { ok: false, status: 400, error: "decrypted body is not a JSON object" };
    body = inner;
  }

  // With an Encrypt Key every event and callback is signed; only the URL check may arrive without headers.
  if (encryptKey && !signed && body.type !== "url_verification") {
    return { ok: false, status: 401, error: "signature check failed: missing_headers" };
  }
  if (!checkLarkToken(verificationToken, body)) return { ok: false, status: 401, error: "verification token mismatch" };
  return { ok: true, body };
}
