// The words of the permission table (src/domain/permission-table.ts): what each guarded command or button does,
// who may do it, and the refusal a person reads when they may not. Rendered by /help and in the README.
import type { Locale, Localized } from "../../src/domain/locale.js";
import { BUTTON_RULES, COMMAND_RULES, buttonRuleId, ruleFor, type PermissionKey, type Relation, type Rule } from "../../src/domain/permission-table.js";
import type { Role } from "../../src/domain/roles.js";
import { ROLE_NAMES } from "./labels.js";

/** What a guarded command or button does, as the end of "Only … can ___". Buttons share their command's words. */
const WHAT: Record<string, Localized> = {
  "people.grant": { en: "give someone a role", "zh-CN": "给成员授予角色" },
  "people.revoke": { en: "take a role away from someone", "zh-CN": "收回成员的角色" },
  "people.remove": { en: "remove someone from the team", "zh-CN": "将成员移出团队" },
  "people.hours_set": { en: "change the team's working hours", "zh-CN": "修改团队的工作时间" },
  "people.quiet_set": { en: "change someone else's quiet hours", "zh-CN": "修改他人的免打扰时段" },
  "people.quiet_off": { en: "turn off someone else's quiet hours", "zh-CN": "关闭他人的免打扰时段" },
  "people.timezone": { en: "change someone else's time zone", "zh-CN": "修改他人的时区" },
  "people.language": { en: "change someone else's language", "zh-CN": "修改他人的语言" },
  "people.channel_set": { en: "choose where a workflow's cards go", "zh-CN": "设置各流程卡片发往的频道" },
  "admin.outbox": { en: "see the outbox", "zh-CN": "查看发件箱" },
  "calendar.set": { en: "enter a year's holidays", "zh-CN": "录入年度节假日" },
  "topic.assign": { en: "assign a topic's owner", "zh-CN": "指定选题负责人" },
  "topic.accept": { en: "accept a topic", "zh-CN": "通过选题" },
  "topic.reject": { en: "reject a topic", "zh-CN": "驳回选题" },
  "topic.archive": { en: "archive a topic", "zh-CN": "归档选题" },
  "topic.publish": { en: "mark a topic published", "zh-CN": "标记选题已发布" },
  "topic.schedule": { en: "schedule a topic", "zh-CN": "为选题排期" },
  "sla.import": { en: "import comments from a CSV export", "zh-CN": "导入平台导出的留言" },
  "sla.policy_set": { en: "change an SLA policy", "zh-CN": "修改响应时限规则" },
  "sla.account_set": { en: "set an account's SLA owners", "zh-CN": "设置账号的响应负责人" },
  "kpi.record": { en: "record a metric", "zh-CN": "记录指标数据" },
  "kpi.target": { en: "set a KPI target", "zh-CN": "设定指标目标" },
  "kpi.subscribe": { en: "subscribe to the KPI digest", "zh-CN": "订阅数据简报" },
  "kpi.unsubscribe": { en: "stop the KPI digest", "zh-CN": "取消数据简报" },
  "kpi.mute": { en: "mute a metric in the digest", "zh-CN": "在简报中屏蔽指标" },
  "kpi.unmute": { en: "unmute a metric in the digest", "zh-CN": "在简报中恢复指标" },
  "kpi.import": { en: "import metric values", "zh-CN": "导入指标数据" },
  "kpi.budget_set": { en: "set or change a budget", "zh-CN": "设定或修改预算" },
  "kpi.budget_list": { en: "see budgets and their use", "zh-CN": "查看预算及使用情况" },
  "kpi.spend": { en: "record spend against a budget", "zh-CN": "记录预算花费" },
  "kpi.sources": { en: "see where the figures come from", "zh-CN": "查看数据来源" },
  "kpi.history": { en: "see a metric's stored values and replacements", "zh-CN": "查看指标的存储值和替换记录" },
  "kpi.assign": { en: "assign a follow-up from the digest", "zh-CN": "从简报指派跟进" },
  "review.approve": { en: "approve this review level", "zh-CN": "通过本级审核" },
  "review.changes": { en: "request changes on this review level", "zh-CN": "在本级审核中要求修改" },
  "review.reject": { en: "reject on this review level", "zh-CN": "在本级审核中驳回" },
  "review.back": { en: "send this review back to an earlier level", "zh-CN": "将审核退回到之前的级别" },
  "review.withdraw": { en: "withdraw this review", "zh-CN": "撤回这次审核" },
  "review.nudge": { en: "nudge this review's reviewers", "zh-CN": "催办这次审核" },
  "review.transfer": { en: "transfer a reviewer's place", "zh-CN": "转交审核人的位置" },
  "review.add": { en: "add a reviewer to this level", "zh-CN": "为本级加签" },
  "review.chain.set": { en: "change a review chain", "zh-CN": "修改审核流程" },
  "review.chain.default": { en: "choose the default review chain", "zh-CN": "设置默认审核流程" },
  "review.chain.remove": { en: "stop using a review chain", "zh-CN": "停用审核流程" },
  "review.chain.import": { en: "import the review chains", "zh-CN": "导入审核流程" },
  "incident.reload": { en: "reload the playbooks", "zh-CN": "重新加载预案" },
  "incident.role": { en: "hand an incident role to someone", "zh-CN": "指派事件角色" },
  "incident.done": { en: "mark an incident step done", "zh-CN": "标记事件步骤完成" },
  "incident.status": { en: "change an incident's status", "zh-CN": "更新事件状态" },
  "incident.severity": { en: "change an incident's severity", "zh-CN": "调整事件级别" },
  "incident.resolve": { en: "resolve an incident", "zh-CN": "解决事件" },
  "incident.force": { en: "resolve an incident with blocking steps open", "zh-CN": "在阻塞步骤未完成时解决事件" },
  "incident.reopen": { en: "reopen an incident", "zh-CN": "重新打开事件" },
  "incident.threshold.set": { en: "set a risk warning threshold", "zh-CN": "设置风险预警阈值" },
  "incident.threshold.remove": { en: "remove a risk warning threshold", "zh-CN": "删除风险预警阈值" },
  "outbox.retry": { en: "retry an undelivered message", "zh-CN": "重发未送达的消息" },
};

