// Refusal messages of the KPI feature (metrics, targets, digests, imports), in both languages.
import type { ErrorCatalog } from "../catalog.js";
import { metricName } from "../../kpi/kpi-copy.js";

/** Metric codes in a zh-CN sentence are written by their Chinese names ("reads, likes" → "阅读量、点赞"). */
const zhNames = (codes: unknown) => String(codes).split(/,\s*/).map((c) => metricName("zh-CN", c)).join("、");

/** KPI error messages. */
export const kpiErrors: ErrorCatalog = {
  en: {
    "kpi.unknown_metric": (p) => `Unknown metric "${p.value}". Known metrics: ${p.known}.`,
    "kpi.derived_metric": (p) => `${p.metric} is computed from ${p.parts}; record those instead, it is never stored twice.`,
    "kpi.bot_metric": (p) => `${p.metric} is computed by the bot from its own records; it cannot be recorded.`,
    "kpi.unknown_platform": (p) => `Unknown platform "${p.value}". Known platforms: ${p.known}.`,
    "kpi.bad_value": (p) => `"${p.value}" is not a number. Write it as 12345, 12,345, 1.2万 or 3.4%.`,
    "kpi.negative_value": (p) => `${p.metric} cannot be negative (got ${p.value}).`,
    "kpi.bad_day": (p) => `"${p.value}" is not a day. Use YYYY-MM-DD, such as 2026-11-25, or "yesterday".`,
    "kpi.future_day": (p) => `${p.value} is in the future (today is ${p.today}); platforms cannot report it yet.`,
    "kpi.bad_goal": (p) => `"${p.value}" is not a goal. Use a change such as +30% or a value such as 50000.`,
    "kpi.bad_end_day": (p) => `"${p.value}" is not a possible end date: give a day after today (${p.today}) and within two years, as YYYY-MM-DD.`,
    "kpi.by_missing": () => `Say when: /kpi target <metric> <+30%|value> by <YYYY-MM-DD> [team|platform|platform/account].`,
    "kpi.no_baseline": (p) => `There is no data for ${p.metric} yet, so a relative goal has no baseline. Record some values first, or give an absolute goal.`,
    "kpi.bad_time": (p) => `"${p.value}" is not a time. Use HH:mm, such as 09:00.`,
    "kpi.bad_zone": (p) => `"${p.value}" is not a time zone. Use an IANA name such as Asia/Shanghai or Europe/London.`,
    "kpi.bad_yes_no": (p) => `"${p.value}" should be yes or no.`,
    "kpi.not_subscribed": () => `There is no digest subscription here. Subscribe with /kpi subscribe.`,
    "kpi.bad_to": (p) => `"${p.value}" is not a recipient. Use "channel" or "me".`,
    "kpi.csv_header": (p) => `The CSV header has no "${p.missing}" column (found: ${p.found}). Use platform,account,metric,day,value (or 平台,账号,指标,日期,数值).`,
    "kpi.empty_import": () => `There are no rows to import.`,
    "kpi.mute_needs_subscription": () => `This preview has no digest subscription to mute in. Subscribe with /kpi subscribe, then mute from the digest or with /kpi mute.`,
    "kpi.already_muted": (p) => `${p.metric} is already muted in this digest. Undo with /kpi unmute ${p.metric}.`,
    "kpi.not_muted": (p) => `${p.metric} is not muted in this digest.`,
    "kpi.assign_whom": () => `Say who should follow this up, e.g. @chen.jie, optionally followed by a note.`,
    "kpi.import_text_missing": () => `Paste the CSV on the lines after /kpi import: a header (platform,account,metric,day,value or 平台,账号,指标,日期,数值), then one row per line.`,
  },
  "zh-CN": {
    "kpi.unknown_metric": (p) => `未知指标“${p.value}”。可用指标：${zhNames(p.known)}。`,
    "kpi.derived_metric": (p) => `${zhNames(p.metric)}由${zhNames(p.parts)}计算得出，请记录这些原始数据，比率不重复存储。`,
    "kpi.bot_metric": (p) => `${zhNames(p.metric)}由机器人根据自身记录计算，不能手动记录。`,
    "kpi.unknown_platform": (p) => `未知平台“${p.value}”。可用平台：${p.known}。`,
    "kpi.bad_value": (p) => `“${p.value}”不是数字。可写成 12345、12,345、1.2万 或 3.4%。`,
    "kpi.negative_value": (p) => `${zhNames(p.metric)}不能为负数（收到 ${p.value}）。`,
    "kpi.bad_day": (p) => `“${p.value}”不是日期。请用 YYYY-MM-DD，如 2026-11-25，或“昨天”。`,
    "kpi.future_day": (p) => `${p.value} 还没到（今天是 ${p.today}），平台不可能已有该日数据。`,
    "kpi.bad_goal": (p) => `“${p.value}”不是有效目标。请写增幅如 +30%，或目标值如 50000。`,
    "kpi.bad_end_day": (p) => `“${p.value}”不是可行的截止日期：请填写今天（${p.today}）之后、两年以内的日期，格式 YYYY-MM-DD。`,
    "kpi.by_missing": () => `请写明截止日期：/kpi target <指标> <+30%|目标值> 截止 <YYYY-MM-DD> [团队|平台|平台/账号]。`,
    "kpi.no_baseline": (p) => `${p.metric} 还没有数据，相对目标没有基线。请先记录数据，或填写绝对目标值。`,
    "kpi.bad_time": (p) => `“${p.value}”不是时间，请用 HH:mm，如 09:00。`,
    "kpi.bad_zone": (p) => `“${p.value}”不是时区，请用 IANA 名称，如 Asia/Shanghai 或 Europe/London。`,
    "kpi.bad_yes_no": (p) => `“${p.value}”应为 是 或 否。`,
    "kpi.not_subscribed": () => `这里还没有订阅数据简报，可用 /kpi subscribe 订阅。`,
    "kpi.bad_to": (p) => `“${p.value}”不是有效的接收对象，请用 频道 或 我。`,
    "kpi.csv_header": (p) => `CSV 表头缺少“${p.missing}”列（当前表头：${p.found}）。请使用 平台,账号,指标,日期,数值（英文表头也可以）。`,
    "kpi.empty_import": () => `没有可导入的数据行。`,
    "kpi.mute_needs_subscription": () => `这份预览没有对应的简报订阅，无法屏蔽。请先用 /kpi subscribe 订阅，再在简报中或用 /kpi mute 屏蔽。`,
    "kpi.already_muted": (p) => `${p.metric} 已在这份简报中屏蔽。恢复可用 /kpi unmute ${p.metric}。`,
    "kpi.not_muted": (p) => `${p.metric} 在这份简报中没有被屏蔽。`,
    "kpi.assign_whom": () => `请填写由谁跟进，例如 @chen.jie，后面可附说明。`,
    "kpi.import_text_missing": () => `请在 /kpi import 后面的几行粘贴 CSV：先写表头（平台,账号,指标,日期,数值，英文表头也可以），再每行一条数据。`,
  },
};
