// Risk warnings (风险预警): the card a threshold's owner gets when its signal crosses the limit, with a Declare
// button, and the list of thresholds.
import type { Locale } from "../../src/domain/locale.js";
import type { Signal } from "../../src/domain/incidents/thresholds.js";
import type { Card, CardBlock, CardField } from "../../src/messaging/card.js";
import { RISK_NAMES } from "./incident-copy.js";
import type { RiskWarningView, ThresholdsView } from "./incident-view.js";

/** Signal names. */
export const SIGNAL_NAMES: Record<Locale, Record<Signal, string>> = {
  en: { complaint_breaches: "complaint SLA breaches", negative_items: "complaints received (negative items)", compliance_rejections: "compliance rejections and send-backs" },
  "zh-CN": { complaint_breaches: "投诉超时", negative_items: "投诉量（负面）", compliance_rejections: "合规驳回/退回" },
};

/** The likely impact of each signal crossing its limit. */
const IMPACT: Record<Locale, Record<Signal, string>> = {
  en: {
    complaint_breaches: "Complaints left unanswered past the SLA are often reposted publicly: expect negative mentions and platform complaints to grow.",
    negative_items: "A burst of complaints usually precedes a public-opinion wave: the account's reputation and reach are at risk.",
    compliance_rejections: "Repeated compliance rejections point at a systemic content problem: risk of takedowns, account penalties or regulator attention.",
  },
  "zh-CN": {
    complaint_breaches: "投诉超时未回复容易被用户公开转发，负面声量和平台投诉可能上升。",
    negative_items: "投诉集中爆发往往是舆情发酵的前兆，账号口碑和流量面临风险。",
    compliance_rejections: "合规审核反复驳回说明内容存在系统性问题，可能导致下架、账号处罚或监管关注。",
  },
};

/** Renders a warning for the threshold's owner. */
export function riskWarningCard(v: RiskWarningView, locale: Locale): Card {
  const en = locale === "en";
  const title = en ? `Risk warning: ${SIGNAL_NAMES.en[v.signal]} ${v.value} in ${v.window} (limit ${v.limit})` : `风险预警：${v.window} 内${SIGNAL_NAMES["zh-CN"][v.signal]} ${v.value} 条（阈值 ${v.limit}）`;
  const fields: CardField[] = [
    { label: en ? "Risk type" : "风险类型", value: RISK_NAMES[locale][v.riskType] },
    { label: en ? "Level" : "级别", value: v.severity },
    { label: en ? "Suggested playbook" : "建议预案", value: v.playbook ? (en ? `${v.playbook.name.en} (${v.playbook.id})` : v.playbook.name["zh-CN"]) : en ? "the risk type's own" : "按风险类型" },
    { label: en ? "Crossed at" : "触发时间", value: v.crossedAt },
  ];
  const impact = `${en ? "Likely impact" : "可能影响"}: ${IMPACT[locale][v.signal]}`;
  const blocks: CardBlock[] = [{ type: "fields", fields }, { type: "text", text: impact }];
  if (v.declareButton) {
    blocks.push({ type: "context", text: en ? `Threshold #${v.thresholdId}. This warning is not repeated until the signal drops below the limit.` : `阈值 #${v.thresholdId}。信号回落到阈值以下之前不会重复预警。` });
    blocks.push({ type: "actions", buttons: [{ actionId: "incident.declare", label: en ? `Declare ${v.severity} incident` : `发起 ${v.severity} 事件`, value: v.declareButton, style: "danger" }] });
  }
  if (v.declaredIncidentId !== null) blocks.push({ type: "outcome", text: en ? `Declared as incident #${v.declaredIncidentId}` : `已发起事件 #${v.declaredIncidentId}`, tone: "warning" });
  const lines = blocks.flatMap((b) => (b.type === "fields" ? b.fields.map((f) => `${f.label}: ${f.value}`) : b.type === "text" || b.type === "context" || b.type === "outcome" ? [b.text] : []));
  return { title, tone: "danger", blocks, fallbackText: [title, ...lines].join("\n") };
}

/** Renders the threshold list. */
export function thresholdsCard(v: ThresholdsView, locale: Locale): Card {
  const en = locale === "en";
  const title = v.changed
    ? v.changed.what === "set" ? (en ? `Threshold #${v.changed.id} set` : `已设置阈值 #${v.changed.id}`) : en ? `Threshold #${v.changed.id} removed` : `已删除阈值 #${v.changed.id}`
    : en ? `Risk warning thresholds (${v.items.length})` : `风险预警阈值（${v.items.length}）`;
  const items = v.items.map((t) => {
    const now = en ? `now ${t.current}${t.above ? ", warned" : ""}` : `当前 ${t.current}${t.above ? "，已预警" : ""}`;
    return en
      ? `#${t.id} ${SIGNAL_NAMES.en[t.signal]} ≥ ${t.limit} in ${t.window} → ${RISK_NAMES.en[t.riskType]} ${t.severity} · ${t.playbook ?? "-"} · owner ${t.owner} · ${now}`
      : `#${t.id} ${t.window} 内${SIGNAL_NAMES["zh-CN"][t.signal]} ≥ ${t.limit} → ${RISK_NAMES["zh-CN"][t.riskType]} ${t.severity} · ${t.playbookName?.["zh-CN"] ?? (t.playbook ? "预案已停用" : "按风险类型选预案")} · 接收人 ${t.owner} · ${now}`;
  });
  const list = items.length > 0 ? items : [en ? "No thresholds. Set one with /incident threshold set <signal> <limit>." : "暂无阈值。用 /incident threshold set <信号> <阈值> 设置。"];
  return { title, tone: v.changed ? "success" : "info", blocks: [{ type: "list", items: list }], fallbackText: [title, ...list].join("\n") };
}
