// A verified (and, in safe mode, decrypted) WeChat Official Account push → an SLA intake item. Pure: the flat
// XML fields in, the raw item that ingestSlaItems checks out. User messages (text, image, voice, video,
// shortvideo, location, link) become items of kind dm; events (subscribe, menu clicks...) are answered and
// ignored. Each push has a dedupe key: MsgId, or FromUserName+CreateTime for events (WeChat's own advice).
import { SLA_TEXT_MAX } from "../../domain/sla/intake.js";

/** Message types that open an SLA item. */
export const WECHAT_OA_MESSAGE_TYPES = ["text", "image", "voice", "video", "shortvideo", "location", "link"] as const;

/** The raw intake item (the shape ZIngestItem reads). */
export interface WechatOaRawItem {
  platform: "wechat_oa";
  account: string;
  kind: "dm";
  externalId: string;
  author: string;
  text: string;
  link?: string;
  createdAt: string;
}

/** What to do with one push. */
export type WechatOaParsed =
  | { ok: true; dedupeKey: string; item: WechatOaRawItem }
  | { ok: "ignore"; dedupeKey: string; reason: string }
  | { ok: false; error: string };

const URL_RE = /^https?:\/\/[^\s]+$/;

function truncate(s: string): string {
  const chars = [...s];
  return chars.length <= SLA_TEXT_MAX ? s : `${chars.slice(0, SLA_TEXT_MAX - 1).join("")}…`;
}

function textOf(f: Record<string, string>, type: string): string {
  switch (type) {
    case "text":
      return f.Content ?? "";
    case "image":
      return "[图片]";
    case "voice":
      return f.Recognition ? `[语音] ${f.Recognition}` : "[语音]";
    case "video":
      return "[视频]";
    case "shortvideo":
      return "[小视频]";
    case "location":
      return `[位置] ${f.Label ?? ""} (${f.Location_X ?? "?"}, ${f.Location_Y ?? "?"})`.replace("  ", " ");
    default:
      return `[链接] ${f.Title ?? ""}${f.Description ? ` — ${f.Description}` : ""}`;
  }
}

/**
 * Maps the fields of one push. `account` overrides ToUserName as the SLA account code. Text longer than the
 * SLA limit is shortened (with "…"), not refused: the user still needs an answer and WeChat cannot be told.
 */
export function parseWechatOaInbound(f: Record<string, string>, opts: { account?: string } = {}): WechatOaParsed {
  const type = f.MsgType?.trim();
  const from = f.FromUserName?.trim();
  const to = f.ToUserName?.trim();
  const created = f.CreateTime?.trim();
  if (!type || !from || !to || !created) {
    const missing = ["ToUserName", "FromUserName", "CreateTime", "MsgType"].filter((k) => !f[k]?.trim());
    return { ok: false, error: `the message lacks ${missing.join(", ")}` };
  }
  if (!/^\d{1,12}$/.test(created)) return { ok: false, error: "CreateTime is not whole seconds since the epoch" };
  if (type === "event") return { ok: "ignore", dedupeKey: `${from}:${created}`, reason: `event ${f.Event ?? "?"}` };
  const msgId = f.MsgId?.trim() || f.MsgID?.trim();
  if (!(WECHAT_OA_MESSAGE_TYPES as readonly string[]).includes(type)) {
    return { ok: "ignore", dedupeKey: msgId ?? `${from}:${created}`, reason: `message type ${type}` };
  }
  if (!msgId || !/^\d{1,32}$/.test(msgId)) return { ok: false, error: "MsgId is missing or not a number" };
  const linkField = type === "link" ? f.Url : type === "image" ? f.PicUrl : undefined;
  const link = linkField && linkField.length <= 1000 && URL_RE.test(linkField.trim()) ? linkField.trim() : undefined;
  return {
    ok: true,
    dedupeKey: msgId,
    item: {
      platform: "wechat_oa",
      account: opts.account ?? to,
      kind: "dm",
      externalId: msgId,
      author: from,
      text: truncate(textOf(f, type).trim()),
      ...(link ? { link } : {}),
      createdAt: new Date(Number(created) * 1000).toISOString(),
    },
  };
}
