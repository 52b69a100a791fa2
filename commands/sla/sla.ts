// The /sla commands: log an item by hand, my items, the board, the figures, and a pasted CSV import.
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { SLA_KINDS, SLA_PLATFORMS, isSlaKind } from "../../src/domain/sla/index.js";
import { parsePlatform } from "../../src/domain/topics/vocabulary.js";
import { defineCommand } from "../spec.js";

const ZSlaPlatform = z.string().transform((raw) => {
  const p = parsePlatform(raw);
  if (!p) throw new AppError("sla.unknown_platform", { value: raw, known: SLA_PLATFORMS.join(", ") });
  return p;
});
const ZLink = z.string().refine((s) => /^https?:\/\/\S+$/.test(s), { message: "sla.bad_link" });
const ZKind = z.string().transform((raw) => {
  const k = raw.trim().toLowerCase();
  if (!isSlaKind(k)) throw new AppError("sla.unknown_kind", { value: raw });
  return k;
});

/** /sla log <platform> <link> [note]: an item someone spotted by hand. */
export const slaLog = defineCommand({
  id: "sla.log",
  words: ["sla", "log"],
  positionals: [{ name: "platform" }, { name: "link" }, { name: "note", rest: true }],
  options: [
    { name: "kind", help: { en: `${SLA_KINDS.join(", ")} (default comment)`, "zh-CN": "comment、reply、dm 或 complaint（默认 comment）" } },
    { name: "account", help: { en: "the account code when the team has several on that platform", "zh-CN": "该平台有多个账号时填写账号代码" } },
    { name: "author", help: { en: "the user's name", "zh-CN": "用户昵称" } },
  ],
  args: z.object({
    platform: ZSlaPlatform,
    link: ZLink,
    note: z.string().max(2000, { message: "command.text_too_long" }).optional(),
    kind: ZKind.optional(),
    account: z.string().max(64).optional(),
    author: z.string().max(128).optional(),
  }),
  usage: "/sla log <platform> <link> [note] [--kind K] [--account A] [--author NAME]",
  summary: { en: "Log a comment or message that needs a reply", "zh-CN": "手动登记一条待回复的留言" },
  examples: ["/sla log douyin https://www.douyin.com/video/123 用户问发货时间 --kind complaint"],
  permission: "any",
});

/** /sla mine: my open items. */
export const slaMine = defineCommand({
  id: "sla.mine", words: ["sla", "mine"], positionals: [], options: [], args: z.object({}),
  usage: "/sla mine", summary: { en: "My comments to answer", "zh-CN": "我负责的待回复留言" }, examples: ["/sla mine"], permission: "any",
});

/** /sla board: every open item, breached first, then by time left. */
export const slaBoard = defineCommand({
  id: "sla.board", words: ["sla", "board"], positionals: [], options: [], args: z.object({}),
  usage: "/sla board", summary: { en: "All open comments by time left", "zh-CN": "全部待回复留言（按剩余时间）" }, examples: ["/sla board"], permission: "any",
});

/** /sla stats [period]: first-response median, p90 and breach rate. */
export const slaStats = defineCommand({
  id: "sla.stats", words: ["sla", "stats"], positionals: [{ name: "period" }], options: [],
  args: z.object({
    period: z
      .string()
      .optional()
      .transform((raw) => {
        const v = (raw ?? "week").trim().toLowerCase();
        const days = v === "today" ? 1 : v === "week" ? 7 : v === "month" ? 30 : /^\d{1,3}d$/.test(v) ? Number(v.slice(0, -1)) : NaN;
        if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError("sla.bad_period", { value: raw ?? "" });
        return days;
      }),
  }),
  usage: "/sla stats [today|week|month|<n>d]", summary: { en: "First-response figures", "zh-CN": "首次响应统计" }, examples: ["/sla stats", "/sla stats 30d"], permission: "any",
});
