// What is wrong with a request body, in the caller's language, from the validator's finding (its code and
// field, never its English sentence): "消息太长了，最多 4000 个字符".
import type { Locale } from "../../src/domain/locale.js";

/** The fields of the console API bodies. */
const FIELD_NAMES: Record<Locale, Record<string, string>> = {
  en: { channel: "channel", user: "user", text: "message", messageId: "message id", actionId: "button", value: "button value", reason: "reason", command: "command", filename: "file name", contentBase64: "file", body: "request body" },
  "zh-CN": { channel: "频道", user: "用户", text: "消息", messageId: "消息编号", actionId: "按钮", value: "按钮内容", reason: "原因", command: "命令", filename: "文件名", contentBase64: "文件", body: "请求内容" },
};

/** A validator finding as the validator reports it (zod's issue: code, path, limits). */
export interface RequestIssue {
  code: string;
  path: readonly PropertyKey[];
  maximum?: unknown;
  minimum?: unknown;
}

/** One sentence naming the field and what is wrong with it. */
export function describeRequestIssue(issue: RequestIssue | undefined, locale: Locale): string {
  const en = locale === "en";
  const key = issue?.path.map(String).join(".") || "body";
  const field = FIELD_NAMES[locale][key] ?? key;
  switch (issue?.code) {
    case "too_big": return en ? `the ${field} is too long: at most ${String(issue.maximum)} characters` : `${field}太长了，最多 ${String(issue.maximum)} 个字符`;
    case "too_small": return en ? `the ${field} is empty` : `${field}不能为空`;
    case "invalid_type": return en ? `the ${field} is missing or not text` : `缺少${field}，或${field}不是文本`;
    case "invalid_format": return en ? `the ${field} is not in the expected form` : `${field}的格式不对`;
    default: return en ? `the ${field} is not valid` : `${field}无效`;
  }
}

/** A request body whose bytes are not UTF-8 text (refused, nothing stored). */
export function notUtf8(locale: Locale): string {
  return locale === "en" ? "The request is not valid UTF-8 text; nothing was changed." : "请求内容不是有效的 UTF-8 文本，没有做任何更改。";
}

/** A request body that is not JSON. */
export function notJson(locale: Locale): string {
  return locale === "en" ? "The request is not valid JSON; nothing was changed." : "请求内容不是有效的 JSON，没有做任何更改。";
}
