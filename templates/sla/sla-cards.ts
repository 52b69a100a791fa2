// The SLA cards: one item (reminder, breach, escalation) with its buttons, a per-person summary, the
// /sla mine and /sla board lists, and /sla stats. Pure functions of their view models.
import type { Locale } from "../../src/domain/locale.js";
import type { Card, CardBlock, Tone } from "../../src/messaging/card.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import { slaCopy } from "./sla-copy.js";
import type { SlaFiguresRow, SlaItemView, SlaListView, SlaStatsView, SlaSummaryView } from "./sla-view.js";

const TONE: Record<SlaItemView["urgency"], Tone> = { ok: "info", due_soon: "warning", urgent: "danger", breached: "danger", window_closed: "danger" };

function lineOf(v: SlaItemView, locale: Locale): string {
  const c = slaCopy[locale];
  const where = `${nameOf(PLATFORM_NAMES, locale, v.platform)} ${v.accountName}`;
  return `#${v.id} ${c.kinds[v.kind]} · ${where} · ${c.duration(v.leftMinutes)} · ${v.author}: “${v.text}”`;
}

/** One item: what was said, where, how long is left, and its buttons while it is open; once closed, who closed it. */
export function slaItemCard(v: SlaItemView, locale: Locale): Card {
  const c = slaCopy[locale];
  const o = v.outcome;
  const who = o?.by ?? v.assignee;
  const fields = [
    { label: c.where, value: `${nameOf(PLATFORM_NAMES, locale, v.platform)} ${v.accountName} · ${c.kinds[v.kind]}` },
    { label: c.deadline, value: v.deadline },
    ...(o ? [] : [{ label: c.left, value: `${c.duration(v.leftMinutes)} · ${c.urgency[v.urgency]}` }]),
    { label: c.status, value: who ? `${c.statuses[v.status]} · ${who}` : c.statuses[v.status] },
  ];
  const blocks: CardBlock[] = [{ type: "text", text: `${v.author}: “${v.text}”` }, { type: "fields", fields }];
  if (v.link) blocks.push({ type: "link", label: v.link, url: v.link });
  if (v.step && !o) blocks.push({ type: "context", text: c.step(v.step.n, v.step.of) });
  if (v.urgency === "window_closed" && !o) blocks.push({ type: "context", text: c.windowClosed });
  if (v.coverageGap.length > 0 && !o) blocks.push({ type: "context", text: c.noHolidayData(v.coverageGap.join(", ")) });
  const r = v.reply;
  if (r) blocks.push({ type: "context", text: replyLine(r, v, locale) });
  if (v.buttons) {
    const b = v.buttons;
    blocks.push({
      type: "actions",
      buttons: [
        ...(b.claim ? [{ actionId: "sla.claim", label: c.claim, value: b.claim, style: "primary" as const }] : []),
        ...(b.reply ? [{ actionId: "sla.reply", label: c.reply, value: b.reply, reasonPrompt: c.replyPrompt, nextMessage: true }] : []),
        { actionId: "sla.answer", label: r?.state === "window_closed" ? c.answeredElsewhere : c.answer, value: b.answer, reasonPrompt: c.answerPrompt },
        { actionId: "sla.dismiss", label: c.dismiss, value: b.dismiss, reasonPrompt: c.dismissPrompt },
        { actionId: "sla.reassign", label: c.reassign, value: b.reassign, reasonPrompt: c.reassignPrompt },
      ],
    });
  }
  if (o) {
    const took = o.responseMinutes === undefined ? undefined : c.took(c.duration(o.responseMinutes).replace(/^(还剩 |已超时 )|( left| overdue)$/g, ""));
    blocks.push({ type: "outcome", text: c.outcome(c.statuses[o.status], o.by, o.at, took), tone: o.status === "answered" ? "success" : "neutral" });
    if (o.note) blocks.push({ type: "context", text: `${o.status === "answered" ? c.answerNote : c.dismissNote}: ${o.note}` });
  }
  const title = c.title(o ? c.statuses[o.status] : c.reasons[v.reason], v.id);
  const tone: Tone = o ? (o.status === "answered" ? "success" : "neutral") : TONE[v.urgency];
  const fallback = [title, ...blocks.flatMap((b) => (b.type === "text" || b.type === "context" || b.type === "outcome" ? [b.text] : b.type === "fields" ? b.fields.map((f) => `${f.label}: ${f.value}`) : []))].join("\n");
  return { title, tone, blocks, fallbackText: fallback };
}

