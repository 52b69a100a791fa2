// /mediaops outbox: counts by state and the dead letters, each with a Retry button.
import type { Locale } from "../../src/domain/locale.js";
import type { Card, CardBlock } from "../../src/messaging/card.js";

/** What the outbox card shows. */
export interface OutboxView {
  counts: { pending: number; sending: number; sent: number; dead: number };
  dead: { id: number; kind: string; template: string; attempts: number; lastError: string; retry: string }[];
}

const COPY = {
  en: { title: "Outbox", counts: (c: OutboxView["counts"]) => `pending ${c.pending} · sending ${c.sending} · sent ${c.sent} · undeliverable ${c.dead}`, none: "Nothing is stuck.", retry: "Retry", row: (d: OutboxView["dead"][number]) => `#${d.id} ${d.kind} ${d.template} · ${d.attempts} tries · ${d.lastError}` },
  "zh-CN": { title: "发件箱", counts: (c: OutboxView["counts"]) => `待发送 ${c.pending} · 发送中 ${c.sending} · 已发送 ${c.sent} · 发送失败 ${c.dead}`, none: "没有卡住的消息。", retry: "重试", row: (d: OutboxView["dead"][number]) => `#${d.id} ${d.kind} ${d.template} · 已尝试 ${d.attempts} 次 · ${d.lastError}` },
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
