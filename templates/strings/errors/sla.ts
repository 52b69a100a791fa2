// Refusal messages of the comment-response SLA, in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** SLA error messages. */
export const slaErrors: ErrorCatalog = {
  en: {
    "sla.bad_id": (p) => `"${p.value}" is not an item number. Use the number shown on the card, such as 12.`,
    "sla.not_found": (p) => `There is no SLA item #${p.id}. Type /sla board to see the open ones.`,
    "sla.closed": (p) => `Item #${p.id} was already marked ${String(p.status).toLowerCase()}${p.by ? ` by ${p.by}` : ""}${p.at ? ` at ${p.at}` : ""}. Nothing was changed.`,
    "sla.already_claimed": (p) => `${p.by} is already on item #${p.id}. Nothing was changed; use Reassign to hand it over.`,
    "sla.changed_meanwhile": (p) => `Item #${p.id} was changed by someone else just now. Type /sla mine and try again.`,
    "sla.unknown_account": (p) =>
      p.account
        ? `No ${p.platform} account "${p.account}" is set up for SLAs (set up: ${p.known}). An admin adds it with /sla account set ${p.code ?? "<platform>"} ${p.account} @owner.`
        : `No ${p.platform} account is set up for SLAs yet. An admin adds one with /sla account set ${p.code ?? "<platform>"} <account> @owner.`,
    "sla.ambiguous_account": (p) => `The team has several ${p.platform} accounts (${p.known}); say which with --account.`,
    "sla.no_policy": (p) => `No SLA policy covers ${p.platform} ${String(p.kind).toLowerCase()}s. An admin adds one with /sla policy set ${p.code ?? "<platform>"} ${p.kindCode ?? "<kind>"} 4h (the target in working hours).`,
    "sla.unknown_platform": (p) => `Unknown platform "${p.value}". Known platforms: ${p.known}.`,
    "sla.unknown_kind": (p) => `Unknown kind "${p.value}". Use comment, reply, dm or complaint.`,
    "sla.bad_link": (p) => `"${p.value}" is not a link. Give the http(s) address of the comment.`,
    "sla.bad_period": (p) => `"${p.value}" is not a period. Use today, week, month, or a number of days such as 30d.`,
    "sla.import_empty": () => `Paste the CSV after the command: a header line (platform,account,kind,externalId,author,text,link,createdAt), then one line per item.`,
    "sla.import_bad_file": (p) => `The CSV cannot be read: ${p.problem}.`,
    "sla.reassign_whom": () => `Say who should take it over, e.g. @chen.jie.`,
    "sla.reply_in_flight": (p) => `A reply to #${p.id} is already on its way. Wait for its card to say whether it was sent.`,
    "sla.reply_text_needed": (p) => `Write the reply after the number, e.g. /sla reply ${p.id} Thank you, we have sent it today.`,
    "sla.bad_target": (p) => `"${p.value}" is not a target. Give working hours such as 2h, 1.5h or 90m (at most 30 days).`,
    "sla.bad_warn": (p) => `"${p.value}" is not a list of reminder points. Give percentages of the target between 1 and 99, e.g. 50,80.`,
    "sla.bad_chain": (p) => `"${p.value}" is not an escalation chain. Give up to 5 of owner, lead, manager in order, each optionally with @<hours>h after the deadline, e.g. owner,lead,manager@4h.`,
    "sla.account_needs_platform": (p) => `--account ${p.account} needs a platform: account codes are per platform.`,
    "sla.account_taken": (p) => `${p.platform}/${p.account} is already set up by another team.`,
    "sla.bad_account_code": () => `An account code is up to 64 letters, digits, "_", "-", "." or "@", e.g. brand-douyin or gh_1a2b3c.`,
  },
  "zh-CN": {
    "sla.bad_id": (p) => `“${p.value}”不是留言编号，请使用卡片上的数字，例如 12。`,
    "sla.not_found": (p) => `没有编号为 #${p.id} 的留言。输入 /sla board 查看待处理的留言。`,
    "sla.closed": (p) => `留言 #${p.id} 已${p.by ? `由 ${p.by} ` : ""}${p.at ? `于 ${p.at} ` : ""}标记为“${p.status}”，没有做任何更改。`,
    "sla.already_claimed": (p) => `留言 #${p.id} 已由 ${p.by} 认领处理，没有做任何更改；如需交接请用“转交”。`,
    "sla.changed_meanwhile": (p) => `留言 #${p.id} 刚被其他人修改。请输入 /sla mine 后重试。`,
    "sla.unknown_account": (p) =>
      p.account
        ? `尚未为${p.platform}账号“${p.account}”配置响应时限（已配置：${p.known}）。管理员可用 /sla account set ${p.platform} ${p.account} @负责人 添加。`
        : `还没有登记任何${p.platform}账号。管理员可用 /sla account set ${p.platform} <账号> @负责人 添加。`,
    "sla.ambiguous_account": (p) => `团队有多个 ${p.platform} 账号（${p.known}），请用 --account 指定。`,
    "sla.no_policy": (p) => `没有适用于${p.platform}${p.kind}的响应时限规则。管理员可用 /sla policy set ${p.platform} ${p.kind} 4h 添加（时限按工作时间计）。`,
    "sla.unknown_platform": (p) => `未知平台“${p.value}”。已知平台：${p.known}。`,
    "sla.unknown_kind": (p) => `未知类型“${p.value}”，请使用 评论、回复、私信 或 投诉。`,
    "sla.bad_link": (p) => `“${p.value}”不是链接，请填写该留言的网址，如 https://weibo.com/1234/abcd。`,
    "sla.bad_period": (p) => `“${p.value}”不是有效的时间段，请使用 今天、本周、本月 或天数（如 30天）。`,
    "sla.import_empty": () => `请在命令后粘贴 CSV：第一行为表头（平台,账号,类型,编号,用户,内容,链接,时间），之后每行一条。`,
    "sla.import_bad_file": (p) => `无法读取该 CSV：${p.problem}。`,
    "sla.reassign_whom": () => `请填写转交给谁，例如 @chen.jie。`,
    "sla.reply_in_flight": (p) => `对 #${p.id} 的回复正在发送中，请等待卡片显示发送结果。`,
    "sla.reply_text_needed": (p) => `请在编号后写上回复内容，例如 /sla reply ${p.id} 您好，已于今天发货。`,
    "sla.bad_target": (p) => `“${p.value}”不是有效的时限，请填写工作小时数，如 2h、1.5h 或 90m（最长 30 天）。`,
    "sla.bad_warn": (p) => `“${p.value}”不是有效的提醒点，请填写时限的百分比（1 到 99），如 50,80。`,
    "sla.bad_chain": (p) => `“${p.value}”不是有效的升级链，请按顺序填写最多 5 级 负责人、组长、经理，可用 @小时数h 指定超时后多久通知，如 负责人,组长,经理@4h。`,
    "sla.account_needs_platform": (p) => `--account ${p.account} 需要指定平台：账号代码按平台区分。`,
    "sla.account_taken": (p) => `${p.platform}/${p.account} 已被其他团队配置。`,
    "sla.bad_account_code": () => `账号代码最多 64 个字符，只能包含字母、数字、“_”、“-”、“.”或“@”，如 88886666 或 gh_1a2b3c。`,
  },
};
