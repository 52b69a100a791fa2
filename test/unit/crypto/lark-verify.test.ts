import { createCipheriv, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  LarkDecryptError,
  checkLarkToken,
  decryptLark,
  encryptLark,
  larkSignature,
  verifyLarkRequest,
} from "../../../src/adapters/lark/verify.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/lark/${path}`, import.meta.url), "utf8");

// Feishu doc decryption example, see _source.
const docVector = JSON.parse(fixture("encrypt-test-vector.json")) as { encryptKey: string; encrypt: string; plaintext: string };
// larksuite/node-sdk adaptor/services/__tests__/challenge.ts, see _source.
const sdkChallenge = JSON.parse(fixture("url-verification-encrypted.json")) as {
  encryptKey: string;
  body: { encrypt: string };
  plaintext: string;
};

const KEY = "test-encrypt-key";
const NOW = 1_790_000_000;

// Independent of the module: the algorithm as the Go SDK writes it, sha256(timestamp + nonce + key + body).
const reference = (ts: string, nonce: string, key: string, body: string) =>
  createHash("sha256").update(ts + nonce + key + body).digest("hex");

describe("decryptLark / encryptLark", () => {
  it("decrypts the Feishu documentation vector", () => {
    expect(decryptLark(docVector.encryptKey, docVector.encrypt)).toBe(docVector.plaintext);
  });

  it("decrypts the node-sdk encrypted url_verification challenge", () => {
    const plain = decryptLark(sdkChallenge.encryptKey, sdkChallenge.body.encrypt);
    expect(plain).toBe(sdkChallenge.plaintext);
    expect(JSON.parse(plain)).toMatchObject({ challenge: "5634b122-c042-4634-bc7f-b07a3c3e77ad", type: "url_verification" });
  });

  it("re-encrypting with the vector's IV reproduces the documented ciphertext", () => {
    const iv = Buffer.from(docVector.encrypt, "base64").subarray(0, 16);
    expect(encryptLark(docVector.encryptKey, docVector.plaintext, iv)).toBe(docVector.encrypt);
  });

  it("round-trips UTF-8 text with a random IV, and two encryptions differ", () => {
    const text = fixture("im-message-receive-v1.json");
    const a = encryptLark(KEY, text);
    const b = encryptLark(KEY, text);
    expect(a).not.toBe(b);
    expect(decryptLark(KEY, a)).toBe(text);
    expect(decryptLark(KEY, b)).toBe(text);
  });

  it("refuses the wrong key", () => {
    expect(() => decryptLark("other key", docVector.encrypt)).toThrow(LarkDecryptError);
  });

  it("refuses a tampered last block", () => {
    const buf = Buffer.from(docVector.encrypt, "base64");
    buf[buf.length - 1] = (buf[buf.length - 1] ?? 0) ^ 0x01;
    expect(() => decryptLark(docVector.encryptKey, buf.toString("base64"))).toThrow(LarkDecryptError);
  });

  it("refuses malformed base64 and bad lengths", () => {
    for (const bad of ["", "AAAA", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk", "P37w VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", "P37w*VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", Buffer.alloc(40).toString("base64")]) {
      expect(() => decryptLark(docVector.encryptKey, bad)).toThrow(LarkDecryptError);
    }
  });

  it("refuses a pad whose bytes are not all equal (OpenSSL checks every byte)", () => {
    const key = createHash("sha256").update(KEY).digest();
    const iv = Buffer.alloc(16, 7);
    const block = Buffer.concat([Buffer.from("hello world", "utf8"), Buffer.from([5, 5, 5, 4, 5])]);
    const cipher = createCipheriv("aes-256-cbc", key, iv).setAutoPadding(false);
    const encrypt = Buffer.concat([iv, cipher.update(block), cipher.final()]).toString("base64");
    expect(() => decryptLark(KEY, encrypt)).toThrow(LarkDecryptError);
  });

  it("refuses plaintext that is not UTF-8", () => {
    const key = createHash("sha256").update(KEY).digest();
    const iv = Buffer.alloc(16, 1);
    const cipher = createCipheriv("aes-256-cbc", key, iv);
    const encrypt = Buffer.concat([iv, cipher.update(Buffer.from([0xff, 0xfe, 0x41])), cipher.final()]).toString("base64");
    expect(() => decryptLark(KEY, encrypt)).toThrow(LarkDecryptError);
  });

  it("refuses an IV that is not 16 bytes", () => {
    expect(() => encryptLark(KEY, "x", Buffer.alloc(8))).toThrow(TypeError);
  });
});

describe("larkSignature / verifyLarkRequest", () => {
  // A pretty-printed body: the raw bytes are signed, so re-serialising would break it (the node-sdk's bug).
  const rawBody = fixture("im-message-receive-v1.json");
  const ts = String(NOW);
  const nonce = "533226633";
  const good = {
    headers: { timestamp: ts, nonce, signature: reference(ts, nonce, KEY, rawBody) },
    rawBody,
    encryptKey: KEY,
    nowSeconds: NOW,
  };

  it("matches the Go SDK algorithm over the raw body (no official numeric vector exists)", () => {
    expect(larkSignature(ts, nonce, KEY, rawBody)).toBe(reference(ts, nonce, KEY, rawBody));
    expect(larkSignature(ts, nonce, KEY, Buffer.from(rawBody))).toBe(reference(ts, nonce, KEY, rawBody));
    // Self-made, pinned with coreutils: printf '%s' '1700000000nonceKEY{"a":1}' | sha256sum
    expect(larkSignature("1700000000", "nonce", "KEY", '{"a":1}')).toBe(
      "2d4a52a42d5ef04bae6191477d1f1f1b9b43ee2689edf87078c21987025d078d",
    );
  });

  it("accepts a correctly signed fresh request, raw or as a Buffer, any hex case", () => {
    expect(verifyLarkRequest(good)).toEqual({ ok: true });
    expect(verifyLarkRequest({ ...good, rawBody: Buffer.from(rawBody) })).toEqual({ ok: true });
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, signature: good.headers.signature.toUpperCase() } })).toEqual({ ok: true });
  });

  it("refuses a re-serialised body (signature is over the bytes Lark sent)", () => {
    const compact = JSON.stringify(JSON.parse(rawBody));
    expect(verifyLarkRequest({ ...good, rawBody: compact })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a tampered signature, nonce, body or key", () => {
    const sig = good.headers.signature;
    const flipped = sig.slice(0, -1) + (sig.endsWith("0") ? "1" : "0");
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, signature: flipped } })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, signature: "abc" } })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, nonce: "1" } })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyLarkRequest({ ...good, rawBody: rawBody + " " })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyLarkRequest({ ...good, encryptKey: "other" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses missing and malformed headers", () => {
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, nonce: undefined } })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, signature: undefined } })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, timestamp: "" } })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifyLarkRequest({ ...good, headers: { ...good.headers, timestamp: "17e8" } })).toEqual({ ok: false, reason: "malformed_timestamp" });
  });

  it("refuses stale and future timestamps, accepts the window's edges", () => {
    const at = (t: number) => {
      const s = String(t);
      return verifyLarkRequest({ ...good, headers: { ...good.headers, timestamp: s, signature: reference(s, nonce, KEY, rawBody) } });
    };
    expect(at(NOW - 300)).toEqual({ ok: true });
    expect(at(NOW + 300)).toEqual({ ok: true });
    expect(at(NOW - 301)).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(at(NOW + 301)).toEqual({ ok: false, reason: "future_timestamp" });
  });

  it("throws when no Encrypt Key is configured", () => {
    expect(() => verifyLarkRequest({ ...good, encryptKey: "" })).toThrow(TypeError);
  });
});