/** What the card says about a reply written on it. */
function replyLine(r: NonNullable<SlaItemView["reply"]>, v: SlaItemView, locale: Locale): string {
  const c = slaCopy[locale];
  const why = r.problem ? c.problems[r.problem.problem]({ ip: r.problem.ip, code: r.problem.code }) : "";
  switch (r.state) {
    case "sending":
      return c.replySending(r.text);
    case "retrying":
      return c.replyRetrying(why);
    case "failed":
      return c.replyFailed(why);
    case "window_closed":
      return c.replyWindowClosed;
    case "stored":
      return c.replyStored(nameOf(PLATFORM_NAMES, locale, v.platform), r.text);
    default:
      return c.replySent;
  }
}

/** Many due items for one person: one card, most urgent first. */
export function slaSummaryCard(v: SlaSummaryView, locale: Locale): Card {
  const c = slaCopy[locale];
  const items = [...v.items].sort((a, b) => a.leftMinutes - b.leftMinutes).map((i) => lineOf(i, locale));
  if (v.more) items.push(c.more(v.more));
  const title = c.summaryTitle(v.items.length + (v.more ?? 0));
  const worst = v.items.some((i) => i.leftMinutes < 0) ? "danger" : "warning";
  return { title, tone: worst, blocks: [{ type: "list", items }, { type: "context", text: c.summaryHint }], fallbackText: [title, ...items, c.summaryHint].join("\n") };
}

/** /sla mine and /sla board: breached first, then by time left. */
export function slaListCard(v: SlaListView, locale: Locale): Card {
  const c = slaCopy[locale];
  const title = c.listTitle(v.scope, v.items.length);
  const items = v.items.map((i) => `${lineOf(i, locale)}${i.assignee ? ` · ${i.assignee}` : ""}`);
  const blocks: CardBlock[] = items.length > 0 ? [{ type: "list", items }] : [{ type: "text", text: c.listEmpty }];
  return { title, tone: "info", blocks, fallbackText: [title, ...(items.length ? items : [c.listEmpty])].join("\n") };
}

/** /sla stats: first-response median and p90, breach rate, by platform, account and person. */
export function slaStatsCard(v: SlaStatsView, locale: Locale): Card {
  const c = slaCopy[locale];
  const fmt = (m: number | null) => (m === null ? c.none : c.duration(m).replace(/^(还剩 |已超时 )|( left| overdue)$/g, ""));
  const line = (r: SlaFiguresRow, label = r.key) => c.statsLine(label, r.count, r.answered, fmt(r.medianMinutes), fmt(r.p90Minutes), `${Math.round(r.breachRate * 100)}%`);
  const title = c.statsTitle(v.from, v.to);
  const blocks: CardBlock[] = [{ type: "text", text: line(v.total, locale === "en" ? "All" : "全部") }];
  for (const [label, rows, named] of [[c.byPlatform, v.byPlatform, true], [c.byAccount, v.byAccount, false], [c.byPerson, v.byPerson, false]] as const) {
    if (rows.length === 0) continue;
    blocks.push({ type: "context", text: label }, { type: "list", items: rows.map((r) => line(r, named ? nameOf(PLATFORM_NAMES, locale, r.key) : r.key)) });
  }
  if (v.coverageGap.length > 0) blocks.push({ type: "context", text: c.noHolidayData(v.coverageGap.join(", ")) });
  const text = blocks.flatMap((b) => (b.type === "text" || b.type === "context" ? [b.text] : b.type === "list" ? b.items : []));
  return { title, tone: "info", blocks, fallbackText: [title, ...text].join("\n") };
}
