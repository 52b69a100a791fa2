// Short incident messages (updates, reminders, confirmations), worded at delivery in the reader's language.
import type { Locale } from "../../src/domain/locale.js";
import type { Card, CardBlock } from "../../src/messaging/card.js";
import { INCIDENT_STATUS_NAMES, REVIEW_SECTION_NAMES, incidentCopy, roleName } from "./incident-copy.js";
import type { IncidentNotice, RefusedPlaybookFile } from "./incident-view.js";
import type { PlaybookProblem } from "../../src/domain/incidents/playbook.js";
import { matrixLines } from "./matrix-lines.js";
import { localUsage } from "../strings/usage.js";

type Parts = { title: string; lines: string[]; tone: Card["tone"]; blocks?: CardBlock[] };

function tag(n: { id: number; title: string; isDrill: boolean }, locale: Locale): string {
  return `${n.isDrill ? `[${incidentCopy[locale].drill}] ` : ""}#${n.id} ${n.title}`;
}

/** Value types as a playbook author reads them. */
const TYPE_NAMES: Record<Locale, Record<string, string>> = {
  en: { number: "a number", string: "text", array: "a list", object: "a section of fields", boolean: "true or false" },
  "zh-CN": { number: "数字", string: "文本", array: "列表", object: "一组字段", boolean: "true 或 false" },
};

/** What is wrong with a playbook field, in the reader's language (never the validator's English). */
export function playbookProblem(p: PlaybookProblem, l: Locale): string {
  const en = l === "en";
  switch (p.code) {
    case "syntax": return en ? "the YAML cannot be read here (check indentation and colons)" : "此处 YAML 无法解析（请检查缩进和冒号）";
    case "wrong_type": {
      const type = TYPE_NAMES[l][p.expected] ?? p.expected;
      return en ? `should be ${type}` : `应为${type}`;
    }
    case "too_small": return en ? `must be at least ${p.limit}` : `不能小于 ${p.limit}`;
    case "too_big": return en ? `must be at most ${p.limit}` : `不能大于 ${p.limit}`;
    case "not_one_of": return en ? `must be one of ${p.options.join(", ")}` : `只能是以下之一：${p.options.join("、")}`;
    case "unknown_field": return en ? "is not a playbook field (a typo?)" : "不是预案的字段（是否拼写有误？）";
    case "id_not_file_name": return en ? `must match the file name (${p.expected})` : `须与文件名一致（${p.expected}）`;
    case "defined_twice": return en ? `playbook ${p.id} is defined in two files` : `预案 ${p.id} 在两个文件里都有定义`;
    case "key_format": return en ? "use lowercase letters, digits and _, starting with a letter (at most 32)" : "只能用小写字母、数字和 _，以字母开头（最多 32 个字符）";
    case "id_format": return en ? "use lowercase letters, digits and -, starting with a letter (at most 40)" : "只能用小写字母、数字和 -，以字母开头（最多 40 个字符）";
    case "step_id_twice": return en ? `step id ${p.id} is used twice` : `步骤 id ${p.id} 重复使用`;
    case "unknown_role": return en ? `this playbook has no role ${p.role}; its roles: ${p.known.join(", ")}` : `本预案没有角色 ${p.role}；可用的角色：${p.known.join("、")}`;
    case "no_cadence": return en ? `no update cadence (minutes) for ${p.severity}` : `缺少 ${p.severity} 级的进展通报间隔（分钟）`;
    case "other": return en ? "has a value that is not allowed" : "取值不被允许";
  }
}

function refusedLine(e: RefusedPlaybookFile, l: Locale): string {
  if (l === "en") {
    const effect = e.kept ? "the last version that loaded stays in force" : "no earlier version ever loaded, so this playbook is unavailable until the file is fixed";
    return `${e.file} line ${e.line}, field ${e.field}: ${playbookProblem(e.problem, l)}; ${effect}.`;
  }
  const effect = e.kept ? "沿用上次成功加载的版本" : "此前没有成功加载过的版本，修正前该预案不可用";
  return `${e.file} 第 ${e.line} 行，字段 ${e.field}：${playbookProblem(e.problem, l)}；${effect}。`;
}

