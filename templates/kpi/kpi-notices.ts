// Confirmations of the /kpi commands, in the actor's language (a notice's text is rendered when written).
import type { Locale } from "../../src/domain/locale.js";
import type { NoticeView } from "../common/notice.card.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import { formatValue } from "./format.js";
import { metricName } from "./kpi-copy.js";

/** "/kpi record" done. */
export function recordedNotice(l: Locale, m: { platform: string; account: string; metric: string; day: string; value: number; old: number | null }): NoticeView {
  const p = nameOf(PLATFORM_NAMES, l, m.platform);
  const v = formatValue(m.metric, m.value, l);
  const old = m.old === null ? null : formatValue(m.metric, m.old, l);
  if (l === "en") return { title: `Recorded: ${p}/${m.account} ${metricName(l, m.metric)} ${m.day} = ${v}`, lines: old !== null ? [`Replaced ${old}; the old value is kept in the history.`] : [], tone: "success" };
  return { title: `已记录：${p}/${m.account} ${metricName(l, m.metric)} ${m.day} = ${v}`, lines: old !== null ? [`已替换原值 ${old}，原值保留在历史记录中。`] : [], tone: "success" };
}

/** "/kpi target" done. */
export function targetNotice(l: Locale, m: { metric: string; scope: string; goalText: string; baseline: number; goal: number; startDay: string; endDay: string }): NoticeView {
  const name = `${metricName(l, m.metric)}${m.scope ? ` (${m.scope})` : ""}`;
  const b = formatValue(m.metric, m.baseline, l);
  const g = formatValue(m.metric, m.goal, l);
  if (l === "en") return { title: `Target set: ${name} ${m.goalText} by ${m.endDay}`, lines: [`Baseline ${b} on ${m.startDay} → goal ${g} on ${m.endDay}, linear.`], tone: "success" };
  return { title: `已设定目标：${name} ${m.goalText}，截止 ${m.endDay}`, lines: [`基线 ${b}（${m.startDay}）→ 目标 ${g}（${m.endDay}），按线性进度。`], tone: "success" };
}

/** "/kpi subscribe" done. */
export function subscribedNotice(l: Locale, m: { where: string; time: string; zone: string; workdays: boolean; platforms: string[]; next: string | null }): NoticeView {
  const ps = m.platforms.map((p) => nameOf(PLATFORM_NAMES, l, p)).join(l === "en" ? ", " : "、");
  if (l === "en") {
    return { title: `Daily KPI digest subscribed for ${m.where}`, tone: "success", lines: [`At ${m.time} ${m.zone}, ${m.workdays ? "on working days (Chinese holidays and make-up days included)" : "every day"}`, `Platforms: ${ps || "all"}`, ...(m.next ? [`Next digest: ${m.next}`] : [])] };
  }
  return { title: `已为${m.where}订阅每日数据简报`, tone: "success", lines: [`${m.zone} ${m.time}，${m.workdays ? "仅工作日（含法定节假日与调休）" : "每天"}`, `平台：${ps || "全部"}`, ...(m.next ? [`下次发送：${m.next}`] : [])] };
}

/** "/kpi unsubscribe" done. */
export function unsubscribedNotice(l: Locale, where: string): NoticeView {
  return l === "en" ? { title: `Daily KPI digest stopped for ${where}`, tone: "success" } : { title: `已取消${where}的每日数据简报`, tone: "success" };
}

/** The recipient's name in a notice. */
export function recipientName(l: Locale, to: "channel" | "me", channel: string): string {
  if (to === "me") return l === "en" ? "you (direct message)" : "你（私信）";
  return l === "en" ? `#${channel}` : ` #${channel} `;
}
