// The /sla commands: log an item by hand, my items, the board, the figures, and a pasted CSV import.
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { SLA_KINDS, SLA_PLATFORMS, parseSlaKind, type SlaRole } from "../../src/domain/sla/index.js";
import { parsePlatform } from "../../src/domain/topics/vocabulary.js";
import { defineCommand } from "../spec.js";

const ZSlaPlatform = z.string().transform((raw) => {
  const p = parsePlatform(raw);
  if (!p) throw new AppError("sla.unknown_platform", { value: raw, known: SLA_PLATFORMS.join(", ") });
  return p;
});
const ZLink = z.string().refine((s) => /^https?:\/\/\S+$/.test(s), { message: "sla.bad_link" });
const ZKind = z.string().transform((raw) => {
  const k = parseSlaKind(raw);
  if (!k) throw new AppError("sla.unknown_kind", { value: raw });
  return k;
});

/** /sla log <platform> <link> [note]: an item someone spotted by hand. */
export const slaLog = defineCommand({
  id: "sla.log",
  words: ["sla", "log"],
  positionals: [{ name: "platform" }, { name: "link" }, { name: "note", rest: true }],
  options: [
    { name: "kind", help: { en: `${SLA_KINDS.join(", ")} (default comment)`, "zh-CN": "评论、回复、私信或投诉（默认评论）" } },
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
  examples: [{ "zh-CN": "/sla log 抖音 https://www.douyin.com/video/123 用户问发货时间 --kind 投诉", en: "/sla log douyin https://www.douyin.com/video/123 asks when it ships --kind complaint" }],
});

/** /sla mine: my open items. */
export const slaMine = defineCommand({
  id: "sla.mine", words: ["sla", "mine"], positionals: [], options: [], args: z.object({}),
  usage: "/sla mine", summary: { en: "My comments to answer", "zh-CN": "我负责的待回复留言" }, examples: ["/sla mine"],
});

/** /sla board: every open item, breached first, then by time left. */
export const slaBoard = defineCommand({
  id: "sla.board", words: ["sla", "board"], positionals: [], options: [], args: z.object({}),
  usage: "/sla board", summary: { en: "All open comments by time left", "zh-CN": "全部待回复留言（按剩余时间）" }, examples: ["/sla board"],
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
        const named: Record<string, number> = { today: 1, 今天: 1, 今日: 1, week: 7, 周: 7, 本周: 7, 一周: 7, month: 30, 月: 30, 本月: 30, 一个月: 30 };
        const n = /^(\d{1,3})(?:d|天)$/.exec(v);
        const days = named[v] ?? (n ? Number(n[1]) : NaN);
        if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError("sla.bad_period", { value: raw ?? "" });
        return days;
      }),
  }),
  usage: "/sla stats [today|week|month|<n>d]", summary: { en: "First-response figures", "zh-CN": "首次响应统计" },
  help: { en: "Calendar days in the team's zone, today included: today is today only, week the last 7 days, 30d the last 30.", "zh-CN": "按团队时区的自然日计算，含今天：今天 只统计今天，周 为最近 7 天，30天 为最近 30 天。" },
  examples: ["/sla stats", { "zh-CN": "/sla stats 今天", en: "/sla stats today" }, { "zh-CN": "/sla stats 30天", en: "/sla stats 30d" }],
});

/** /sla sources: where items come from and how each source is doing. */
export const slaSources = defineCommand({
  id: "sla.sources", words: ["sla", "sources"], positionals: [], options: [], args: z.object({}),
  usage: "/sla sources",
  summary: { en: "Where comments come from: last poll or arrival, items found, last error", "zh-CN": "留言来源：上次拉取或收到的时间、条数和最近错误" },
  help: {
    en: "Lists the WeChat OA comment poll, the WeChat OA message push, the signed intake /ingest/comments, the CSV import and /sla log, each with its last successful poll or last item, the items it brought, and its last error.",
    "zh-CN": "列出公众号文章留言拉取、公众号消息推送、签名接口推送、CSV 导入和手动登记，各自显示上次成功拉取或最近一条的时间、带来的条数和最近一次错误。",
  },
  examples: ["/sla sources"],
});

