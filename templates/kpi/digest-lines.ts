// The digest's sentences, one function per kind of line: a target's pace, a table row, a team row with its late
// platforms, a trend, a move. Pure; the card (daily-digest.card.ts) assembles them into sections.
import { weekdayOf } from "../../src/domain/calendar/local-day.js";
import { metricDef } from "../../src/domain/kpi/catalogue.js";
import type { Locale } from "../../src/domain/locale.js";
import { sparkline } from "../../src/domain/kpi/sparkline.js";
import { PLATFORM_NAMES, nameOf } from "../strings/labels.js";
import type { DigestDriver, DigestHeadline, DigestLate, DigestMove, DigestNeeds, DigestRow } from "./digest-view.js";
import { formatChange, formatGap, formatValue } from "./format.js";
import { kpiCopy, metricName } from "./kpi-copy.js";

/** The copy of one language. */
export type Copy = (typeof kpiCopy)[Locale];

/** A platform's name in `locale` ("" for none). */
export function platformName(locale: Locale, p: string | null): string {
  return p ? nameOf(PLATFORM_NAMES, locale, p) : "";
}

/** "team" / "Douyin" / "Douyin/main": what a target covers. */
export function scopeName(h: Pick<DigestHeadline, "platform" | "account" | "scope">, locale: Locale, c: Copy = kpiCopy[locale]): string {
  const scope = h.scope ?? (h.account ? "account" : h.platform ? "platform" : "team");
  if (scope === "team") return c.team;
  return [platformName(locale, h.platform), scope === "account" ? h.account : null].filter(Boolean).join("/");
}

/** How a target's figure is measured, by how its metric combines: a 7-day daily average, a 7-day ratio, the latest. */
export function basisName(metric: string, c: Copy): string {
  return c.basis[metricDef(metric).combine] ?? "";
}

/** "Douyin late; Weibo: figure of 11-24" for the late platforms of a figure. */
export function lateText(late: readonly DigestLate[] | undefined, locale: Locale, c: Copy = kpiCopy[locale]): string {
  if (!late || late.length === 0) return "";
  return late.map((l) => (l.asOf ? c.lateAsOf(platformName(locale, l.platform), l.asOf.slice(5)) : c.late(platformName(locale, l.platform)))).join(c.listSep);
}

/** One target's pace as a sentence (the digest's headline line; also the detail reply's). */
export function headlineLine(h: DigestHeadline, locale: Locale, c: Copy = kpiCopy[locale]): string {
  const name = `${metricName(locale, h.metric)}${c.bracket(`${scopeName(h, locale, c)} · ${basisName(h.metric, c)}`)} ${h.goalText}`;
  const goal = formatValue(h.metric, h.goal, locale);
  const late = lateText(h.late, locale, c);
  const tail = late ? c.bracket(late) : "";
  if (h.status === "no_data" || h.actual === null) return `⚪ ${c.noDataLine(name, goal, h.endDay)}${tail}`;
  const icon = h.status === "behind" ? "🔴" : "🟢";
  const gap = h.status === "on_pace" ? "" : ` ${formatGap(h.gap)}`;
  const projected = h.projected === null ? null : formatValue(h.metric, h.projected, locale);
  return `${icon} ${c.goalLine(name, c.status[h.status]!, gap, formatValue(h.metric, h.actual, locale), formatValue(h.metric, h.expected, locale), projected, goal, h.endDay)}${tail}`;
}

/** A table row: yesterday with its changes, the day before, the same weekday last week; a partial figure says so. */
export function rowLine(r: DigestRow, locale: Locale, c: Copy = kpiCopy[locale]): string {
  const v = (x: number | null) => (x === null ? c.dash : formatValue(r.metric, x, locale));
  // A partial figure is not compared with whole ones: its arrows would report the late platform as a drop.
  const d1 = r.partial ? "" : formatChange(r.yesterday, r.dayBefore);
  const w1 = r.partial ? "" : formatChange(r.yesterday, r.lastWeek);
  const mark = r.partial ? c.bracket(r.late && r.late.length > 0 ? c.partialLate(lateText(r.late, locale, c)) : c.partial) : r.late && r.late.length > 0 ? c.bracket(lateText(r.late, locale, c)) : "";
  return `${metricName(locale, r.metric)}: ${v(r.yesterday)}${mark}${d1 ? ` ${d1}` : ""} · ${v(r.dayBefore)} · ${v(r.lastWeek)}${w1 ? ` ${w1}` : ""}`;
}

/** A trend line: the name, a sparkline and the last known value; a partial report day is said to be one. */
export function trendLine(label: string, metric: string, values: readonly (number | null)[], partial: boolean, locale: Locale, c: Copy = kpiCopy[locale]): string | undefined {
  const last = [...values].reverse().find((v) => v !== null);
  if (last === undefined || last === null) return undefined;
  return `${label} ${sparkline(values)} ${formatValue(metric, last, locale)}${partial ? c.bracket(c.yesterdayPartial) : ""}`;
}

function driverText(d: DigestDriver | null, locale: Locale, c: Copy): string {
  if (!d) return "";
  if (d.kind === "topic") return c.topicDriver(d.id, d.title, d.day);
  if (d.kind === "incident") return c.incidentDriver(d.id, d.title, d.severity, d.day);
  return c.slaDriver(d.count, formatValue("open_incidents", d.median, locale), d.day);
}

/** A move: what jumped or dropped to what, against the usual value for that weekday, and its likely driver. */
export function moveLine(mv: DigestMove, day: string, locale: Locale, c: Copy = kpiCopy[locale]): string {
  const usual = c.usualOn(c.weekdays[weekdayOf(day)]!, formatValue(mv.metric, mv.median, locale));
  return `${mv.direction === "up" ? "⬆" : "⬇"} ${c.move(platformName(locale, mv.platform), metricName(locale, mv.metric), mv.direction, formatValue(mv.metric, mv.value, locale), usual)}${driverText(mv.driver, locale, c)}`;
}

/** "Needs you today": what waits, or that nothing does, and what is not tracked. */
export function needLines(n: DigestNeeds, locale: Locale, c: Copy = kpiCopy[locale]): string[] {
  const actionable: string[] = [];
  const untracked: string[] = [];
  if (n.reviewsOverdue === null) untracked.push(c.notTracked(metricName(locale, "reviews_overdue")));
  else if (n.reviewsOverdue > 0) actionable.push(c.reviewsOverdue(n.reviewsOverdue, n.reviewsPending));
  if (n.slaBreaches === null) untracked.push(c.notTracked(c.slaBreachesName));
  else if (n.slaBreaches > 0) actionable.push(c.slaBreaches(n.slaBreaches));
  if (n.openIncidents === null) untracked.push(c.notTracked(metricName(locale, "open_incidents")));
  else if (n.openIncidents > 0) actionable.push(c.openIncidents(n.openIncidents));
  return [...(actionable.length > 0 ? actionable : [c.nothingNeeded]), ...untracked];
}
