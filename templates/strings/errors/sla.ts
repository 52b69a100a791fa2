// Refusal messages of the comment-response SLA, in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** SLA error messages. */
export const slaErrors: ErrorCatalog = {
  en: {
    "sla.not_found": (p) => `There is no SLA item #${p.id}. Type /sla board to see the open ones.`,
    "sla.closed": (p) => `Item #${p.id} is already ${p.status}${p.by ? ` by ${p.by}` : ""}. Nothing was changed.`,
    "sla.changed_meanwhile": (p) => `Item #${p.id} was changed by someone else just now. Type /sla mine and try again.`,
    "sla.unknown_account": (p) => `No ${p.platform} account "${p.account}" is set up for SLAs. Known: ${p.known}.`,
    "sla.ambiguous_account": (p) => `The team has several ${p.platform} accounts (${p.known}); say which with --account.`,
    "sla.no_policy": (p) => `No SLA policy covers ${p.platform} ${p.kind}. Ask an admin to add one.`,
    "sla.unknown_platform": (p) => `Unknown platform "${p.value}". Known platforms: ${p.known}.`,
    "sla.unknown_kind": (p) => `Unknown kind "${p.value}". Use comment, reply, dm or complaint.`,
    "sla.bad_link": (p) => `"${p.value}" is not a link. Give the http(s) address of the comment.`,
    "sla.bad_period": (p) => `"${p.value}" is not a period. Use today, week, month, or a number of days such as 30d.`,
    "sla.import_empty": () => `Paste the CSV after the command: a header line (platform,account,kind,externalId,author,text,link,createdAt), then one line per item.`,
    "sla.import_bad_file": (p) => `The CSV cannot be read: ${p.problem}.`,
    "sla.reassign_whom": () => `Say who should take it over, e.g. @chen.jie.`,
  },
  "zh-CN": {
    "sla.not_found": (p) => `没有编号为 #${p.id} 的留言。输入 /sla board 查看待处理的留言。`,
    "sla.closed": (p) => `留言 #${p.id} 已经${p.status}${p.by ? `（${p.by}）` : ""}，没有做任何更改。`,
    "sla.changed_meanwhile": (p) => `留言 #${p.id} 刚被其他人修改。请输入 /sla mine 后重试。`,
    "sla.unknown_account": (p) => `尚未为 ${p.platform} 账号“${p.account}”配置响应时限。已配置：${p.known}。`,
    "sla.ambiguous_account": (p) => `团队有多个 ${p.platform} 账号（${p.known}），请用 --account 指定。`,
    "sla.no_policy": (p) => `没有适用于 ${p.platform} ${p.kind} 的响应时限规则，请联系管理员添加。`,
    "sla.unknown_platform": (p) => `未知平台“${p.value}”。已知平台：${p.known}。`,
    "sla.unknown_kind": (p) => `未知类型“${p.value}”，请使用 comment、reply、dm 或 complaint。`,
    "sla.bad_link": (p) => `“${p.value}”不是链接，请填写该留言的 http(s) 地址。`,
    "sla.bad_period": (p) => `“${p.value}”不是有效的时间段，请使用 today、week、month 或天数（如 30d）。`,
    "sla.import_empty": () => `请在命令后粘贴 CSV：第一行为表头（platform,account,kind,externalId,author,text,link,createdAt），之后每行一条。`,
    "sla.import_bad_file": (p) => `无法读取该 CSV：${p.problem}。`,
    "sla.reassign_whom": () => `请填写转交给谁，例如 @chen.jie。`,
  },
};
