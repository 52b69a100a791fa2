import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  buildWechatEncryptedReply,
  openWechatEnvelope,
  verifyWechatSignature,
  wechatSignature,
} from "../../../src/adapters/wechat-oa/crypto.js";
import { decryptWecom, encryptWecom, wecomSignature } from "../../../src/adapters/wecom/crypto.js";
import { parseFlatXml } from "../../../src/adapters/wecom/xml.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

// Official: WeChat's cryptoDemo.zip Java WXBizMsgCryptTest (testAesEncrypt / testAesEncrypt2), see _source.
const oa = JSON.parse(fixture("wechat-oa/official-sample-vectors.json")) as {
  token: string;
  encodingAESKey: string;
  appId: string;
  timestamp: string;
  nonce: string;
  randomAscii: string;
  xmlFormat: string;
  cases: { replyMsg: string; afterAesEncrypt: string }[];
};
// NOT official: wechatpy's plain-mode test value (WeChat publishes none), see _source.
const plain = JSON.parse(fixture("wechat-oa/plain-signature-wechatpy.json")) as {
  token: string;
  timestamp: string;
  nonce: string;
  signature: string;
};
// Official WeCom sample, to show the OA path is the same scheme with another receive id.
const wecom = JSON.parse(fixture("wecom/callback-vectors.json")) as {
  config: { token: string; encodingAESKey: string; corpId: string };
  verifyUrl: { msg_signature: string; timestamp: string; nonce: string; echostr: string; plaintext: string };
};

const random = Buffer.from(oa.randomAscii, "latin1");

describe("safe mode: official cryptoDemo vectors", () => {
  it("encrypting with the sample's fixed random gives the official ciphertexts", () => {
    for (const c of oa.cases) {
      expect(encryptWecom(oa.encodingAESKey, c.replyMsg, oa.appId, random)).toBe(c.afterAesEncrypt);
    }
  });

  it("decrypting the official ciphertexts gives the message, the AppID and the random", () => {
    for (const c of oa.cases) {
      const out = decryptWecom(oa.encodingAESKey, c.afterAesEncrypt);
      expect(out.message).toBe(c.replyMsg);
      expect(out.receiveId).toBe(oa.appId);
      expect(out.random.equals(random)).toBe(true);
    }
  });
});

describe("openWechatEnvelope", () => {
  const first = oa.cases[0] ?? { replyMsg: "", afterAesEncrypt: "" };
  const body = oa.xmlFormat.replace("%s", first.afterAesEncrypt);
  const encrypt = parseFlatXml(body).Encrypt;
  const input = {
    token: oa.token,
    encodingAESKey: oa.encodingAESKey,
    appId: oa.appId,
    // Self-computed (the sample prints no fixed msg_signature); pinned with coreutils sort | sha1sum.
    msgSignature: "82c962d39941aa48552f90ef55aa323dc620cc10",
    timestamp: oa.timestamp,
    nonce: oa.nonce,
    encrypt,
  };

  it("msg_signature is sha1 over the sorted token, timestamp, nonce and Encrypt", () => {
    expect(wecomSignature(oa.token, oa.timestamp, oa.nonce, encrypt ?? "")).toBe(input.msgSignature);
  });

  it("opens the official sample's encrypted message for its AppID", () => {
    expect(openWechatEnvelope(input)).toMatchObject({ ok: true, message: first.replyMsg, receiveId: oa.appId });
  });

  it("refuses a tampered msg_signature, a ciphertext for another AppID, and a tampered ciphertext", () => {
    expect(openWechatEnvelope({ ...input, msgSignature: "0".repeat(40) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(openWechatEnvelope({ ...input, appId: "wxb11529c136998cb7" })).toEqual({ ok: false, reason: "wrong_receive_id" });
    const tampered = Buffer.from(first.afterAesEncrypt, "base64");
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    const t = tampered.toString("base64");
    const signed = { ...input, encrypt: t, msgSignature: wecomSignature(oa.token, oa.timestamp, oa.nonce, t) };
    expect(openWechatEnvelope(signed)).toEqual({ ok: false, reason: "bad_ciphertext" });
  });

  it("is the same scheme as WeCom: the official WeCom vector opens with its CorpID as the AppID", () => {
    const { token, encodingAESKey, corpId } = wecom.config;
    const { msg_signature, timestamp, nonce, echostr, plaintext } = wecom.verifyUrl;
    const opened = openWechatEnvelope({ token, encodingAESKey, appId: corpId, msgSignature: msg_signature, timestamp, nonce, encrypt: echostr });
    expect(opened).toMatchObject({ ok: true, message: plaintext });
  });
});

describe("buildWechatEncryptedReply", () => {
  it("builds a passive reply that opens back for the AppID", () => {
    const message = oa.cases[1]?.replyMsg ?? "";
    const xml = buildWechatEncryptedReply({
      token: oa.token,
      encodingAESKey: oa.encodingAESKey,
      appId: oa.appId,
      message,
      timestamp: oa.timestamp,
      nonce: oa.nonce,
      random,
    });
    const f = parseFlatXml(xml);
    // With the official random, the Encrypt is exactly the official afterAesEncrypt2.
    expect(f.Encrypt).toBe(oa.cases[1]?.afterAesEncrypt);
    const opened = openWechatEnvelope({
      token: oa.token,
      encodingAESKey: oa.encodingAESKey,
      appId: oa.appId,
      msgSignature: f.MsgSignature,
      timestamp: f.TimeStamp,
      nonce: f.Nonce,
      encrypt: f.Encrypt,
    });
    expect(opened).toMatchObject({ ok: true, message });
  });
});

describe("plain mode signature", () => {
  it("matches wechatpy's test value (third-party; WeChat's 接入指南 gives no worked example)", () => {
    expect(wechatSignature(plain.token, plain.timestamp, plain.nonce)).toBe(plain.signature);
  });

  it("matches a self-made value pinned with coreutils sort | sha1sum", () => {
    expect(wechatSignature("mediaops-token", "1790000000", "987654321")).toBe("e86c37d0835ac544b4c4ee19a57d372153f0dbee");
  });

  it("verifies the signature query parameter, constant-time, any hex case", () => {
    const q = { token: plain.token, signature: plain.signature, timestamp: plain.timestamp, nonce: plain.nonce };
    expect(verifyWechatSignature(q)).toBe(true);
    expect(verifyWechatSignature({ ...q, signature: q.signature.toUpperCase() })).toBe(true);
    expect(verifyWechatSignature({ ...q, signature: `${q.signature.slice(0, -1)}e` })).toBe(false);
    expect(verifyWechatSignature({ ...q, signature: q.signature.slice(0, -1) })).toBe(false);
    expect(verifyWechatSignature({ ...q, token: "other" })).toBe(false);
    expect(verifyWechatSignature({ ...q, timestamp: "1410685590" })).toBe(false);
    expect(verifyWechatSignature({ ...q, nonce: undefined })).toBe(false);
    expect(verifyWechatSignature({ ...q, signature: undefined })).toBe(false);
  });

  it("throws when no token is configured", () => {
    expect(() => verifyWechatSignature({ token: "", signature: "x", timestamp: "1", nonce: "1" })).toThrow(TypeError);
  });
});