function words(n: IncidentNotice, l: Locale): Parts {
  const en = l === "en";
  switch (n.kind) {
    case "declared_elsewhere":
      return { title: en ? `Incident ${tag(n, l)} (${n.severity}) declared` : `已发起事件 ${tag(n, l)}（${n.severity}）`, lines: [en ? `Follow it in #${n.channel}.` : `请在 #${n.channel} 跟进。`], tone: "warning" };
    case "update":
      return { title: en ? `Status update · ${tag(n, l)} · ${n.severity}` : `进展通报 · ${tag(n, l)} · ${n.severity}`, lines: [n.text, `${n.by} · ${n.at}`], tone: "info" };
    case "step_overdue":
      return { title: en ? `Overdue step · ${tag(n, l)}` : `步骤已超时 · ${tag(n, l)}`, lines: [en ? `"${n.step.en}" is ${n.minutes} min overdue. Mark it done on the incident card when it is.` : `“${n.step["zh-CN"]}”已超时 ${n.minutes} 分钟，完成后请在事件卡片上点“完成”。`], tone: "warning" };
    case "role_unclaimed": {
      const name = roleName(l, n.role, n.roleName);
      return { title: en ? `Role unclaimed · ${tag(n, l)}` : `角色无人认领 · ${tag(n, l)}`, lines: [en ? `Nobody has claimed ${name} for ${n.minutes} min. Claim it on the card or hand it over with /incident role ${n.role} @someone.` : `${name} 已 ${n.minutes} 分钟无人认领。请在卡片上认领，或用 /incident role ${/\s/.test(name) ? n.role : name} @成员 指派。`], tone: "warning" };
    }
    case "update_due":
      return { title: en ? `Status update due · ${tag(n, l)}` : `该发布进展通报了 · ${tag(n, l)}`, lines: [en ? `At ${n.severity} the team expects an update every ${n.cadence} min. Post one with /incident update <text>.` : `${n.severity} 事件每 ${n.cadence} 分钟需通报一次进展，请用 /incident update <内容> 发布。`], tone: "warning" };
    case "action_overdue":
      return {
        title: en ? `Overdue action item · ${tag(n, l)}` : `改进行动项已逾期 · ${tag(n, l)}`,
        lines: [en ? `#${n.item} "${typeof n.text === "string" ? n.text : n.text.en}" was due ${n.due} (${n.days} d ago). When it is done: /incident action done ${n.item}.` : `#${n.item}“${typeof n.text === "string" ? n.text : n.text["zh-CN"]}”截止于 ${n.due}（已逾期 ${n.days} 天）。完成后请用 /incident action done ${n.item}。`],
        tone: "warning",
      };
    case "done": {
      const line = doneLine(n, l);
      return { title: doneTitle(n, l), lines: line ? [line] : [], tone: "success" };
    }
    case "blocking_open":
      return {
        title: en ? `Incident #${n.id} still has blocking steps open` : `事件 #${n.id} 仍有阻塞步骤未完成`,
        lines: [...n.steps.map((s) => s[l]), en ? "Nothing was changed. Finish them, or resolve anyway with a reason: /incident resolve --force <reason>." : "未做任何更改。请先完成，或填写原因强制解决：/incident resolve --force <原因>。"],
        tone: "warning",
        blocks: [{ type: "actions", buttons: [{ actionId: "incident.force", label: en ? "Resolve anyway" : "仍然解决", value: n.resolveButton, style: "danger", reasonPrompt: incidentCopy[l].resolvePrompt }] }],
      };
    case "reloaded":
      return {
        title: en ? `Playbooks reloaded: ${n.loaded.length} in force` : `预案已重新加载：${n.loaded.length} 个生效`,
        lines: n.errors.map((e) => (typeof e !== "string" ? refusedLine(e, l) : en ? `Refused (previous version kept): ${e}` : `已拒绝（沿用上一版本）：${e}`)),
        tone: n.errors.length > 0 ? "warning" : "success",
      };
    case "playbook_refused":
      return {
        title: en ? "A playbook file on the server is broken" : "服务器上的预案文件有误",
        lines: [...n.errors.map((e) => refusedLine(e, l)), en ? "Fix the file, then type /incident reload." : "修正文件后输入 /incident reload 重新加载。"],
        tone: "warning",
      };
    case "matrix":
      return { title: incidentCopy[l].matrix, lines: [...matrixLines(n.matrix, l), localUsage(n.usage, l)], tone: "info" };
  }
}

/** The confirmation's one line: its facts in the reader's words, else the free text it carries. */
function doneLine(n: Extract<IncidentNotice, { kind: "done" }>, l: Locale): string {
  const f = n.facts;
  if (!f) return n.detail;
  if (f.role) return `${roleName(l, f.role.code, f.role.name)}${l === "en" ? ": " : "："}${f.holder ?? ""}`;
  if (f.step) return f.step[l];
  if (f.status) return `${INCIDENT_STATUS_NAMES[l][f.status.from]} → ${INCIDENT_STATUS_NAMES[l][f.status.to]}`;
  if (f.severity) return `${f.severity.from} → ${f.severity.to}`;
  if (f.section) return REVIEW_SECTION_NAMES[l][f.section];
  return n.detail;
}

function doneTitle(n: Extract<IncidentNotice, { kind: "done" }>, l: Locale): string {
  const en = l === "en";
  const what: Record<typeof n.what, [string, string]> = {
    claimed: [`Role claimed on incident #${n.id}`, `已认领事件 #${n.id} 的角色`],
    handed: [`Role handed over on incident #${n.id}`, `已移交事件 #${n.id} 的角色`],
    step: [`Step done on incident #${n.id}`, `事件 #${n.id} 的步骤已完成`],
    note: [`Note added to incident #${n.id}`, `已为事件 #${n.id} 添加备注`],
    status: [`Incident #${n.id} status changed`, `事件 #${n.id} 状态已更新`],
    severity: [`Incident #${n.id} severity changed`, `事件 #${n.id} 级别已调整`],
    resolved: [`Incident #${n.id} resolved`, `事件 #${n.id} 已解决`],
    reopened: [`Incident #${n.id} reopened`, `事件 #${n.id} 已重新打开`],
    update: [`Update posted on incident #${n.id}`, `事件 #${n.id} 进展已通报`],
    review_edited: [`Review of incident #${n.id} edited`, `事件 #${n.id} 复盘已更新`],
    action_added: [`Action item added to incident #${n.id}`, `已为事件 #${n.id} 添加改进行动项`],
    action_done: [`Action item of incident #${n.id} done`, `事件 #${n.id} 的改进行动项已完成`],
  };
  return what[n.what][en ? 0 : 1];
}

/** Renders an incident notice. */
export function incidentNoticeCard(n: IncidentNotice, locale: Locale): Card {
  const p = words(n, locale);
  const blocks: CardBlock[] = p.lines.length > 0 ? [{ type: "list", items: p.lines }] : [];
  blocks.push(...(p.blocks ?? []));
  return { title: p.title, tone: p.tone, blocks, fallbackText: [p.title, ...p.lines].join("\n") };
}
