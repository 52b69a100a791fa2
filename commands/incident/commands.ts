// The /incident commands (应急预案): declare from the risk matrix, run the playbook, review, search the library.
import { z } from "zod";
import { aliasParser } from "../../src/domain/aliases.js";
import { defineCommand } from "../spec.js";
import { ID_OPTION, ZImpact, ZIncidentId, ZIncidentText, ZLikelihood, ZRiskType } from "./args.js";
import { INCIDENT_RISK_COMMANDS } from "./risk.js";

/** The statuses a person sets by command, by code or Chinese name. */
const parseSettableStatus = aliasParser<"stable" | "active">({ stable: ["已稳定", "稳定"], active: ["处置中", "进行中", "恢复处置"] });

const AXES = [
  { name: "likelihood", help: { en: "high, medium or low", "zh-CN": "可能性：高、中、低" } },
  { name: "impact", help: { en: "minor, moderate or severe", "zh-CN": "影响：轻微、中等、严重" } },
] as const;

/** /incident declare: opens an incident; the matrix gives the severity and the matching playbook starts. */
export const incidentDeclare = defineCommand({
  id: "incident.declare",
  words: ["incident", "declare"],
  positionals: [{ name: "title", rest: true }],
  options: [{ name: "type", help: { en: "content, platform, user_data, public_opinion (舆情) or compliance", "zh-CN": "风险类型：内容、平台、用户、舆情、合规" } }, ...AXES, { name: "playbook", help: { en: "a playbook id, if not the type's own", "zh-CN": "指定预案（默认按风险类型）" } }],
  args: z.object({ title: ZIncidentText(100), type: ZRiskType.optional(), likelihood: ZLikelihood.optional(), impact: ZImpact.optional(), playbook: z.string().optional() }),
  usage: "/incident declare <title> --type <risk type> --likelihood <high|medium|low> --impact <minor|moderate|severe>",
  summary: { en: "Declare an incident", "zh-CN": "发起突发事件" },
  examples: [{ "zh-CN": "/incident declare 微博负面帖发酵 --type 舆情 --likelihood 高 --impact 严重", en: "/incident declare Negative Weibo post spreading --type public_opinion --likelihood high --impact severe" }],
});

/** /incident drill: runs a playbook as a drill, left out of metrics. */
export const incidentDrill = defineCommand({
  id: "incident.drill",
  words: ["incident", "drill"],
  positionals: [{ name: "playbook" }],
  options: [...AXES],
  args: z.object({ playbook: z.string(), likelihood: ZLikelihood.optional(), impact: ZImpact.optional() }),
  usage: "/incident drill <playbook> [--likelihood L] [--impact I]",
  summary: { en: "Run a playbook as a drill", "zh-CN": "按预案发起演练" },
  examples: [{ "zh-CN": "/incident drill 舆情", en: "/incident drill public-opinion" }],
});

/** /incident playbooks: the playbooks in force. */
export const incidentPlaybooks = defineCommand({
  id: "incident.playbooks", words: ["incident", "playbooks"], positionals: [], options: [], args: z.object({}),
  usage: "/incident playbooks", summary: { en: "List the incident playbooks", "zh-CN": "查看应急预案" }, examples: ["/incident playbooks"],
});

/** /incident reload: reads the playbook files again; a broken file keeps its previous version. */
export const incidentReload = defineCommand({
  id: "incident.reload", words: ["incident", "reload"], positionals: [], options: [], args: z.object({}),
  usage: "/incident reload", summary: { en: "Reload the playbook files", "zh-CN": "重新加载预案文件" }, examples: ["/incident reload"],
});

/** /incident role: hands a role to someone. */
export const incidentRole = defineCommand({
  id: "incident.role",
  words: ["incident", "role"],
  positionals: [{ name: "role" }, { name: "user" }],
  options: [ID_OPTION],
  args: z.object({ role: z.string().transform((s) => s.trim()), user: z.string().transform((s) => s.trim().replace(/^[@＠]/, "")), id: ZIncidentId.optional() }),
  usage: "/incident role <role> @user [--id N]",
  summary: { en: "Hand an incident role to someone", "zh-CN": "指派事件角色" },
  examples: [{ "zh-CN": "/incident role 指挥 @liu.yang", en: "/incident role commander @liu.yang" }],
});

/** /incident done: marks a step done. */
export const incidentDone = defineCommand({
  id: "incident.done",
  words: ["incident", "done"],
  positionals: [{ name: "step" }],
  options: [ID_OPTION],
  args: z.object({ step: z.string().transform((s) => s.trim()), id: ZIncidentId.optional() }),
  usage: "/incident done <step> [--id N]",
  summary: { en: "Mark a playbook step done", "zh-CN": "标记步骤完成" },
  help: { en: "A step by its number on the card (or its key).", "zh-CN": "按卡片上的步骤序号填写。" },
  examples: ["/incident done 2"],
});

