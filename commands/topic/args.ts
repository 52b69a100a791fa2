// Argument schemas shared by the topic commands. Error messages are error codes (see templates/strings).
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { TOPIC_STATUSES } from "../../src/domain/topics/lifecycle.js";
import { parseFormat, parsePlatformList, parseTheme, parsePlatform, parseTopicStatus } from "../../src/domain/topics/vocabulary.js";

/** Longest title we accept: long enough for a headline, short enough for every card. */
export const TITLE_MAX = 100;

/** "#12", "12" or "＃12" → 12. */
export const ZTopicId = z.string().transform((raw, ctx) => {
  const m = /^[#＃]?(\d{1,9})$/.exec(raw.trim());
  if (!m) {
    ctx.addIssue({ code: "custom", message: "topic.bad_id", params: { value: raw } });
    return z.NEVER;
  }
  return Number(m[1]);
});

/** A topic title: trimmed, not empty, not over TITLE_MAX characters (counted as people see them). */
export const ZTitle = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { message: "topic.title_empty" })
  .refine((s) => [...s].length <= TITLE_MAX, { message: "topic.title_too_long" });

/** Free text with a limit, e.g. an angle or a reason. */
export function ZText(max: number) {
  return z
    .string()
    .transform((s) => s.trim())
    .refine((s) => [...s].length <= max, { message: "command.text_too_long", params: { max } });
}

/** A theme module by any of its names. */
export const ZTheme = z.string().transform((raw) => {
  const theme = parseTheme(raw);
  if (!theme) throw new AppError("topic.unknown_theme", { value: raw });
  return theme;
});

/** One or more platforms: "douyin,weibo", "抖音，微博". */
export const ZPlatforms = z.string().transform((raw) => parsePlatformList(raw));

/** A single platform (for filters). */
export const ZPlatform = z.string().transform((raw) => {
  const p = parsePlatform(raw);
  if (!p) parsePlatformList(raw); // throws the same "unknown platform" refusal with the list of known ones
  return p!;
});

/** A content format by any of its names. */
export const ZFormat = z.string().transform((raw) => {
  const f = parseFormat(raw);
  if (!f) throw new AppError("topic.unknown_format", { value: raw });
  return f;
});

/** A lifecycle status for filters. */
export const ZStatus = z.string().transform((raw) => {
  const s = parseTopicStatus(raw);
  if (!s) throw new AppError("topic.unknown_status", { value: raw, known: TOPIC_STATUSES.join(", ") });
  return s;
});

/** A user handle, with or without a leading @. */
export const ZHandle = z
  .string()
  .transform((s) => s.trim().replace(/^[@＠]/, ""))
  .refine((s) => /^[\w.-]{1,64}$/.test(s), { message: "user.bad_handle" });
