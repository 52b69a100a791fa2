// WXBizMsgCrypt, the callback crypto shared by WeCom (企业微信) apps and WeChat Official Accounts in safe mode.
// Spec: WeCom doc 90968 "加解密方案说明" and the official sample code (Tencent's WXBizMsgCrypt in C++/Java/PHP/Python).
// Plaintext = random(16) ‖ msg_len(4, big-endian) ‖ msg ‖ receive id; PKCS#7 to a 32-byte block; AES-256-CBC with
// key = base64(EncodingAESKey + "=") and IV = key[0..16). Our unpad checks every pad byte (the npm ports check only the last).
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The block size WXBizMsgCrypt pads to (twice AES's 16, as the official sample does). */
export const WECOM_PAD_BLOCK = 32;

/** Why a callback envelope was refused. */
export type WecomOpenFailure = "bad_signature" | "bad_ciphertext" | "wrong_receive_id";

/** A decrypted WXBizMsgCrypt payload. */
export interface WecomPlaintext {
  /** The message: inner XML for POST callbacks, the echo string for the URL check. */
  message: string;
  /** CorpID (self-built app), suite id (third-party app) or AppID (Official Account). */
  receiveId: string;
  /** The 16 random bytes the sender prefixed. */
  random: Buffer;
}

/** Outcome of {@link openWecomEnvelope}. */
export type WecomOpenResult = ({ ok: true } & WecomPlaintext) | { ok: false; reason: WecomOpenFailure };

/** Thrown when a key or ciphertext is malformed; {@link openWecomEnvelope} maps it to `bad_ciphertext`. */
export class WecomCryptoError extends Error {
  override readonly name = "WecomCryptoError";
}

// Strict shapes: Buffer.from(.., "base64") skips junk, so tampered input would otherwise decode to something.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Hex sha1 of the strings sorted (UTF-16 code-unit order, like the official Java sample) and joined. */
export function sha1OfSorted(parts: readonly string[]): string {
  return createHash("sha1").update([...parts].sort().join(""), "utf8").digest("hex");
}

/** `msg_signature`: hex sha1 of token, timestamp, nonce and the Encrypt value, sorted and joined. */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1OfSorted([token, timestamp, nonce, encrypt]);
}

/** Constant-time string equality (length checked first; a signature's length is not secret). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The 32-byte AES key from a 43-character EncodingAESKey. Throws {@link WecomCryptoError}. */
export function wecomAesKey(encodingAESKey: string): Buffer {
  if (!ENCODING_AES_KEY.test(encodingAESKey)) throw new WecomCryptoError("EncodingAESKey must be 43 base64 characters");
  return Buffer.from(`${encodingAESKey}=`, "base64");
}

/** PKCS#7 padding to `block` bytes (1..block pad bytes, always at least one). */
export function pkcs7Pad(data: Buffer, block: number = WECOM_PAD_BLOCK): Buffer {
  const n = block - (data.length % block);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

/** Strict PKCS#7 unpad: whole blocks, pad length 1..block, every pad byte equal to it. Throws {@link WecomCryptoError}. */
export function pkcs7Unpad(data: Buffer, block: number = WECOM_PAD_BLOCK): Buffer {
  if (data.length === 0 || data.length % block !== 0) throw new WecomCryptoError("padded data is not whole blocks");
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > block) throw new WecomCryptoError("bad padding length");
  for (let i = data.length - n; i < data.length; i++) {
    if (data[i] !== n) throw new WecomCryptoError("bad padding byte");
  }
  return data.subarray(0, data.length - n);
}