/** /sla import, then the CSV on the following lines (or uploaded as a file in the console). */
export const slaImport = defineCommand({
  id: "sla.import", words: ["sla", "import"], positionals: [], options: [],
  args: z.object({ body: z.string().optional() }),
  acceptsBody: true,
  usage: "/sla import",
  summary: { en: "Import comments from a platform's CSV export", "zh-CN": "从平台导出的 CSV 导入待回复留言" },
  help: {
    en: "Paste the CSV on the lines after the command, or upload the file with the paperclip next to the input box. Columns (header line, English or Chinese): platform, account, kind, externalId, author, text, link, createdAt. Each row is reported: accepted, already known, or rejected with its line and reason.",
    "zh-CN": "在命令后的各行粘贴 CSV，或用输入框旁的附件按钮上传文件。表头（中英文均可）：平台、账号、类型、编号、用户、内容、链接、时间。逐行报告：已接受、已存在，或被拒绝（附行号和原因）。",
  },
  examples: [{ "zh-CN": "/sla import\n平台,账号,类型,编号,用户,内容,时间\n抖音,品牌抖音号,评论,1001,小林,什么时候发货？,2026-11-26 09:30", en: "/sla import\nplatform,account,kind,externalId,author,text,createdAt\ndouyin,brand-douyin,comment,c-1,Lin,When does it ship?,2026-11-26 09:30" }],
});

/** "any" (or * / 全部) for a policy field that matches everything. */
const isAny = (raw: string) => ["any", "*", "all", "全部", "所有"].includes(raw.trim().toLowerCase());

/** /sla policy list: every active policy. */
export const slaPolicyList = defineCommand({
  id: "sla.policy_list", words: ["sla", "policy", "list"], positionals: [], options: [], args: z.object({}),
  usage: "/sla policy list", summary: { en: "List the SLA policies", "zh-CN": "查看响应时限规则" }, examples: ["/sla policy list"],
});

/** Who a breach step goes to, by code or Chinese name. */
const CHAIN_ROLE: Record<string, SlaRole> = { owner: "owner", lead: "lead", manager: "manager", 负责人: "owner", 组长: "lead", 经理: "manager", 主管: "manager" };

