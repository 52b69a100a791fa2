// The daily KPI digest card: targets' pace, a per-platform table, 28-day sparklines, unusual moves and what
// needs a manager today. The fallback text is the whole digest as plain lines, readable on its own.
import type { Locale } from "../../src/domain/locale.js";
import { sparkline } from "../../src/domain/kpi/sparkline.js";
import type { Card, CardBlock, CardButton, Tone } from "../../src/messaging/card.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import type { DailyDigestView, DigestDriver, DigestHeadline, DigestMove, DigestNeeds, DigestRow } from "./digest-view.js";
import { formatChange, formatGap, formatValue } from "./format.js";
import { kpiCopy, metricName } from "./kpi-copy.js";

type Copy = (typeof kpiCopy)[Locale];

function platformName(locale: Locale, p: string | null): string {
  return p ? nameOf(PLATFORM_NAMES, locale, p) : "";
}

/** One target's pace as a sentence (the digest's headline line; also the detail reply's). */
export function headlineLine(h: DigestHeadline, locale: Locale, c: Copy = kpiCopy[locale]): string {
  const scope = [platformName(locale, h.platform), h.account].filter(Boolean).join("/");
  const name = `${metricName(locale, h.metric)}${scope ? ` (${scope})` : ""} ${h.goalText}`;
  const goal = formatValue(h.metric, h.goal, locale);
  if (h.status === "no_data" || h.actual === null) return `⚪ ${c.noDataLine(name, goal, h.endDay)}`;
  const icon = h.status === "behind" ? "🔴" : "🟢";
  const gap = h.status === "on_pace" ? "" : ` ${formatGap(h.gap)}`;
  const projected = h.projected === null ? null : formatValue(h.metric, h.projected, locale);
  return `${icon} ${c.goalLine(name, c.status[h.status]!, gap, formatValue(h.metric, h.actual, locale), formatValue(h.metric, h.expected, locale), projected, goal, h.endDay)}`;
}

function rowLine(r: DigestRow, locale: Locale, c: Copy): string {
  const v = (x: number | null) => (x === null ? c.dash : formatValue(r.metric, x, locale));
  const d1 = formatChange(r.yesterday, r.dayBefore);
  const w1 = formatChange(r.yesterday, r.lastWeek);
  return `${metricName(locale, r.metric)}: ${v(r.yesterday)}${d1 ? ` ${d1}` : ""} · ${v(r.dayBefore)} · ${v(r.lastWeek)}${w1 ? ` ${w1}` : ""}`;
}

function needLines(n: DigestNeeds, locale: Locale, c: Copy): string[] {
  const actionable: string[] = [];
  const untracked: string[] = [];
  if (n.reviewsOverdue === null) untracked.push(c.notTracked(metricName(locale, "reviews_overdue")));
  else if (n.reviewsOverdue > 0) actionable.push(c.reviewsOverdue(n.reviewsOverdue, n.reviewsPending));
  if (n.slaBreaches === null) untracked.push(c.notTracked(locale === "en" ? "SLA breaches" : "SLA 超时"));
  else if (n.slaBreaches > 0) actionable.push(c.slaBreaches(n.slaBreaches));
  if (n.openIncidents === null) untracked.push(c.notTracked(metricName(locale, "open_incidents")));
  else if (n.openIncidents > 0) actionable.push(c.openIncidents(n.openIncidents));
  return [...(actionable.length > 0 ? actionable : [c.nothingNeeded]), ...untracked];
}

function driverText(d: DigestDriver | null, locale: Locale, c: Copy): string {
  if (!d) return "";
  if (d.kind === "topic") return c.topicDriver(d.id, d.title, d.day);
  if (d.kind === "incident") return c.incidentDriver(d.id, d.title, d.severity, d.day);
  return c.slaDriver(d.count, formatValue("open_incidents", d.median, locale), d.day);
}

/** Buttons per move (detail, mute, assign) and per target (detail); a few of each keeps every platform's limits. */
export const MAX_BUTTON_ROWS = 5;

