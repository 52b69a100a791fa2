// The digest's unusual moves: each platform's complete daily series of each shown metric (a day with a late
// platform or account is a gap, never a drop) tested by the weekday- and holiday-aware test of
// src/domain/kpi/moves.ts on the team calendar, with the likeliest driver from the bot's own records.
import type { DigestDriver, DigestMove } from "../../../templates/kpi/digest-view.js";
import { describeDay } from "../../domain/calendar/day-rules.js";
import { addDays, weekdayOf, type LocalDay } from "../../domain/calendar/local-day.js";
import type { BusinessCalendar } from "../../domain/calendar/business-calendar.js";
import { completeSeries } from "../../domain/kpi/figures.js";
import type { MetricGrid } from "../../domain/kpi/grid.js";
import { weekdayMove, type DayClass } from "../../domain/kpi/moves.js";
import type { BotFigures } from "./bot-figures.js";

/** The team calendar's class of a day for the moves test. */
export function dayClass(cal: BusinessCalendar, day: LocalDay): DayClass {
  const kind = describeDay(cal, day).kind;
  return kind === "holiday" ? "holiday" : kind === "make-up-workday" ? "make_up" : "regular";
}

/** What a move's buttons need. */
export type MoveButtons = (platform: string, metric: string) => DigestMove["buttons"];

/** Unusual moves of the report day (the grid's last day) per platform and metric, muted metrics left out. */
export function digestMoves(grid: MetricGrid, cal: BusinessCalendar, platforms: readonly string[], metrics: readonly string[], bot: BotFigures, buttons: MoveButtons): DigestMove[] {
  const day = grid.days.at(-1)!;
  const dayBefore = addDays(day, -1);
  const weekdays = grid.days.map(weekdayOf);
  const classes = grid.days.map((d) => dayClass(cal, d));
  const moves: DigestMove[] = [];
  for (const p of platforms) {
    for (const metric of metrics) {
      const values = completeSeries(grid, p, metric);
      const move = weekdayMove({ values, weekdays, classes });
      if (!move) continue;
      const t = bot.published.findLast((x) => x.platforms.includes(p) && (x.day === day || x.day === dayBefore));
      const incident = bot.incidentsDeclared[0];
      const spike = bot.breachSpikes.get(p);
      let driver: DigestDriver | null = null;
      if (t && move.direction === "up") driver = { kind: "topic", id: t.id, title: t.title, day: t.day };
      else if (incident) driver = { kind: "incident", id: incident.id, title: incident.title, severity: incident.severity, day };
      else if (spike) driver = { kind: "sla_breaches", count: spike.count, median: spike.median, day };
      const b = buttons(p, metric);
      moves.push({ platform: p, metric, value: values.at(-1)!, median: move.median, direction: move.direction, driver, ...(b ? { buttons: b } : {}) });
    }
  }
  return moves;
}