function textCommand(verb: "update" | "note", summary: { en: string; "zh-CN": string }, example: string) {
  return defineCommand({
    id: `incident.${verb}` as const,
    words: ["incident", verb],
    positionals: [{ name: "text", rest: true }],
    options: [ID_OPTION],
    args: z.object({ text: ZIncidentText(1000), id: ZIncidentId.optional() }),
    usage: `/incident ${verb} <text> [--id N]`,
    summary,
    examples: [example],
  });
}

/** /incident update: a status update to the incident and stakeholders' channels. */
export const incidentUpdate = textCommand("update", { en: "Post a status update", "zh-CN": "发布进展通报" }, "/incident update 已在微博发布临时声明，声量开始回落");
/** /incident note: a line in the timeline. */
export const incidentNote = textCommand("note", { en: "Add a note to the timeline", "zh-CN": "在时间线上添加备注" }, "/incident note 平台客户经理已回电");

/** /incident status: stable, or back to active. */
export const incidentStatus = defineCommand({
  id: "incident.status",
  words: ["incident", "status"],
  positionals: [{ name: "status" }],
  options: [ID_OPTION],
  args: z.object({ status: z.string().transform((s) => parseSettableStatus(s) ?? s.trim().toLowerCase()), id: ZIncidentId.optional() }),
  usage: "/incident status <stable|active> [--id N]",
  summary: { en: "Mark an incident stable or active", "zh-CN": "更新事件状态" },
  examples: [{ "zh-CN": "/incident status 已稳定", en: "/incident status stable" }],
});

/** /incident severity: a new severity from the matrix, or given directly. */
export const incidentSeverity = defineCommand({
  id: "incident.severity",
  words: ["incident", "severity"],
  positionals: [{ name: "severity" }],
  options: [...AXES, ID_OPTION],
  args: z.object({ severity: z.string().optional(), likelihood: ZLikelihood.optional(), impact: ZImpact.optional(), id: ZIncidentId.optional() }),
  usage: "/incident severity [SEV1-4] [--likelihood L --impact I] [--id N]",
  summary: { en: "Change an incident's severity", "zh-CN": "调整事件级别" },
  examples: [{ "zh-CN": "/incident severity --likelihood 中 --impact 中等", en: "/incident severity --likelihood medium --impact moderate" }, "/incident severity SEV2"],
});

/** /incident resolve: closes the incident and drafts its review. */
export const incidentResolve = defineCommand({
  id: "incident.resolve",
  words: ["incident", "resolve"],
  positionals: [],
  options: [{ name: "force", help: { en: "resolve with blocking steps open; give the reason", "zh-CN": "阻塞步骤未完成时强制解决，需填写原因" } }, ID_OPTION],
  args: z.object({ force: ZIncidentText(500).optional(), id: ZIncidentId.optional() }),
  usage: "/incident resolve [--force <reason>] [--id N]",
  summary: { en: "Resolve an incident", "zh-CN": "解决事件" },
  examples: ["/incident resolve", "/incident resolve --force 声明已发布，监测改为日常"],
});

/** /incident reopen: a resolved incident flares up again. */
export const incidentReopen = defineCommand({
  id: "incident.reopen", words: ["incident", "reopen"], positionals: [], options: [ID_OPTION], args: z.object({ id: ZIncidentId }),
  usage: "/incident reopen --id N", summary: { en: "Reopen a resolved incident", "zh-CN": "重新打开已解决的事件" }, examples: ["/incident reopen --id 3"],
});

/** /incident review: the review (复盘) written at resolve. */
export const incidentReview = defineCommand({
  id: "incident.review", words: ["incident", "review"], positionals: [], options: [ID_OPTION], args: z.object({ id: ZIncidentId.optional() }),
  usage: "/incident review [--id N]", summary: { en: "Show an incident's review", "zh-CN": "查看事件复盘" }, examples: ["/incident review --id 3"],
});

/** /incident library: past incidents and their reviews, searchable. */
export const incidentLibrary = defineCommand({
  id: "incident.library",
  words: ["incident", "library"],
  positionals: [{ name: "type" }],
  options: [{ name: "q", help: { en: "words to look for in titles, updates, notes and reviews", "zh-CN": "在标题、通报、备注和复盘中搜索" } }],
  args: z.object({ type: ZRiskType.optional(), q: z.string().optional() }),
  usage: "/incident library [type] [--q words]",
  summary: { en: "Search past incidents (risk library)", "zh-CN": "查询风险事件库" },
  examples: ["/incident library 舆情", "/incident library --q 微博"],
});

/** Every incident command by id, spread into COMMANDS. */
export const INCIDENT_COMMANDS = {
  "incident.declare": incidentDeclare,
  "incident.drill": incidentDrill,
  "incident.playbooks": incidentPlaybooks,
  "incident.reload": incidentReload,
  "incident.role": incidentRole,
  "incident.done": incidentDone,
  "incident.update": incidentUpdate,
  "incident.note": incidentNote,
  "incident.status": incidentStatus,
  "incident.severity": incidentSeverity,
  "incident.resolve": incidentResolve,
  "incident.reopen": incidentReopen,
  "incident.review": incidentReview,
  "incident.library": incidentLibrary,
  ...INCIDENT_RISK_COMMANDS,
} as const;