function moveButtons(mv: DigestMove, locale: Locale, c: Copy): CardButton[] {
  if (!mv.buttons) return [];
  const what = `${platformName(locale, mv.platform)} ${metricName(locale, mv.metric)}`;
  const out: CardButton[] = [{ actionId: "kpi.detail", label: c.detailButton(what), value: mv.buttons.detail }];
  if (mv.buttons.mute) out.push({ actionId: "kpi.mute", label: c.muteButton(metricName(locale, mv.metric)), value: mv.buttons.mute });
  out.push({ actionId: "kpi.assign", label: c.assignButton, value: mv.buttons.assign, reasonPrompt: c.assignPrompt });
  return out;
}

/** Renders the digest in `locale`. */
export function dailyDigestCard(m: DailyDigestView, locale: Locale): Card {
  const c = kpiCopy[locale];
  const title = c.title(m.teamName, m.day);
  const sections: { heading: string; lines: string[]; buttons?: CardButton[][] }[] = [];

  const targetButtons = m.headline
    .filter((h) => h.detail)
    .slice(0, MAX_BUTTON_ROWS)
    .map((h) => ({ actionId: "kpi.detail", label: c.detailButton([metricName(locale, h.metric), platformName(locale, h.platform)].filter(Boolean).join(" · ")), value: h.detail! }));
  sections.push({ heading: c.headline, lines: m.headline.length === 0 ? [c.noTargets] : m.headline.map((h) => headlineLine(h, locale, c)), buttons: targetButtons.length > 0 ? [targetButtons] : [] });

  const missing = m.missing.map((p) => c.noData(platformName(locale, p)));
  if (m.tables.length === 0) sections.push({ heading: c.tableHead, lines: [m.missing.length > 0 ? missing.join(" ") : c.noDataAll] });
  for (const t of m.tables) sections.push({ heading: `${platformName(locale, t.platform)} · ${c.tableHead}`, lines: t.rows.map((r) => rowLine(r, locale, c)) });
  if (m.tables.length > 0 && missing.length > 0) sections.push({ heading: "⚠", lines: missing });

  const trendLines = m.trends
    .filter((t) => t.values.some((v) => v !== null))
    .map((t) => `${metricName(locale, t.metric)} ${sparkline(t.values)} ${formatValue(t.metric, [...t.values].reverse().find((v) => v !== null)!, locale)}`);
  if (trendLines.length > 0) sections.push({ heading: c.trends, lines: trendLines });

  const moves = m.moves.map((mv) => {
    const d = driverText(mv.driver, locale, c);
    return `${mv.direction === "up" ? "⬆" : "⬇"} ${c.move(platformName(locale, mv.platform), metricName(locale, mv.metric), mv.direction, formatValue(mv.metric, mv.value, locale), formatValue(mv.metric, mv.median, locale))}${d}`;
  });
  const moveRows = m.moves.map((mv) => moveButtons(mv, locale, c)).filter((b) => b.length > 0).slice(0, MAX_BUTTON_ROWS);
  sections.push({ heading: c.moves, lines: moves.length > 0 ? moves : [c.noMoves], buttons: moveRows });
  if (m.operations && m.operations.length > 0) {
    sections.push({ heading: c.operations, lines: m.operations.map((o) => `${metricName(locale, o.metric)}: ${o.value !== null ? formatValue(o.metric, o.value, locale) : o.untracked ? c.opsNotTracked : c.dash}`) });
  }
  sections.push({ heading: c.needs, lines: needLines(m.needs, locale, c) });

  const blocks: CardBlock[] = [];
  if (m.preview) blocks.push({ type: "context", text: c.preview });
  for (const s of sections) {
    if (blocks.length > 0) blocks.push({ type: "divider" });
    blocks.push({ type: "text", text: `**${s.heading}**` }, { type: "list", items: s.lines });
    for (const row of s.buttons ?? []) blocks.push({ type: "actions", buttons: row });
  }
  blocks.push({ type: "context", text: `${m.sentDay} · ${m.timezone}` });
  const behind = m.headline.some((h) => h.status === "behind");
  const tone: Tone = behind || m.moves.some((x) => x.direction === "down") ? "warning" : "info";
  const fallbackText = [title, ...(m.preview ? [c.preview] : []), ...sections.flatMap((s) => ["", s.heading, ...s.lines.map((l) => `- ${l}`)])].join("\n");
  return { title, tone, blocks, fallbackText };
}