/** Decrypts an Encrypt / echostr value into message, receive id and random. Throws {@link WecomCryptoError}. */
export function decryptWecom(encodingAESKey: string, encryptBase64: string): WecomPlaintext {
  const key = wecomAesKey(encodingAESKey);
  if (!BASE64.test(encryptBase64)) throw new WecomCryptoError("ciphertext is not canonical base64");
  const cipherBytes = Buffer.from(encryptBase64, "base64");
  if (cipherBytes.length === 0 || cipherBytes.length % WECOM_PAD_BLOCK !== 0) {
    throw new WecomCryptoError("ciphertext is not whole 32-byte blocks");
  }
  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
  // Auto padding off: OpenSSL would unpad to 16-byte blocks, and this scheme pads to 32.
  decipher.setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(cipherBytes), decipher.final()]));
  if (plain.length < 20) throw new WecomCryptoError("plaintext too short");
  const msgLen = plain.readUInt32BE(16);
  if (msgLen > plain.length - 20) throw new WecomCryptoError("message length exceeds plaintext");
  try {
    return {
      random: Buffer.from(plain.subarray(0, 16)),
      message: utf8.decode(plain.subarray(20, 20 + msgLen)),
      receiveId: utf8.decode(plain.subarray(20 + msgLen)),
    };
  } catch {
    throw new WecomCryptoError("plaintext is not UTF-8");
  }
}

/** Encrypts a message for `receiveId` (base64 output); `random` defaults to 16 fresh random bytes. */
export function encryptWecom(encodingAESKey: string, message: string, receiveId: string, random: Buffer = randomBytes(16)): string {
  if (random.length !== 16) throw new TypeError("encryptWecom: random must be 16 bytes");
  const key = wecomAesKey(encodingAESKey);
  const msg = Buffer.from(message, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random, len, msg, Buffer.from(receiveId, "utf8")]));
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

/** Input of {@link openWecomEnvelope}: the app's configuration plus the query parameters and the Encrypt value. */
export interface WecomEnvelopeInput {
  token: string;
  encodingAESKey: string;
  /** The receive id this app expects: CorpID for a self-built app. */
  receiveId: string;
  msgSignature: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
  /** `echostr` (URL check, already URL-decoded) or the `<Encrypt>` value of a POST body. */
  encrypt: string | undefined;
}

/** Checks msg_signature (constant time), decrypts, and checks the receive id: the whole inbound WXBizMsgCrypt path. */
export function openWecomEnvelope(input: WecomEnvelopeInput): WecomOpenResult {
  const { token, encodingAESKey, receiveId, msgSignature, timestamp, nonce, encrypt } = input;
  if (token === "" || receiveId === "") throw new TypeError("openWecomEnvelope: token and receiveId must be configured");
  // A missing parameter cannot carry a valid signature; one reason keeps callers' handling simple.
  if (!msgSignature || !timestamp || !nonce || !encrypt) return { ok: false, reason: "bad_signature" };
  if (!safeEqual(msgSignature.toLowerCase(), wecomSignature(token, timestamp, nonce, encrypt))) {
    return { ok: false, reason: "bad_signature" };
  }
  let plain: WecomPlaintext;
  try {
    plain = decryptWecom(encodingAESKey, encrypt);
  } catch (error) {
    if (error instanceof WecomCryptoError) return { ok: false, reason: "bad_ciphertext" };
    throw error;
  }
  // Neither npm port checks this: without it a message for another corp (same key reused) would be accepted.
  if (!safeEqual(plain.receiveId, receiveId)) return { ok: false, reason: "wrong_receive_id" };
  return { ok: true, ...plain };
}

/** Input of {@link buildEncryptedReplyXml}. */
export interface WecomReplyInput {
  token: string;
  encodingAESKey: string;
  receiveId: string;
  /** The plaintext reply XML. */
  message: string;
  /** Seconds since the epoch, as a decimal string. */
  timestamp: string;
  nonce: string;
  random?: Buffer;
}

/** The passive-reply body: `<xml>` with Encrypt, MsgSignature, TimeStamp and Nonce, as the official sample builds it. */
export function buildEncryptedReplyXml(input: WecomReplyInput): string {
  const { token, encodingAESKey, receiveId, message, timestamp, nonce, random } = input;
  // Both go into the XML verbatim; refuse anything that could break out of the element or the CDATA section.
  if (!/^\d+$/.test(timestamp)) throw new TypeError("buildEncryptedReplyXml: timestamp must be decimal digits");
  if (!/^[A-Za-z0-9_-]+$/.test(nonce)) throw new TypeError("buildEncryptedReplyXml: nonce must be [A-Za-z0-9_-]+");
  const encrypt = encryptWecom(encodingAESKey, message, receiveId, random);
  const signature = wecomSignature(token, timestamp, nonce, encrypt);
  return (
    `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`
  );
}
