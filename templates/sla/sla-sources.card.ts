// /sla sources: each intake (WeChat OA comment poll and push, the signed intake, CSV import, /sla log) with its
// last successful poll or arrival, the items it found, and its last error, worded for the reader.
import type { Locale } from "../../src/domain/locale.js";
import type { SlaSource, SourceProblem } from "../../src/domain/sla/index.js";
import type { Card, CardBlock } from "../../src/messaging/card.js";
import type { SlaSourcesView, SourceErrorView, SourceView } from "./sources-view.js";

interface SourcesCopy {
  title: string;
  names: Record<SlaSource, string>;
  pollOff: string;
  pollEvery: (minutes: number, days: number) => string;
  lastOk: (source: SlaSource, at: string) => string;
  never: (source: SlaSource) => string;
  lastRun: (r: { seen: number; added: number; closed: number }) => string;
  items: (n: number) => string;
  error: (at: string, what: string) => string;
  problems: Record<SourceProblem, (e: SourceErrorView) => string>;
  hint: string;
}

const ZH: SourcesCopy = {
  title: "留言来源",
  names: { wechat_oa_comments: "公众号文章留言（定时拉取）", wechat_oa: "公众号消息推送", webhook: "签名接口推送", csv: "CSV 导入", manual: "手动登记 /sla log" },
  pollOff: "未开启：需在服务配置中填写公众号的开发者ID和开发者密码",
  pollEvery: (m, d) => `每 ${m} 分钟拉取近 ${d} 天文章的留言`,
  lastOk: (s, at) => (s === "wechat_oa_comments" ? `上次成功拉取 ${at}` : `最近一条 ${at}`),
  never: (s) => (s === "wechat_oa_comments" ? "尚未成功拉取" : "尚无记录"),
  lastRun: (r) => `看到 ${r.seen} 条留言，新增 ${r.added} 条，后台已回复关闭 ${r.closed} 条`,
  items: (n) => `共 ${n} 条`,
  error: (at, what) => `最近错误（${at}）：${what}`,
  problems: {
    token: () => "访问令牌无效，强制刷新后仍被拒绝",
    credentials: () => "开发者ID或开发者密码不正确",
    ip_whitelist: (e) => `服务器地址 ${e.ip ?? "（未提供）"} 不在公众号的白名单中，请在公众平台 → 设置与开发 → 基本配置 → 白名单中添加`,
    busy: () => "微信接口繁忙或无法连接，稍后会自动重试",
    rate_limited: () => "调用次数超过限制，稍后会自动重试",
    reply_window_closed: () => "已超过 48 小时回复时限",
    too_many_replies: () => "连续发送给该用户的消息过多",
    not_found: () => "文章或留言不存在",
    not_allowed: () => "公众号没有该接口的权限（或文章未开启留言）",
    bad_content: () => "内容为空或过长",
    other: (e) => (e.code !== undefined ? `微信接口返回错误码 ${e.code}` : "内部错误，详见服务日志"),
    no_account: () => "还没有登记公众号账号，请用 /sla account set 公众号 <账号> @负责人 添加",
    ambiguous_account: (e) => `团队有多个公众号账号（${e.detail ?? ""}），请设置 WECHAT_OA_ACCOUNT 指定留言归入哪个账号`,
    no_policy: () => "没有适用于公众号评论的响应时限规则，请用 /sla policy set 公众号 评论 4h 添加",
    rejected: (e) => `有内容被拒收（编号 ${e.detail ?? "?"}），请检查账号、类型和时间`,
  },
  hint: "时间为团队时区。",
};

const EN: SourcesCopy = {
  title: "Comment sources",
  names: { wechat_oa_comments: "WeChat OA article comments (polled)", wechat_oa: "WeChat OA message push", webhook: "Signed intake /ingest/comments", csv: "CSV import", manual: "Logged by hand (/sla log)" },
  pollOff: "off: set WECHAT_OA_APP_ID and WECHAT_OA_APP_SECRET to turn it on",
  pollEvery: (m, d) => `every ${m} min, articles of the last ${d} days`,
  lastOk: (s, at) => (s === "wechat_oa_comments" ? `last successful poll ${at}` : `last item ${at}`),
  never: (s) => (s === "wechat_oa_comments" ? "no successful poll yet" : "nothing yet"),
  lastRun: (r) => `saw ${r.seen} comments, ${r.added} new, ${r.closed} closed as answered in the backend`,
  items: (n) => `${n} item${n === 1 ? "" : "s"} in all`,
  error: (at, what) => `last error (${at}): ${what}`,
  problems: {
    token: () => "the access token was refused even after a forced refresh",
    credentials: () => "the AppID or AppSecret is wrong",
    ip_whitelist: (e) => `this server's IP ${e.ip ?? "(not given)"} is not on the account's IP whitelist (公众平台 → 设置与开发 → 基本配置 → IP白名单)`,
    busy: () => "the WeChat API is busy or unreachable; tried again later",
    rate_limited: () => "over the API's call limit; tried again later",
    reply_window_closed: () => "past the 48-hour reply window",
    too_many_replies: () => "too many messages to this person in a row",
    not_found: () => "the article or comment does not exist",
    not_allowed: () => "the account may not use this API (or comments are off for the article)",
    bad_content: () => "the text is empty or too long",
    other: (e) => (e.code !== undefined ? `the WeChat API answered errcode ${e.code}` : "an internal error; see the service log"),
    no_account: () => "no WeChat OA account is set up: add it with /sla account set wechat_oa <account> @owner",
    ambiguous_account: (e) => `the team has several WeChat OA accounts (${e.detail ?? ""}): set WECHAT_OA_ACCOUNT to the one comments belong to`,
    no_policy: () => "no SLA policy covers WeChat OA comments: add one with /sla policy set wechat_oa comment 4h",
    rejected: (e) => `an item was refused (id ${e.detail ?? "?"})${e.reason ? `: ${e.reason}` : ""}`,
  },
  hint: "Times in the team's zone.",
};

const COPY: Record<Locale, SourcesCopy> = { "zh-CN": ZH, en: EN };

/** One source's line. */
function lineOf(s: SourceView, c: SourcesCopy): string {
  const parts = [c.names[s.source]];
  if (s.source === "wechat_oa_comments") parts.push(s.polling ? c.pollEvery(s.everyMinutes ?? 10, s.days ?? 7) : c.pollOff);
  parts.push(s.lastOkAt ? c.lastOk(s.source, s.lastOkAt) : c.never(s.source));
  if (s.lastRun) parts.push(c.lastRun(s.lastRun));
  parts.push(c.items(s.items));
  if (s.error) parts.push(c.error(s.error.at, c.problems[s.error.problem](s.error)));
  return parts.join(" · ");
}

/** Renders /sla sources. */
export function slaSourcesCard(v: SlaSourcesView, locale: Locale): Card {
  const c = COPY[locale];
  const items = v.sources.map((s) => lineOf(s, c));
  const failing = v.sources.some((s) => s.error);
  const blocks: CardBlock[] = [{ type: "list", items }, { type: "context", text: c.hint }];
  return { title: c.title, tone: failing ? "warning" : "info", blocks, fallbackText: [c.title, ...items, c.hint].join("\n") };
}
