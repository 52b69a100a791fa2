import { createCipheriv } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  WecomCryptoError,
  buildEncryptedReplyXml,
  decryptWecom,
  encryptWecom,
  openWecomEnvelope,
  pkcs7Pad,
  pkcs7Unpad,
  wecomAesKey,
  wecomSignature,
} from "../../../src/adapters/wecom/crypto.js";
import { parseFlatXml } from "../../../src/adapters/wecom/xml.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/wecom/${path}`, import.meta.url), "utf8");

// Official WXBizMsgCrypt sample values (WeCom), see _source in the file.
const v = JSON.parse(fixture("callback-vectors.json")) as {
  config: { token: string; encodingAESKey: string; corpId: string };
  verifyUrl: { msg_signature: string; timestamp: string; nonce: string; echostr: string; plaintext: string };
  post: { msg_signature: string; timestamp: string; nonce: string; body: string; plaintext: string; randomAscii: string };
};
const { token, encodingAESKey, corpId } = v.config;
const postEncrypt = parseFlatXml(v.post.body).Encrypt ?? "";

const getInput = {
  token,
  encodingAESKey,
  receiveId: corpId,
  msgSignature: v.verifyUrl.msg_signature,
  timestamp: v.verifyUrl.timestamp,
  nonce: v.verifyUrl.nonce,
  encrypt: v.verifyUrl.echostr,
};
const postInput = {
  ...getInput,
  msgSignature: v.post.msg_signature,
  timestamp: v.post.timestamp,
  nonce: v.post.nonce,
  encrypt: postEncrypt,
};

