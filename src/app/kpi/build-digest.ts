// Builds a digest's view model from the database: one grid of stored values over the 8 weeks to the report day
// (read in two grouped statements, see read-grid.ts) from which the targets' figures and trends, the tables, the
// key trends and the unusual moves are all computed; and the bot's own figures (bot-figures.ts).
import type { DailyDigestView, DigestOperation } from "../../../templates/kpi/digest-view.js";
import type { Db, Tx } from "../../db/client.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { METRICS, metricDef, storedPartsOf } from "../../domain/kpi/catalogue.js";
import { FACTOR_WINDOW_DAYS } from "../../domain/kpi/moves.js";
import { teamCalendar } from "../calendar/team-calendar.js";
import { botFigures } from "./bot-figures.js";
import { teamBudgets } from "./budgets.js";
import { encodeKpiButton } from "./digest-buttons.js";
import { digestMoves } from "./digest-moves.js";
import { digestTables, keyTrends } from "./digest-tables.js";
import { readGrid } from "./read-grid.js";
import { TREND_DAYS, targetHeadlines } from "./target-figures.js";

/** What a digest covers. Empty lists mean everything. */
export interface DigestSpec {
  teamId: string;
  teamName: string;
  /** The local day it is sent on (the report is for the day before) and the zone that day is read in. */
  sentDay: LocalDay;
  timezone: string;
  /** The team's own zone: SLA response times are working minutes on the team's business calendar. */
  teamTimezone: string;
  platforms: string[];
  metrics: string[];
  muted: string[];
  preview: boolean;
  /** The subscription it is sent for (its "mute" button mutes there); null for a preview without one. */
  subscriptionId: string | null;
  /** The service's button key; without it the card has no buttons. */
  buttonKey?: string;
}

/** Builds the digest for `spec` as of `now` (needs counts are read at `now`). */
export async function buildDigest(db: Db | Tx, spec: DigestSpec, now: Date): Promise<DailyDigestView> {
  const day = addDays(spec.sentDay, -1);
  const shown = spec.metrics.length > 0 ? spec.metrics.filter((m) => metricDef(m).source === "platform") : METRICS.filter((m) => m.source === "platform").map((m) => m.code);
  const [targets, bot, budgets] = await Promise.all([
    db.kpiTarget.findMany({ where: { teamId: spec.teamId, active: true, endDay: { gte: day } }, orderBy: { id: "asc" } }),
    botFigures(db, spec.teamId, day, spec.timezone, spec.teamTimezone, now),
    // Budgets as of the day the digest is sent (their months are calendar months).
    teamBudgets(db, spec.teamId, spec.sentDay, true),
  ]);
  // Every platform is read (a team target adds them all up); the digest's own sections keep to its platforms.
  const stored = [...new Set([...shown, ...targets.map((t) => t.metric)].flatMap(storedPartsOf))];
  const grid = await readGrid(db, { teamId: spec.teamId, metrics: stored, from: addDays(day, -FACTOR_WINDOW_DAYS), to: day });
  const platforms = spec.platforms.length > 0 ? spec.platforms : grid.platforms();

  const button = (action: "detail" | "mute" | "assign", platform: string | null, metric: string) =>
    spec.buttonKey ? encodeKpiButton(action, { subscriptionId: spec.subscriptionId, platform, metric, day }, spec.buttonKey) : undefined;
  const shownTargets = targets.filter((t) => spec.platforms.length === 0 || !t.platform || spec.platforms.includes(t.platform));
  const headline = (await targetHeadlines(db, spec.teamId, shownTargets, grid, day)).map((h) => {
    const detail = button("detail", h.platform, h.metric);
    return detail ? { ...h, detail } : h;
  });
  const { tables, team, missing } = digestTables(grid, platforms, shown);
  // A team target already charts its metric over every platform; the digest's own trend would be a second figure.
  const covered = new Set(spec.platforms.length === 0 ? headline.filter((h) => h.scope === "team").map((h) => h.metric) : []);
  const trends = keyTrends(grid, platforms, shown, TREND_DAYS, covered);
  const perDay = new Map<string, number>();
  for (const t of bot.published) perDay.set(t.day, (perDay.get(t.day) ?? 0) + 1);
  // Topics published is the bot's own figure: counted from its Topic table, every day known (0 is a real 0).
  trends.push({ metric: "topics_published", values: grid.days.slice(-TREND_DAYS).map((d) => perDay.get(d) ?? 0) });

  const moves = digestMoves(grid, teamCalendar(spec.teamTimezone), platforms, shown.filter((m) => !spec.muted.includes(m)), bot, (p, metric) => {
    const detail = button("detail", p, metric);
    const assign = button("assign", p, metric);
    const mute = spec.subscriptionId ? button("mute", p, metric) : undefined;
    return detail && assign ? { detail, assign, ...(mute ? { mute } : {}) } : undefined;
  });
  const operations: DigestOperation[] = [
    { metric: "sla_first_response_median", value: bot.slaMedian },
    { metric: "sla_breach_rate", value: bot.slaBreachRate },
    { metric: "reviews_pending", value: bot.needs.reviewsPending },
    { metric: "reviews_overdue", value: bot.needs.reviewsOverdue },
    { metric: "open_incidents", value: bot.needs.openIncidents },
    { metric: "topics_published", value: perDay.get(day) ?? 0 },
  ];
  return {
    teamName: spec.teamName,
    day,
    sentDay: spec.sentDay,
    timezone: spec.timezone,
    platforms,
    headline,
    tables,
    ...(team ? { team } : {}),
    missing,
    trends,
    moves,
    needs: bot.needs,
    operations,
    ...(budgets.length > 0 ? { budgets } : {}),
    preview: spec.preview,
  };
}
