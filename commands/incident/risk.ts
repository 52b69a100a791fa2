// The /incident threshold commands (风险预警阈值) and the review (复盘) editing commands.
import { z } from "zod";
import { aliasParser } from "../../src/domain/aliases.js";
import { AppError } from "../../src/domain/errors.js";
import { SIGNALS, parseSignal, parseWindow } from "../../src/domain/incidents/thresholds.js";
import { defineCommand } from "../spec.js";
import { ID_OPTION, ZIncidentId, ZIncidentText, ZRiskType, ZSeverity } from "./args.js";

const ZSignal = z.string().transform((raw) => {
  const s = parseSignal(raw);
  if (!s) throw new AppError("incident.unknown_signal", { value: raw, known: SIGNALS.join(", ") });
  return s;
});
const ZWindow = z.string().transform((raw) => {
  const m = parseWindow(raw);
  if (m === undefined) throw new AppError("incident.bad_window", { value: raw });
  return m;
});
const ZLimit = z.string().transform((raw) => {
  const n = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : 0;
  if (n < 1) throw new AppError("incident.bad_limit", { value: raw });
  return n;
});
const ZHandle = z.string().transform((s) => s.trim().replace(/^[@＠]/, ""));
function ZNumber(code: string) {
  return z.string().transform((raw) => {
    const m = /^[#＃]?(\d{1,9})$/.exec(raw.trim());
    if (!m) throw new AppError(code, { value: raw });
    return Number(m[1]);
  });
}
const ZThresholdId = ZNumber("incident.bad_threshold_id");
const ZActionId = ZNumber("incident.bad_action_id");

/** /incident threshold set: a limit on a signal; crossing it warns the owner once. */
export const incidentThresholdSet = defineCommand({
  id: "incident.threshold.set",
  words: ["incident", "threshold", "set"],
  positionals: [{ name: "signal" }, { name: "limit" }],
  options: [
    { name: "window", help: { en: "counting window, e.g. 1h, 30m, 24h (default 1h; 24h for rejections)", "zh-CN": "统计窗口，如 1h、30m、24h（默认 1h，驳回默认 24h）" } },
    { name: "type", help: { en: "risk type of the incident it suggests", "zh-CN": "建议发起的事件风险类型" } },
    { name: "level", help: { en: "severity of that incident, SEV1-SEV4 (default SEV2)", "zh-CN": "建议级别 SEV1-SEV4（默认 SEV2）" } },
    { name: "owner", help: { en: "who is warned (default: you)", "zh-CN": "预警接收人（默认为自己）" } },
    { name: "playbook", help: { en: "suggested playbook (default: the risk type's)", "zh-CN": "建议预案（默认按风险类型）" } },
  ],
  args: z.object({ signal: ZSignal, limit: ZLimit, window: ZWindow.optional(), type: ZRiskType.optional(), level: ZSeverity.optional(), owner: ZHandle.optional(), playbook: z.string().optional() }),
  usage: "/incident threshold set <signal> <limit> [--window 1h] [--type <risk type>] [--level SEV2] [--owner @user] [--playbook <playbook>]",
  summary: { en: "Set a risk warning threshold", "zh-CN": "设置风险预警阈值" },
  help: {
    en: "Signals: complaint_breaches (complaint SLA breaches), negative_items (complaints received through ingestion; items carry no sentiment yet), compliance_rejections (reviews rejected or sent back with a reason at a compliance level).",
    "zh-CN": "信号：投诉超时；投诉量（接入的投诉数，暂无情感字段，按投诉计）；合规驳回（合规级审核驳回或退回并填写原因）。",
  },
  examples: [{ "zh-CN": "/incident threshold set 投诉超时 3 --window 1h --type 舆情 --level SEV2 --owner @liu.yang", en: "/incident threshold set complaint_breaches 3 --window 1h --type public_opinion --level SEV2 --owner @liu.yang" }],
});

/** /incident threshold list. */
export const incidentThresholdList = defineCommand({
  id: "incident.threshold.list", words: ["incident", "threshold", "list"], positionals: [], options: [], args: z.object({}),
  usage: "/incident threshold list", summary: { en: "List the risk warning thresholds", "zh-CN": "查看风险预警阈值" }, examples: ["/incident threshold list"],
});

/** /incident threshold remove <id>. */
export const incidentThresholdRemove = defineCommand({
  id: "incident.threshold.remove", words: ["incident", "threshold", "remove"], positionals: [{ name: "threshold" }], options: [], args: z.object({ threshold: ZThresholdId }),
  usage: "/incident threshold remove <id>", summary: { en: "Remove a risk warning threshold", "zh-CN": "删除风险预警阈值" }, examples: ["/incident threshold remove 2"],
});

/** The review sections a team may write over the draft. */
export const REVIEW_SECTIONS = ["summary", "impact", "went_well", "went_badly"] as const;
const parseSection = aliasParser<(typeof REVIEW_SECTIONS)[number]>({
  summary: ["概述", "摘要", "总结"],
  impact: ["影响"],
  went_well: ["做得好的", "做得好", "亮点", "well"],
  went_badly: ["待改进的", "待改进", "不足", "badly"],
});

/** /incident review edit <section> <text>. */
export const incidentReviewEdit = defineCommand({
  id: "incident.review.edit",
  words: ["incident", "review", "edit"],
  positionals: [{ name: "section" }, { name: "text", rest: true }],
  options: [ID_OPTION],
  args: z.object({
    section: z.string().transform((raw, ctx) => {
      const found = parseSection(raw);
      if (!found) {
        ctx.addIssue({ code: "custom", message: "incident.bad_section", params: { value: raw, known: REVIEW_SECTIONS.join(", ") } });
        return z.NEVER;
      }
      return found;
    }),
    text: ZIncidentText(2000),
    id: ZIncidentId.optional(),
  }),
  usage: "/incident review edit <section> <text> [--id N]",
  summary: { en: "Edit a section of an incident's review", "zh-CN": "编辑事件复盘" },
  help: { en: "Sections: summary, impact, went_well (what went well), went_badly (what did not).", "zh-CN": "章节：概述、影响、做得好的、待改进的。" },
  examples: [{ "zh-CN": "/incident review edit 影响 负面帖阅读量 12 万，品牌搜索负面占比升至 30%", en: "/incident review edit impact 120k reads of the negative post; 30% negative brand searches" }],
});

/** /incident action add <text> @owner [--due D]. */
export const incidentActionAdd = defineCommand({
  id: "incident.action.add",
  words: ["incident", "action", "add"],
  positionals: [{ name: "text", rest: true }],
  options: [{ name: "due", help: { en: "due date: 2026-12-01, 12-01 or 3d", "zh-CN": "截止日期：2026-12-01、12-01 或 3d" } }, ID_OPTION],
  args: z.object({ text: ZIncidentText(500), due: z.string().optional(), id: ZIncidentId.optional() }).transform((a, ctx) => {
    const m = /^(.*?)\s+[@＠](\S+)$/.exec(a.text);
    if (!m || !m[1]!.trim()) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "incident.action_owner_missing" });
      return z.NEVER;
    }
    return { ...a, text: m[1]!.trim(), owner: m[2]! };
  }),
  usage: "/incident action add <text> @owner [--due D] [--id N]",
  summary: { en: "Add an action item to an incident's review", "zh-CN": "添加复盘改进行动项" },
  examples: ["/incident action add 建立微博负面词监测 @chen.jie --due 12-10"],
});

/** /incident action done <n>. */
export const incidentActionDone = defineCommand({
  id: "incident.action.done",
  words: ["incident", "action", "done"],
  positionals: [{ name: "item" }],
  options: [],
  args: z.object({ item: ZActionId }),
  usage: "/incident action done <n>",
  summary: { en: "Mark an action item done", "zh-CN": "标记行动项完成" },
  examples: ["/incident action done 4"],
});

/** The commands of this file, spread into INCIDENT_COMMANDS. */
export const INCIDENT_RISK_COMMANDS = {
  "incident.threshold.set": incidentThresholdSet,
  "incident.threshold.list": incidentThresholdList,
  "incident.threshold.remove": incidentThresholdRemove,
  "incident.review.edit": incidentReviewEdit,
  "incident.action.add": incidentActionAdd,
  "incident.action.done": incidentActionDone,
} as const;