/** Encrypts raw plaintext bytes with the scheme's key and IV but no padding logic, to forge bad pads. */
function rawEncrypt(plain: Buffer): string {
  const key = wecomAesKey(encodingAESKey);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

/** random ‖ len ‖ msg ‖ id, unpadded. */
function frame(message: string, receiveId: string): Buffer {
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  return Buffer.concat([Buffer.alloc(16, 0x61), len, msg, Buffer.from(receiveId)]);
}

describe("wecomSignature (official vectors)", () => {
  it("reproduces the URL-verification msg_signature", () => {
    const { timestamp, nonce, echostr, msg_signature } = v.verifyUrl;
    expect(wecomSignature(token, timestamp, nonce, echostr)).toBe(msg_signature);
  });

  it("reproduces the POST callback msg_signature", () => {
    expect(wecomSignature(token, v.post.timestamp, v.post.nonce, postEncrypt)).toBe(v.post.msg_signature);
  });
});

describe("decryptWecom / encryptWecom (official vectors)", () => {
  it("decrypts the URL-verification echostr to 1616140317555161061 for the CorpID", () => {
    const out = decryptWecom(encodingAESKey, v.verifyUrl.echostr);
    expect(out.message).toBe(v.verifyUrl.plaintext);
    expect(out.receiveId).toBe(corpId);
    expect(out.random).toHaveLength(16);
  });

  it("decrypts the POST body's Encrypt to the text message", () => {
    const out = decryptWecom(encodingAESKey, postEncrypt);
    expect(out.message).toBe(v.post.plaintext);
    expect(out.receiveId).toBe(corpId);
    expect(out.random.toString("latin1")).toBe(v.post.randomAscii);
    expect(parseFlatXml(out.message)).toMatchObject({ MsgType: "text", Content: "hello", FromUserName: "mycreate" });
  });

  it("re-encrypting with the recovered random reproduces both official ciphertexts byte for byte", () => {
    for (const encrypt of [v.verifyUrl.echostr, postEncrypt]) {
      const { message, receiveId, random } = decryptWecom(encodingAESKey, encrypt);
      expect(encryptWecom(encodingAESKey, message, receiveId, random)).toBe(encrypt);
    }
  });

  it("round-trips UTF-8 messages of every length around the 32-byte block (incl. a full pad block)", () => {
    for (let n = 0; n <= 70; n++) {
      const message = "消".repeat(n % 5) + "x".repeat(n);
      const enc = encryptWecom(encodingAESKey, message, corpId);
      expect(Buffer.from(enc, "base64").length % 32).toBe(0);
      const out = decryptWecom(encodingAESKey, enc);
      expect([out.message, out.receiveId]).toEqual([message, corpId]);
    }
  });

  it("uses a fresh random by default and refuses a random that is not 16 bytes", () => {
    expect(encryptWecom(encodingAESKey, "m", corpId)).not.toBe(encryptWecom(encodingAESKey, "m", corpId));
    expect(() => encryptWecom(encodingAESKey, "m", corpId, Buffer.alloc(15))).toThrow(TypeError);
  });
});

describe("decryptWecom refusals", () => {
  it("refuses malformed base64", () => {
    const e = v.verifyUrl.echostr;
    for (const bad of ["", e.slice(0, -2), e.replace("/", "_"), e.replace("+", " "), `${e}=`, `${e}AAAA`, "not base64!"]) {
      expect(() => decryptWecom(encodingAESKey, bad)).toThrow(WecomCryptoError);
    }
  });

  it("refuses a bad EncodingAESKey", () => {
    for (const key of ["", encodingAESKey.slice(1), `${encodingAESKey}A`, `${encodingAESKey.slice(1)}_`]) {
      expect(() => decryptWecom(key, v.verifyUrl.echostr)).toThrow(WecomCryptoError);
    }
  });

  it("refuses a ciphertext tampered in its last block (breaks the padding)", () => {
    const buf = Buffer.from(v.verifyUrl.echostr, "base64");
    buf[buf.length - 1] = (buf[buf.length - 1] ?? 0) ^ 0xff;
    expect(() => decryptWecom(encodingAESKey, buf.toString("base64"))).toThrow(WecomCryptoError);
  });

  it("refuses a pad whose bytes are not all equal, even if the last byte is plausible", () => {
    const body = frame("hi", corpId); // 16 + 4 + 2 + 18 = 40 bytes → 24 pad bytes
    const pad = Buffer.alloc(24, 24);
    pad[3] = 23;
    expect(() => decryptWecom(encodingAESKey, rawEncrypt(Buffer.concat([body, pad])))).toThrow(/padding byte/);
  });

  it("refuses a zero pad, a pad above 32, and 16-byte (not 32-byte) PKCS#7 padding", () => {
    const body = frame("hi", corpId);
    const zero = Buffer.concat([body, Buffer.alloc(24, 0)]);
    expect(() => decryptWecom(encodingAESKey, rawEncrypt(zero))).toThrow(/padding length/);
    const big = Buffer.concat([body, Buffer.alloc(24, 33)]);
    expect(() => decryptWecom(encodingAESKey, rawEncrypt(big))).toThrow(/padding length/);
    const pad16 = Buffer.concat([body, Buffer.alloc(8, 8)]); // 48 bytes: valid AES, not whole 32-byte blocks
    expect(() => decryptWecom(encodingAESKey, rawEncrypt(pad16))).toThrow(WecomCryptoError);
  });

  it("refuses a message length that runs past the plaintext", () => {
    const body = frame("hi", corpId);
    body.writeUInt32BE(1000, 16);
    expect(() => decryptWecom(encodingAESKey, rawEncrypt(pkcs7Pad(body)))).toThrow(/length/);
  });

  it("refuses a plaintext shorter than random + length", () => {
    expect(() => decryptWecom(encodingAESKey, rawEncrypt(pkcs7Pad(Buffer.alloc(10, 1))))).toThrow(/too short/);
  });
});

describe("pkcs7Pad / pkcs7Unpad", () => {
  it("pads to 32 with 1..32 bytes and unpads back", () => {
    for (let n = 0; n <= 64; n++) {
      const data = Buffer.alloc(n, 0x42);
      const padded = pkcs7Pad(data);
      expect(padded.length % 32).toBe(0);
      expect(padded.length - n).toBeGreaterThanOrEqual(1);
      expect(padded.length - n).toBeLessThanOrEqual(32);
      expect(pkcs7Unpad(padded).equals(data)).toBe(true);
    }
  });

  it("checks every pad byte, the range 1..32, and whole blocks", () => {
    const ok = pkcs7Pad(Buffer.from("abc"));
    const wrongMiddle = Buffer.from(ok);
    wrongMiddle[10] = 0;
    expect(() => pkcs7Unpad(wrongMiddle)).toThrow(WecomCryptoError);
    expect(() => pkcs7Unpad(Buffer.alloc(32, 0))).toThrow(WecomCryptoError);
    expect(() => pkcs7Unpad(Buffer.alloc(32, 33))).toThrow(WecomCryptoError);
    expect(pkcs7Unpad(Buffer.alloc(32, 32))).toHaveLength(0);
    expect(() => pkcs7Unpad(Buffer.alloc(31, 1))).toThrow(WecomCryptoError);
    expect(() => pkcs7Unpad(Buffer.alloc(0))).toThrow(WecomCryptoError);
  });
});

describe("openWecomEnvelope", () => {
  it("opens the official URL-verification request", () => {
    expect(openWecomEnvelope(getInput)).toMatchObject({ ok: true, message: v.verifyUrl.plaintext, receiveId: corpId });
  });

  it("opens the official POST callback", () => {
    expect(openWecomEnvelope(postInput)).toMatchObject({ ok: true, message: v.post.plaintext, receiveId: corpId });
  });

  it("accepts an upper-case hex msg_signature", () => {
    expect(openWecomEnvelope({ ...getInput, msgSignature: getInput.msgSignature.toUpperCase() }).ok).toBe(true);
  });

  it("bad_signature: tampered signature, other token, other nonce/timestamp, missing parameters", () => {
    const bad = { ok: false, reason: "bad_signature" };
    const sig = getInput.msgSignature;
    expect(openWecomEnvelope({ ...getInput, msgSignature: sig.slice(0, -1) + (sig.endsWith("3") ? "4" : "3") })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, msgSignature: sig.slice(0, -1) })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, token: "other" })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, nonce: "263014781" })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, timestamp: "1409659590" })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, encrypt: postEncrypt })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, msgSignature: undefined })).toEqual(bad);
    expect(openWecomEnvelope({ ...getInput, encrypt: "" })).toEqual(bad);
  });

  it("bad_ciphertext: correctly signed but tampered or malformed ciphertext", () => {
    const buf = Buffer.from(postEncrypt, "base64");
    buf[buf.length - 1] = (buf[buf.length - 1] ?? 0) ^ 0x55;
    for (const encrypt of [buf.toString("base64"), "AAAA", "@@@@"]) {
      const signed = { ...postInput, encrypt, msgSignature: wecomSignature(token, postInput.timestamp, postInput.nonce, encrypt) };
      expect(openWecomEnvelope(signed)).toEqual({ ok: false, reason: "bad_ciphertext" });
    }
  });

  it("bad_ciphertext: a wrongly configured EncodingAESKey", () => {
    const otherKey = `k${encodingAESKey.slice(1)}`;
    expect(openWecomEnvelope({ ...getInput, encodingAESKey: otherKey }).ok).toBe(false);
    // The 43rd character carries only 4 key bits, so keys differing in its low 2 bits are the same key ('C' ~ 'D').
    expect(wecomAesKey(`${encodingAESKey.slice(0, -1)}D`).equals(wecomAesKey(encodingAESKey))).toBe(true);
    expect(openWecomEnvelope({ ...getInput, encodingAESKey: "short" })).toEqual({ ok: false, reason: "bad_ciphertext" });
  });

  it("wrong_receive_id: a message for another CorpID, correctly signed and encrypted", () => {
    expect(openWecomEnvelope({ ...getInput, receiveId: "wx0000000000000000" })).toEqual({ ok: false, reason: "wrong_receive_id" });
    const encrypt = encryptWecom(encodingAESKey, "hi", "wx5823bf96d3bd56c8");
    const signed = { ...getInput, encrypt, msgSignature: wecomSignature(token, getInput.timestamp, getInput.nonce, encrypt) };
    expect(openWecomEnvelope(signed)).toEqual({ ok: false, reason: "wrong_receive_id" });
  });

  it("throws when token or receive id is not configured", () => {
    expect(() => openWecomEnvelope({ ...getInput, token: "" })).toThrow(TypeError);
    expect(() => openWecomEnvelope({ ...getInput, receiveId: "" })).toThrow(TypeError);
  });
});

