// Copy of the SLA import report and the admin commands (/sla policy, /sla account), in both languages.
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import type { Locale } from "../../src/domain/locale.js";

/** The strings the import report and the admin replies use. */
export interface SlaAdminCopy {
  importTitle: (a: { accepted: number; duplicates: number; rejected: number; rows: number }) => string;
  rejectedLine: (line: number, reason: string) => string;
  duplicateLine: (line: number, id: number) => string;
  more: (n: number) => string;
  importHint: string;
  /** A refusal reason of the intake (English, for senders' logs) in this language. */
  reason: (english: string) => string;
  policyListTitle: (n: number) => string;
  policyLine: (p: { name: string; scope: string; hours: string; warn: string; chain: string }) => string;
  any: string;
  /** Who a breach goes to, by escalation role. */
  roles: Record<"owner" | "lead" | "manager", string>;
  policySet: (name: string, created: boolean) => string;
  policyNote: string;
  accountSet: (platform: string, account: string, created: boolean) => string;
  accountLine: (owner: string, lead: string, manager: string) => string;
}

/** A kind code's Chinese name. */
function slaKindZh(kind: string): string {
  return ({ comment: "评论", reply: "回复", dm: "私信", complaint: "投诉" } as Record<string, string>)[kind] ?? kind;
}

// Intake reasons → Chinese, by their stable English beginnings; anything else is shown as is.
const ZH_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^expected (\d+) columns, found (\d+)$/, (m) => `应有 ${m[1]} 列，实际 ${m[2]} 列`],
  [/^author and text are both empty$/, () => `用户和内容都为空（空行或导出有误）`],
  // The intake's reason goes on to name the command that adds the account (": an admin adds it with ...").
  [/^unknown account (\S+?)\/(\S+?)(?::.*)?$/, (m) => `未配置的账号 ${m[1]}/${m[2]}，管理员可用 /sla account set ${nameOf(PLATFORM_NAMES, "zh-CN", m[1])} ${m[2]} @负责人 添加`],
  [/^createdAt is in the future$/, () => `时间晚于当前时间`],
  [/^(?:createdAt: )?createdAt must be an ISO 8601 time/, () => `时间格式不对，请写成 2026-11-26 09:30 或 2026-11-26T09:30:00+08:00`],
  [/^(?:platform: )?unknown platform/, () => `未知平台`],
  [/^(?:kind: )?unknown kind/, () => `未知类型（应为评论、回复、私信或投诉）`],
  [/^(?:text: )?text is longer than (\d+) characters$/, (m) => `内容超过 ${m[1]} 字`],
  [/^(?:account: )?account is required$/, () => `缺少账号`],
  [/^(?:externalId: )?externalId is required$/, () => `缺少编号`],
  [/^externalId repeats line (\d+)$/, (m) => `编号与第 ${m[1]} 行重复`],
  [/^no SLA policy covers (\S+) (\S+)$/, (m) => `没有适用于 ${nameOf(PLATFORM_NAMES, "zh-CN", m[1])}${slaKindZh(m[2]!)}的响应时限规则`],
  [/^(?:link: )?link must be an http\(s\) URL$/, () => `链接须为网址，如 https://weibo.com/1234/abcd`],
];

export const slaAdminCopy: Record<Locale, SlaAdminCopy> = {
  en: {
    importTitle: (a) => `CSV import: ${a.accepted} accepted, ${a.duplicates} already known, ${a.rejected} rejected (${a.rows} rows)`,
    rejectedLine: (line, reason) => `Line ${line}: ${reason}`,
    duplicateLine: (line, id) => `Line ${line}: already item #${id}`,
    more: (n) => `… and ${n} more`,
    importHint: "Rows are stored one by one: fix the rejected lines and import the whole file again; rows already stored come back as already known.",
    reason: (r) => r,
    policyListTitle: (n) => `SLA policies (${n})`,
    policyLine: (p) => `${p.name}: ${p.scope} · ${p.hours} working hours · warn at ${p.warn} · then ${p.chain}`,
    any: "any",
    roles: { owner: "owner", lead: "lead", manager: "manager" },
    policySet: (name, created) => `SLA policy "${name}" ${created ? "added" : "updated"}.`,
    policyNote: "It applies to items that arrive from now on; open items keep their deadlines.",
    accountSet: (platform, account, created) => `SLA account ${platform}/${account} ${created ? "added" : "updated"}.`,
    accountLine: (owner, lead, manager) => `Owner ${owner} · lead ${lead} · manager ${manager}`,
  },
  "zh-CN": {
    importTitle: (a) => `CSV 导入：接受 ${a.accepted} 条，已存在 ${a.duplicates} 条，拒绝 ${a.rejected} 条（共 ${a.rows} 行）`,
    rejectedLine: (line, reason) => `第 ${line} 行：${reason}`,
    duplicateLine: (line, id) => `第 ${line} 行：已登记为 #${id}`,
    more: (n) => `……另有 ${n} 行`,
    importHint: "逐行入库：修改被拒绝的行后可重新导入整个文件，已入库的行会显示为已存在。",
    reason: (r) => {
      for (const [re, f] of ZH_REASONS) {
        const m = re.exec(r);
        if (m) return f(m);
      }
      return r;
    },
    policyListTitle: (n) => `响应时限规则（${n}）`,
    policyLine: (p) => `${p.scope} · ${p.hours} 个工作小时 · 提醒点 ${p.warn} · 超时后 ${p.chain}`,
    any: "全部",
    roles: { owner: "负责人", lead: "组长", manager: "经理" },
    policySet: (name, created) => `已${created ? "新增" : "更新"}响应时限规则“${name}”。`,
    policyNote: "仅对之后收到的留言生效，已有留言的时限不变。",
    accountSet: (platform, account, created) => `已${created ? "新增" : "更新"} SLA 账号 ${platform}/${account}。`,
    accountLine: (owner, lead, manager) => `负责人 ${owner} · 组长 ${lead} · 经理 ${manager}`,
  },
};
