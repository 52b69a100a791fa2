// /kpi sources and /kpi history in both languages: each metric source with its last day and last error (a
// platform problem or a refusal, worded here for the reader), and one metric's stored values with the values
// they replaced.
import type { TSourceError } from "../../src/domain/kpi/sources.js";
import type { Locale } from "../../src/domain/locale.js";
import type { NoticeView } from "../common/notice.card.js";
import { errorMessage } from "../strings/errors.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import { formatValue } from "./format.js";
import { metricName } from "./kpi-copy.js";

/** One source as /kpi sources lists it. */
export interface SourceRowView {
  source: string;
  /** The account of a pulled source; null for the others. */
  account: string | null;
  lastDay: string | null;
  /** "YYYY-MM-DD HH:mm" in the reader's zone. */
  lastStoredAt: string | null;
  lastError: TSourceError | null;
  lastErrorAt: string | null;
  /** Pulled days that failed and wait for the next run. */
  waitingDays: number;
}

/** One stored value as /kpi history lists it. */
export interface HistoryRowView {
  day: string;
  platform: string;
  account: string;
  value: number;
  source: string;
  /** The person who stored it (null: an integration). */
  by: string | null;
  at: string;
  replaced: { oldValue: number; oldSource: string; newValue: number; at: string; by: string | null }[];
}

const SOURCE_NAMES: Record<Locale, Record<string, string>> = {
  en: { wechat_oa: "WeChat OA pull", api: "Signed intake (POST /ingest/metrics)", csv: "CSV import", command: "Typed (/kpi record)", console: "Console" },
  "zh-CN": { wechat_oa: "公众号自动拉取", api: "签名推送接口", csv: "CSV 导入", command: "手动录入", console: "控制台" },
};

/** A source's name in `l`. */
export function sourceName(l: Locale, source: string): string {
  return SOURCE_NAMES[l][source] ?? (l === "en" ? "other" : "其他来源");
}

const PROBLEM_WORDS: Record<Locale, Record<string, string>> = {
  en: {
    token: "WeChat refused the access token even after a refresh",
    credentials: "the AppID or AppSecret is wrong",
    busy: "WeChat was busy or could not be reached; tried again on the next run",
    rate_limited: "too many calls today; tried again on the next run",
    not_allowed: "the account has no permission for the statistics API",
    no_data: "WeChat had no figures for that day yet; tried again on the next run",
  },
  "zh-CN": {
    token: "刷新后微信仍拒绝访问令牌",
    credentials: "AppID 或 AppSecret 不正确",
    busy: "微信接口繁忙或无法连接，下次运行会重试",
    rate_limited: "今日调用次数超限，下次运行会重试",
    not_allowed: "公众号没有数据统计接口的权限",
    no_data: "微信暂时没有该日数据，下次运行会重试",
  },
};

/** The last error of a source in `l`. */
export function sourceErrorText(l: Locale, e: TSourceError): string {
  if (e.kind === "refused") {
    const msg = errorMessage(l, { code: e.code, params: e.params });
    if (e.row === undefined || e.row === 0) return msg;
    return l === "en" ? `line ${e.row}: ${msg}` : `第 ${e.row} 行：${msg}`;
  }
  let what: string;
  if (e.problem === "ip_whitelist") {
    what = l === "en"
      ? `WeChat refused this server's IP ${e.ip ?? ""}: add it to the account's IP whitelist (公众平台 → 设置与开发 → 基本配置 → IP白名单)`
      : `微信拒绝了本服务器的 IP ${e.ip ?? ""}：请把它加入公众号的 IP 白名单（公众平台 → 设置与开发 → 基本配置 → IP白名单）`;
  } else {
    what = PROBLEM_WORDS[l][e.problem] ?? (l === "en" ? "WeChat answered with an error" : "微信接口返回错误");
  }
  const code = e.code !== undefined ? (l === "en" ? ` (errcode ${e.code})` : `（错误码 ${e.code}）`) : "";
  const day = e.day ? (l === "en" ? `, fetching ${e.day}` : `，获取 ${e.day} 的数据时`) : "";
  return l === "en" ? `${what}${code}${day}` : `${what}${code}${day}`;
}