describe("buildEncryptedReplyXml", () => {
  const reply = "<xml><ToUserName><![CDATA[mycreate]]></ToUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到]]></Content></xml>";
  const input = { token, encodingAESKey, receiveId: corpId, message: reply, timestamp: "1409659813", nonce: "1372623149" };

  it("builds Encrypt, MsgSignature, TimeStamp and Nonce that open back to the reply", () => {
    const xml = buildEncryptedReplyXml({ ...input, random: Buffer.from("0960688932c47ef1") });
    const fields = parseFlatXml(xml);
    expect(Object.keys(fields)).toEqual(["Encrypt", "MsgSignature", "TimeStamp", "Nonce"]);
    expect(fields.TimeStamp).toBe(input.timestamp);
    expect(fields.Nonce).toBe(input.nonce);
    expect(fields.MsgSignature).toBe(wecomSignature(token, input.timestamp, input.nonce, fields.Encrypt ?? ""));
    const opened = openWecomEnvelope({
      ...getInput,
      msgSignature: fields.MsgSignature,
      timestamp: fields.TimeStamp,
      nonce: fields.Nonce,
      encrypt: fields.Encrypt,
    });
    expect(opened).toMatchObject({ ok: true, message: reply, receiveId: corpId });
  });

  it("is deterministic for a given random", () => {
    const random = Buffer.alloc(16, 9);
    expect(buildEncryptedReplyXml({ ...input, random })).toBe(buildEncryptedReplyXml({ ...input, random }));
  });

  it("refuses a timestamp or nonce that could break the XML", () => {
    expect(() => buildEncryptedReplyXml({ ...input, timestamp: "1</TimeStamp>" })).toThrow(TypeError);
    expect(() => buildEncryptedReplyXml({ ...input, nonce: "a]]><x>" })).toThrow(TypeError);
    expect(() => buildEncryptedReplyXml({ ...input, nonce: "" })).toThrow(TypeError);
  });
});