/** Role names as the plural subject of "Only … can". */
const ROLES_PLURAL: Record<Locale, Record<Role, string>> = {
  en: { admin: "admins", manager: "managers", reviewer: "reviewers", operator: "operators" },
  "zh-CN": ROLE_NAMES["zh-CN"],
};

const RELATION_NAMES: Record<Locale, Record<Relation, string>> = {
  en: {
    proposer: "the topic's proposer",
    author: "the author",
    level_reviewer: "a reviewer of the level being decided",
    commander: "the incident's commander",
    role_holder: "anyone holding a role in the incident",
    self: "the person themselves",
  },
  "zh-CN": {
    proposer: "选题提交人",
    author: "稿件作者",
    level_reviewer: "当前级别的审核人",
    commander: "事件指挥官",
    role_holder: "在事件中担任角色的人",
    self: "本人",
  },
};

const COPY = {
  en: { everyone: "everyone", or: " or ", sep: ", ", nobody: "no role", only: (who: string, what: string) => `Only ${who} can ${what}.`, yours: (r: string) => `Your roles: ${r}.` },
  "zh-CN": { everyone: "所有成员", or: "或", sep: "、", nobody: "无", only: (who: string, what: string) => `只有${who}可以${what}。`, yours: (r: string) => `你的角色：${r}。` },
} as const;