function sourceLine(l: Locale, r: SourceRowView): string {
  const head = `${sourceName(l, r.source)}${r.account && r.account !== "main" ? (l === "en" ? ` (${r.account})` : `（${r.account}）`) : ""}`;
  const none = r.source === "wechat_oa"
    ? l === "en" ? "not connected: set WECHAT_OA_APP_ID and WECHAT_OA_APP_SECRET" : "未连接：管理员配置公众号开发者凭据后每天自动拉取"
    : l === "en" ? "nothing stored yet" : "尚未存入数据";
  const parts: string[] = [];
  parts.push(r.lastDay ? (l === "en" ? `last day stored ${r.lastDay} (at ${r.lastStoredAt})` : `最近存入 ${r.lastDay} 的数据（${r.lastStoredAt}）`) : r.lastError ? (l === "en" ? "nothing stored yet" : "尚未存入数据") : none);
  if (r.waitingDays > 0) parts.push(l === "en" ? `${r.waitingDays} day-figures wait for the next run` : `${r.waitingDays} 项日数据等待下次重试`);
  parts.push(r.lastError ? (l === "en" ? `last error ${r.lastErrorAt}: ${sourceErrorText(l, r.lastError)}` : `最近错误（${r.lastErrorAt}）：${sourceErrorText(l, r.lastError)}`) : l === "en" ? "no errors" : "无错误");
  return l === "en" ? `${head}: ${parts.join("; ")}` : `${head}：${parts.join("；")}`;
}

/** "/kpi sources". */
export function sourcesNotice(l: Locale, rows: SourceRowView[]): NoticeView {
  return { title: l === "en" ? "Metric sources" : "数据来源", lines: rows.map((r) => sourceLine(l, r)), tone: rows.some((r) => r.lastError && r.waitingDays > 0) ? "warning" : "info" };
}

function where(l: Locale, platform: string, account: string): string {
  const p = nameOf(PLATFORM_NAMES, l, platform);
  return account === "main" ? p : `${p}/${account}`;
}

function historyLine(l: Locale, metric: string, r: HistoryRowView): string {
  const v = (x: number) => formatValue(metric, x, l);
  const by = (name: string | null, source: string) => name ?? sourceName(l, source);
  const head = l === "en"
    ? `${r.day} ${where(l, r.platform, r.account)}: ${v(r.value)} (${sourceName(l, r.source)}, ${by(r.by, r.source)}, ${r.at})`
    : `${r.day} ${where(l, r.platform, r.account)}：${v(r.value)}（${sourceName(l, r.source)}，${by(r.by, r.source)}，${r.at}）`;
  const olds = r.replaced.map((x) => l === "en"
    ? `replaced ${v(x.oldValue)} (${sourceName(l, x.oldSource)}) with ${v(x.newValue)} at ${x.at}${x.by ? ` by ${x.by}` : ""}`
    : `${x.at}${x.by ? ` 由${x.by}` : ""}将 ${v(x.oldValue)}（${sourceName(l, x.oldSource)}）替换为 ${v(x.newValue)}`);
  return olds.length === 0 ? head : `${head}${l === "en" ? "; " : "；"}${olds.join(l === "en" ? "; " : "；")}`;
}

/** "/kpi history". */
export function historyNotice(l: Locale, m: { metric: string; platform: string | null; days: number; from: string; to: string; rows: HistoryRowView[]; more: number }): NoticeView {
  const scope = m.platform ? nameOf(PLATFORM_NAMES, l, m.platform) : l === "en" ? "all platforms" : "全部平台";
  const title = l === "en" ? `${metricName(l, m.metric)} history: ${scope}, ${m.from} to ${m.to}` : `${metricName(l, m.metric)}历史：${scope}，${m.from} 至 ${m.to}`;
  if (m.rows.length === 0) return { title, lines: [l === "en" ? `No values stored in the last ${m.days} days.` : `近 ${m.days} 天没有存储的数据。`], tone: "info" };
  const lines = m.rows.map((r) => historyLine(l, m.metric, r));
  if (m.more > 0) lines.push(l === "en" ? `…and ${m.more} more; narrow with --platform or --days.` : `……另有 ${m.more} 条，可用 --platform 或 --days 缩小范围。`);
  return { title, lines, tone: "info" };
}
