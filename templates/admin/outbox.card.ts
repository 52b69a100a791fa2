// /mediaops outbox: counts by state and the dead letters, each with a Retry button.
import type { Locale } from "../../src/domain/locale.js";
import type { Card, CardBlock } from "../../src/messaging/card.js";

/** What the outbox card shows. */
export interface OutboxView {
  counts: { pending: number; sending: number; sent: number; dead: number };
  dead: { id: number; kind: string; template: string; attempts: number; lastError: string; retry: string }[];
}

/** How a message was to go out. */
const KIND_NAMES: Record<Locale, Record<string, string>> = {
  en: { post: "channel post", direct: "direct message", ephemeral: "private reply", update: "card update" },
  "zh-CN": { post: "频道消息", direct: "私信", ephemeral: "仅本人可见的回复", update: "卡片更新" },
};

/** What the message was about, by its template's feature. */
const FEATURE_NAMES: Record<Locale, Record<string, string>> = {
  en: { topic: "topic", review: "review", sla: "comment SLA", incident: "incident", kpi: "KPI digest", admin: "admin", notice: "reply", help: "help" },
  "zh-CN": { topic: "选题", review: "审核", sla: "留言响应", incident: "突发事件", kpi: "数据简报", admin: "管理", notice: "回复", help: "帮助" },
};

function what(locale: Locale, d: OutboxView["dead"][number]): string {
  const feature = FEATURE_NAMES[locale][d.template.split(".")[0]!] ?? FEATURE_NAMES[locale].notice!;
  const kind = KIND_NAMES[locale][d.kind] ?? KIND_NAMES[locale].post!;
  return locale === "en" ? `${feature} ${kind}` : `${feature}${kind}`;
}

const COPY = {
  en: { title: "Outbox", counts: (c: OutboxView["counts"]) => `pending ${c.pending} · sending ${c.sending} · sent ${c.sent} · undeliverable ${c.dead}`, none: "Nothing is stuck.", retry: "Retry", row: (d: OutboxView["dead"][number]) => `#${d.id} ${what("en", d)} · ${d.attempts} tries · last error: ${d.lastError}` },
  "zh-CN": { title: "发件箱", counts: (c: OutboxView["counts"]) => `待发送 ${c.pending} · 发送中 ${c.sending} · 已发送 ${c.sent} · 发送失败 ${c.dead}`, none: "没有卡住的消息。", retry: "重试", row: (d: OutboxView["dead"][number]) => `#${d.id} ${what("zh-CN", d)} · 已尝试 ${d.attempts} 次 · 最后一次错误：${d.lastError}` },
} as const;

/** Renders the outbox state for an admin. */
export function outboxCard(v: OutboxView, locale: Locale): Card {
  const c = COPY[locale];
  const blocks: CardBlock[] = [{ type: "text", text: c.counts(v.counts) }];
  if (v.dead.length === 0) blocks.push({ type: "context", text: c.none });
  for (const d of v.dead) {
    blocks.push({ type: "text", text: c.row(d) });
    blocks.push({ type: "actions", buttons: [{ actionId: "outbox.retry", label: `${c.retry} #${d.id}`, value: d.retry }] });
  }
  const lines = [c.counts(v.counts), ...(v.dead.length === 0 ? [c.none] : v.dead.map(c.row))];
  return { title: c.title, tone: v.dead.length > 0 ? "warning" : "success", blocks, fallbackText: [c.title, ...lines].join("\n") };
}