describe("checkLarkToken", () => {
  const urlVerification = JSON.parse(fixture("url-verification.json")) as unknown;
  const message = JSON.parse(fixture("im-message-receive-v1.json")) as { header: { token: string } };
  const cardAction = JSON.parse(fixture("card-action-trigger.json")) as { header: { token: string }; event: { token: string } };

  it("reads the top-level token of url_verification (doc example) and of the decrypted node-sdk challenge", () => {
    expect(checkLarkToken("xxxxxx", urlVerification)).toBe(true);
    expect(checkLarkToken("yyyyyy", urlVerification)).toBe(false);
    expect(checkLarkToken("iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6", JSON.parse(sdkChallenge.plaintext))).toBe(true);
  });

  it("reads header.token on schema 2.0 events", () => {
    expect(checkLarkToken("rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV", message)).toBe(true);
    expect(checkLarkToken("rvaYgkND1GOiu5MM0E1rncYC6PLtF7JW", message)).toBe(false);
    expect(checkLarkToken("rvaYgkND1GOiu5MM0E1rncYC6PLtF7J", message)).toBe(false);
  });

  it("never accepts the card-update token (event.token) as the verification token", () => {
    expect(checkLarkToken(cardAction.header.token, cardAction)).toBe(true);
    expect(checkLarkToken(cardAction.event.token, cardAction)).toBe(false);
    // A schema 2.0 body whose only token is top-level does not pass either.
    expect(checkLarkToken("t", { schema: "2.0", token: "t", header: {} })).toBe(false);
  });

  it("returns false for bodies without a string token and throws when none is configured", () => {
    for (const body of [null, undefined, "xxxxxx", 42, {}, { token: 1 }, { schema: "2.0", header: null }]) {
      expect(checkLarkToken("xxxxxx", body)).toBe(false);
    }
    expect(() => checkLarkToken("", urlVerification)).toThrow(TypeError);
  });
});