function joinOr(items: string[], locale: Locale): string {
  const c = COPY[locale];
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(c.sep)}${c.or}${items[items.length - 1]}`;
}

/** Who may act under `rule`: "the incident's commander, managers or admins" / "事件指挥官、主管或管理员". */
export function whoMay(rule: Rule, locale: Locale): string {
  if (rule.roles === "any") return COPY[locale].everyone;
  const relations = (rule.relations ?? []).map((r) => RELATION_NAMES[locale][r]);
  const roles = rule.roles.length === 0 ? [] : [...rule.roles.filter((r) => r !== "admin"), "admin" as const].map((r) => ROLES_PLURAL[locale][r]);
  return joinOr([...relations, ...roles], locale);
}

/** The words for what a command or button does ("accept a topic"); undefined for keys anyone may use. */
export function whatOf(key: PermissionKey, locale: Locale): string | undefined {
  const id = key.kind === "button" ? buttonRuleId(key.id) : key.id;
  return WHAT[id]?.[locale];
}

/** The refusal "Only managers or admins can accept a topic. Your roles: operator." in `locale`. */
export function forbiddenMessage(key: PermissionKey, roles: readonly string[], locale: Locale): string {
  const rule = ruleFor(key) ?? { roles: [] };
  const c = COPY[locale];
  const what = whatOf(key, locale) ?? key.id;
  const mine = roles.map((r) => ROLE_NAMES[locale][r as Role] ?? r).join(c.sep) || c.nobody;
  return `${c.only(whoMay(rule, locale), what)}${locale === "en" ? " " : ""}${c.yours(mine)}`;
}

/** Every guarded key (not open to everyone), for tests and the README. */
export function guardedKeys(): PermissionKey[] {
  const pick = (kind: PermissionKey["kind"], rules: Readonly<Record<string, Rule>>) =>
    Object.entries(rules).filter(([, r]) => r.roles !== "any").map(([id]) => ({ kind, id }));
  return [...pick("command", COMMAND_RULES), ...pick("button", BUTTON_RULES)];
}

/** Each button as the permission table names it: the card it is on and its label. */
const BUTTON_LABELS: Record<string, Localized> = {
  "topic.accept": { en: "topic card: Accept", "zh-CN": "选题卡片：通过" },
  "topic.reject": { en: "topic card: Reject", "zh-CN": "选题卡片：驳回" },
  "topic.vote": { en: "topic card: +1", "zh-CN": "选题卡片：+1" },
  "topic.show": { en: "topic card: Open the similar topic", "zh-CN": "选题卡片：查看相似选题" },
  "review.approve": { en: "review request: Approve", "zh-CN": "审核请求：通过" },
  "review.changes": { en: "review request: Request changes", "zh-CN": "审核请求：要求修改" },
  "review.reject": { en: "review request: Reject", "zh-CN": "审核请求：驳回" },
  "review.back": { en: "review request: Back to level N", "zh-CN": "审核请求：退回第 N 级" },
  "review.nudge": { en: "review status: Nudge", "zh-CN": "审核进度：催办" },
  "review.withdraw": { en: "review status: Withdraw", "zh-CN": "审核进度：撤回" },
  "sla.claim": { en: "comment card: I'm on it", "zh-CN": "留言卡片：我来处理" },
  "sla.answer": { en: "comment card: Answered", "zh-CN": "留言卡片：已回复" },
  "sla.dismiss": { en: "comment card: Not needed", "zh-CN": "留言卡片：无需回复" },
  "sla.reassign": { en: "comment card: Reassign", "zh-CN": "留言卡片：转交" },
  "sla.reply": { en: "comment card: Reply", "zh-CN": "留言卡片：回复" },
  "incident.claim": { en: "incident card: Claim a role nobody holds", "zh-CN": "事件卡片：认领无人担任的角色" },
  "incident.done": { en: "incident card: Step done", "zh-CN": "事件卡片：步骤完成" },
  "incident.update": { en: "incident card: Post update", "zh-CN": "事件卡片：发布通报" },
  "incident.severity": { en: "incident card: Change severity", "zh-CN": "事件卡片：调整级别" },
  "incident.resolve": { en: "incident card: Resolve", "zh-CN": "事件卡片：解决" },
  "incident.force": { en: "incident card: Resolve anyway", "zh-CN": "事件卡片：仍然解决" },
  "incident.declare": { en: "risk warning: Declare", "zh-CN": "风险预警：发起事件" },
  "kpi.detail": { en: "KPI digest: Details", "zh-CN": "数据简报：详情" },
  "kpi.mute": { en: "KPI digest: Mute", "zh-CN": "数据简报：屏蔽" },
  "kpi.assign": { en: "KPI digest: Assign follow-up", "zh-CN": "数据简报：指派跟进" },
  "outbox.retry": { en: "outbox: Retry", "zh-CN": "发件箱：重发" },
};

/** One row of the rendered table. */
export interface PermissionRow {
  kind: PermissionKey["kind"];
  id: string;
  /** "/topic accept" or "topic card: Accept". */
  label: string;
  who: string;
}

/** The table in `locale`: every command (its words, from its usage) then every button. */
export function permissionRows(commands: readonly { id: string; usage: string }[], locale: Locale): PermissionRow[] {
  // "/mediaops calendar set <year>\n..." → "/mediaops calendar set": the command's own words, nothing after.
  const words = (usage: string) => usage.split(/\s+/).filter((w, i, all) => all.slice(0, i + 1).every((x) => /^\/?[a-z][a-z_-]*$/.test(x))).join(" ");
  const cmds = commands.map((c) => ({ kind: "command" as const, id: c.id, label: words(c.usage), who: whoMay(COMMAND_RULES[c.id] ?? { roles: [] }, locale) }));
  const buttons = Object.entries(BUTTON_RULES).map(([id, rule]) => ({ kind: "button" as const, id, label: BUTTON_LABELS[id]?.[locale] ?? id, who: whoMay(rule, locale) }));
  return [...cmds, ...buttons];
}

/** The table as Markdown (English), as the README shows it between its permission-table markers. */
export function permissionMarkdown(commands: readonly { id: string; usage: string }[]): string {
  const rows = permissionRows(commands, "en").map((r) => `| ${r.kind === "command" ? `\`${r.label}\`` : r.label} | ${r.who} |`);
  return ["| command or button | who may |", "|---|---|", ...rows].join("\n");
}
