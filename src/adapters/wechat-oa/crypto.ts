// WeChat Official Account (公众号) message push. Plain mode: `signature` = sha1 of sorted [token, timestamp, nonce]
// (接入指南). Safe mode (安全模式) adds `msg_signature` and an <Encrypt> field using the same WXBizMsgCrypt scheme as
// WeCom, with the AppID as receive id (消息加解密说明) — so the primitives come from the WeCom module, not a copy.
// The server-URL check (GET with echostr) always uses the plain signature and echostr is returned unencrypted,
// even in safe mode; `msg_signature` only appears on POSTs in safe or compatible mode.
import {
  buildEncryptedReplyXml,
  openWecomEnvelope,
  safeEqual,
  sha1OfSorted,
  type WecomOpenResult,
} from "../wecom/crypto.js";

/** Plain-mode `signature`: hex sha1 of token, timestamp and nonce, sorted and joined. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return sha1OfSorted([token, timestamp, nonce]);
}

/** Input of {@link verifyWechatSignature}: the configured token and the query parameters as received. */
export interface WechatSignatureInput {
  token: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
}

/** Checks the plain-mode `signature` query parameter, constant-time. */
export function verifyWechatSignature(input: WechatSignatureInput): boolean {
  const { token, signature, timestamp, nonce } = input;
  // sha1 over a known-empty token is forgeable by anyone: a missing token is a configuration bug.
  if (token === "") throw new TypeError("verifyWechatSignature: token is empty");
  if (!signature || !timestamp || !nonce) return false;
  return safeEqual(signature.toLowerCase(), wechatSignature(token, timestamp, nonce));
}

/** Input of {@link openWechatEnvelope}: account configuration plus `msg_signature`, timestamp, nonce and <Encrypt>. */
export interface WechatEnvelopeInput {
  token: string;
  encodingAESKey: string;
  /** The Official Account's AppID, which the sender appends to the plaintext as receive id. */
  appId: string;
  msgSignature: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
  encrypt: string | undefined;
}

/** Safe-mode inbound path: checks msg_signature, decrypts, and checks the AppID; the WeCom result type and reasons. */
export function openWechatEnvelope(input: WechatEnvelopeInput): WecomOpenResult {
  const { appId, ...rest } = input;
  return openWecomEnvelope({ ...rest, receiveId: appId });
}

/** Input of {@link buildWechatEncryptedReply}. */
export interface WechatReplyInput {
  token: string;
  encodingAESKey: string;
  appId: string;
  message: string;
  timestamp: string;
  nonce: string;
  random?: Buffer;
}

/** Safe-mode passive reply XML (Encrypt, MsgSignature, TimeStamp, Nonce) for the given AppID. */
export function buildWechatEncryptedReply(input: WechatReplyInput): string {
  const { appId, ...rest } = input;
  return buildEncryptedReplyXml({ ...rest, receiveId: appId });
}