/** /sla policy set <platform> <kind> <hours>h [--account A] [--warn 50,80] [--chain owner,lead,manager]. */
export const slaPolicySet = defineCommand({
  id: "sla.policy_set",
  words: ["sla", "policy", "set"],
  positionals: [{ name: "platform" }, { name: "kind" }, { name: "target" }],
  options: [
    { name: "account", help: { en: "only this account of the platform", "zh-CN": "仅适用于该平台的这个账号" } },
    { name: "warn", help: { en: "reminders at these percentages of the target, e.g. 50,80", "zh-CN": "在时限的这些百分比处提醒，如 50,80" } },
    { name: "chain", help: { en: "who is told after a breach, in order, e.g. owner,lead,manager@4h (each step N working hours after the deadline; default 0, then 4h apart)", "zh-CN": "超时后依次通知谁，如 负责人,组长,经理@4h（每级在超时后 N 个工作小时；默认第一级立即，之后每级间隔 4 小时）" } },
  ],
  args: z.object({
    platform: z.string().transform((raw) => (isAny(raw) ? undefined : ZSlaPlatform.parse(raw))),
    kind: z.string().transform((raw) => (isAny(raw) ? undefined : ZKind.parse(raw))),
    target: z.string().transform((raw) => {
      const m = /^(\d{1,4}(?:\.\d{1,2})?)\s*(h|小时|m|分钟)?$/i.exec(raw.trim());
      const minutes = m ? Math.round(Number(m[1]) * (m[2] && /^(m|分钟)$/i.test(m[2]) ? 1 : 60)) : NaN;
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60 * 24 * 30) throw new AppError("sla.bad_target", { value: raw });
      return minutes;
    }),
    account: z.string().trim().min(1).max(64).optional(),
    warn: z.string().optional().transform((raw) => {
      if (raw === undefined) return undefined;
      const parts = raw.split(/[,，]/).map((s) => s.trim().replace(/%$/, ""));
      if (parts.length > 5 || parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) < 1)) throw new AppError("sla.bad_warn", { value: raw });
      return parts.map((p) => Number(p) / 100);
    }),
    chain: z.string().optional().transform((raw) => {
      if (raw === undefined) return undefined;
      const steps: { to: SlaRole; afterMinutes: number }[] = [];
      for (const part of raw.split(/[,，>→]/).map((s) => s.trim()).filter(Boolean)) {
        const m = /^(owner|lead|manager|负责人|组长|经理|主管)(?:@(\d{1,3}(?:\.\d)?)h)?$/i.exec(part);
        if (!m) throw new AppError("sla.bad_chain", { value: raw });
        const prev = steps.at(-1)?.afterMinutes;
        const after = m[2] !== undefined ? Math.round(Number(m[2]) * 60) : prev === undefined ? 0 : prev + 240;
        if ((prev !== undefined && after < prev) || after > 10_000) throw new AppError("sla.bad_chain", { value: raw });
        steps.push({ to: CHAIN_ROLE[m[1]!.toLowerCase()]!, afterMinutes: after });
      }
      if (steps.length === 0 || steps.length > 5) throw new AppError("sla.bad_chain", { value: raw });
      return steps;
    }),
  }),
  usage: "/sla policy set <platform|any> <kind|any> <hours>h [--account A] [--warn 50,80] [--chain owner,lead,manager]",
  summary: { en: "Add or change an SLA policy (admins)", "zh-CN": "新增或修改响应时限规则（管理员）" },
  examples: [
    { "zh-CN": "/sla policy set 抖音 投诉 2h --warn 50,80 --chain 负责人,组长,经理@4h", en: "/sla policy set douyin complaint 2h --warn 50,80 --chain owner,lead,manager@4h" },
    { "zh-CN": "/sla policy set 公众号 私信 4h --account gh_1a2b3c4d", en: "/sla policy set wechat_oa dm 4h --account gh_demo_oa" },
  ],
});

/** /sla account set <platform> <account> @owner [--lead @u] [--manager @u] [--name N]. */
export const slaAccountSet = defineCommand({
  id: "sla.account_set",
  words: ["sla", "account", "set"],
  positionals: [{ name: "platform" }, { name: "account" }, { name: "owner" }],
  options: [
    { name: "lead", help: { en: "the account's lead (second in the escalation chain)", "zh-CN": "该账号的组长（升级链第二级）" } },
    { name: "manager", help: { en: "the account's manager (last in the chain)", "zh-CN": "该账号的经理（升级链最后一级）" } },
    { name: "name", help: { en: "the name cards show, e.g. 品牌抖音号", "zh-CN": "卡片上显示的名称，如 品牌抖音号" } },
  ],
  args: z.object({
    platform: ZSlaPlatform,
    account: z.string().trim().regex(/^[\w.\-@]{1,64}$/u, { message: "sla.bad_account_code" }),
    owner: z.string().trim().min(1).max(64),
    lead: z.string().trim().min(1).max(64).optional(),
    manager: z.string().trim().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(64, { message: "command.text_too_long" }).optional(),
  }),
  usage: "/sla account set <platform> <account> @owner [--lead @user] [--manager @user] [--name NAME]",
  summary: { en: "Set up an account's SLA owner, lead and manager (admins)", "zh-CN": "设置账号的负责人、组长和经理（管理员）" },
  examples: [{ "zh-CN": "/sla account set 抖音 88886666 @chen.jie --lead @liu.yang --manager @wang.fang --name 品牌抖音号", en: "/sla account set douyin brand-douyin @chen.jie --lead @liu.yang --manager @wang.fang --name 品牌抖音号" }],
});
