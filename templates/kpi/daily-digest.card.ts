// The daily KPI digest card: targets' pace, the team's totals and a table per platform, 28-day trends, unusual
// moves, operations and what needs a manager today. The fallback text is the whole digest as plain lines,
// readable on its own; the sentences are built in digest-lines.ts.
import type { Locale } from "../../src/domain/locale.js";
import { addDays } from "../../src/domain/calendar/local-day.js";
import { metricDef } from "../../src/domain/kpi/catalogue.js";
import type { Card, CardBlock, CardButton, ChartSpec, Tone } from "../../src/messaging/card.js";
import { basisName, headlineLine, moveLine, needLines, platformName, rowLine, scopeName, trendLine, type Copy } from "./digest-lines.js";
import { budgetLine, budgetsHeading } from "./budget-copy.js";
import type { DailyDigestView, DigestMove } from "./digest-view.js";
import { formatValue } from "./format.js";
import { kpiCopy, metricName } from "./kpi-copy.js";

export { headlineLine } from "./digest-lines.js";

/** Buttons per move (detail, mute, assign) and per target (detail); a few of each keeps every platform's limits. */
export const MAX_BUTTON_ROWS = 5;

interface Section {
  heading: string;
  lines: string[];
  buttons?: CardButton[][];
}

function moveButtons(mv: DigestMove, locale: Locale, c: Copy): CardButton[] {
  if (!mv.buttons) return [];
  const what = `${platformName(locale, mv.platform)} ${metricName(locale, mv.metric)}`;
  const out: CardButton[] = [{ actionId: "kpi.detail", label: c.detailButton(what), value: mv.buttons.detail }];
  if (mv.buttons.mute) out.push({ actionId: "kpi.mute", label: c.muteButton(metricName(locale, mv.metric)), value: mv.buttons.mute });
  out.push({ actionId: "kpi.assign", label: c.assignButton, value: mv.buttons.assign, reasonPrompt: c.assignPrompt });
  return out;
}

function figureSections(m: DailyDigestView, locale: Locale, c: Copy): Section[] {
  const out: Section[] = [];
  const missing = m.missing.map((p) => c.noData(platformName(locale, p)));
  if (m.team && m.team.length > 0) out.push({ heading: `${c.teamHead} · ${c.tableHead}`, lines: m.team.map((r) => rowLine(r, locale, c)) });
  if (m.tables.length === 0) out.push({ heading: c.tableHead, lines: [m.missing.length > 0 ? missing.join(" ") : c.noDataAll] });
  for (const t of m.tables) out.push({ heading: `${platformName(locale, t.platform)} · ${c.tableHead}`, lines: t.rows.map((r) => rowLine(r, locale, c)) });
  if (m.tables.length > 0 && missing.length > 0) out.push({ heading: "⚠", lines: missing });
  // A target's trend is its own tracked figure over its scope: the same numbers as its headline line.
  const trendLines = [
    ...m.headline.flatMap((h) => (h.trend ? [trendLine(`${metricName(locale, h.metric)}${c.bracket(`${scopeName(h, locale, c)} · ${basisName(h.metric, c)}`)}`, h.metric, h.trend, false, locale, c)] : [])),
    ...m.trends.map((t) => trendLine(metricName(locale, t.metric), t.metric, t.values, t.partial === true, locale, c)),
  ].filter((l): l is string => l !== undefined);
  if (trendLines.length > 0) out.push({ heading: c.trends, lines: trendLines });
  return out;
}

/** Charts per digest: one per target, a few at most (each is a picture to render and upload). */
export const MAX_CHARTS = 4;

/** Each target's 28-day trend against its target line, as chart data (the picture of its sparkline). */
export function targetCharts(m: DailyDigestView, locale: Locale, c: Copy = kpiCopy[locale]): ChartSpec[] {
  return m.headline.filter((h) => h.trend && h.trend.some((v) => v !== null)).slice(0, MAX_CHARTS).map((h) => {
    const n = h.trend!.length;
    const labels = Array.from({ length: n }, (_, i) => addDays(m.day, i - (n - 1)).slice(5));
    const series: ChartSpec["series"] = [{ name: c.chartActual, values: h.trend! }];
    if (h.line) series.push({ name: c.chartTarget(h.goalText), values: h.line, dashed: true });
    const title = `${metricName(locale, h.metric)}${c.bracket(`${scopeName(h, locale, c)} · ${basisName(h.metric, c)}`)}`;
    return { title, labels, series, unit: metricDef(h.metric).unit === "ratio" ? "percent" : "number" };
  });
}

/** Renders the digest in `locale`. */
export function dailyDigestCard(m: DailyDigestView, locale: Locale): Card {
  const c = kpiCopy[locale];
  const title = c.title(m.teamName, m.day);
  const targetButtons = m.headline
    .filter((h) => h.detail)
    .slice(0, MAX_BUTTON_ROWS)
    .map((h) => ({ actionId: "kpi.detail", label: c.detailButton([metricName(locale, h.metric), platformName(locale, h.platform)].filter(Boolean).join(" · ")), value: h.detail! }));
  const sections: Section[] = [
    { heading: c.headline, lines: m.headline.length === 0 ? [c.noTargets] : m.headline.map((h) => headlineLine(h, locale, c)), buttons: targetButtons.length > 0 ? [targetButtons] : [] },
    ...figureSections(m, locale, c),
  ];
  const moveRows = m.moves.map((mv) => moveButtons(mv, locale, c)).filter((b) => b.length > 0).slice(0, MAX_BUTTON_ROWS);
  sections.push({ heading: c.moves, lines: m.moves.length > 0 ? m.moves.map((mv) => moveLine(mv, m.day, locale, c)) : [c.noMoves], buttons: moveRows });
  if (m.operations && m.operations.length > 0) {
    sections.push({ heading: c.operations, lines: m.operations.map((o) => `${metricName(locale, o.metric)}: ${o.value !== null ? formatValue(o.metric, o.value, locale) : o.untracked ? c.opsNotTracked : c.dash}`) });
  }
  if (m.budgets && m.budgets.length > 0) sections.push({ heading: budgetsHeading(locale), lines: m.budgets.map((b) => budgetLine(b, locale)) });
  sections.push({ heading: c.needs, lines: needLines(m.needs, locale, c) });

  const blocks: CardBlock[] = [];
  if (m.preview) blocks.push({ type: "context", text: c.preview });
  const charts = targetCharts(m, locale, c);
  for (const [i, s] of sections.entries()) {
    if (blocks.length > 0) blocks.push({ type: "divider" });
    blocks.push({ type: "text", text: `**${s.heading}**` }, { type: "list", items: s.lines });
    for (const row of s.buttons ?? []) blocks.push({ type: "actions", buttons: row });
    // The targets' charts right under their lines.
    if (i === 0) for (const chart of charts) blocks.push({ type: "chart", chart });
  }
  blocks.push({ type: "context", text: `${m.sentDay} · ${m.timezone}` });
  const behind = m.headline.some((h) => h.status === "behind");
  const tone: Tone = behind || m.moves.some((x) => x.direction === "down") ? "warning" : "info";
  const fallbackText = [title, ...(m.preview ? [c.preview] : []), ...sections.flatMap((s) => ["", s.heading, ...s.lines.map((l) => `- ${l}`)])].join("\n");
  return { title, tone, blocks, fallbackText };
}
