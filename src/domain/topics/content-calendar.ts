// The content calendar (发布节奏): what goes out on which day and platform over a week or a month, and how the
// period's theme mix compares with the target mix the team tunes from data. Empty days are kept on purpose:
// the point of a calendar is to show the gaps in the rhythm, not only what is already planned.

import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import utc from "dayjs/plugin/utc.js";
import { AppError } from "../errors.js";
import type { TopicStatus } from "./lifecycle.js";
import { PLANNED_WHEN_EXAMPLES } from "./plan-date.js";
import { bestPublishTime } from "./publish-times.js";
import { PLATFORMS, THEMES, type Platform, type Theme } from "./vocabulary.js";

// Days here are calendar days already in the team's zone, so arithmetic is done in UTC, where no DST shift
// can skip or repeat a date.
dayjs.extend(utc);
dayjs.extend(customParseFormat);

/** The fields of a topic the calendar needs. `plannedDay` is "YYYY-MM-DD", `plannedTime` "HH:mm". */
export interface CalendarTopic {
  id: number;
  title: string;
  theme: Theme | null;
  platforms: Platform[];
  plannedDay: string | null;
  plannedTime: string | null;
  status: TopicStatus;
}

/** One topic on one platform on one day. `suggestedTime` is the golden time when none is planned. */
export interface CalendarEntry {
  topicId: number;
  title: string;
  platform: Platform;
  time: string | null;
  suggestedTime: string | null;
  status: TopicStatus;
}

/** A calendar day; `weekday` is 0 for Sunday … 6 for Saturday. */
export interface CalendarDay {
  day: string;
  weekday: number;
  entries: CalendarEntry[];
}

/** How one theme's share of the period compares with its target (`delta` = share − target). */
export interface ThemeMixRow {
  theme: Theme;
  count: number;
  share: number;
  target: number;
  delta: number;
}

/** The calendar of a period, its theme mix, and how many of its topics have no theme yet. */
export interface ContentCalendar {
  days: CalendarDay[];
  themeMix: ThemeMixRow[];
  unthemed: number;
}

/** What to build a calendar from: topics, the first day, the number of days and the target theme ratios. */
export interface ContentCalendarInput {
  topics: readonly CalendarTopic[];
  fromDay: string;
  days: number;
  targets: Partial<Record<Theme, number>>;
}

// Rejected and archived topics are kept for the record but will not be published, so they are no output.
const OFF_CALENDAR: ReadonlySet<TopicStatus> = new Set<TopicStatus>(["rejected", "archived"]);

/** Lays the planned topics of a period out by day and platform and measures the period's theme mix. */
export function buildContentCalendar(input: ContentCalendarInput): ContentCalendar {
  const { topics, fromDay, days, targets } = input;
  if (!dayjs.utc(fromDay, "YYYY-MM-DD", true).isValid()) {
    throw new AppError("date.unparseable", { value: fromDay, examples: PLANNED_WHEN_EXAMPLES });
  }
  // A caller bug rather than a refusal: commands offer a week or a month, never a free number of days.
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new RangeError(`days out of range: ${days}`);

  const start = dayjs.utc(fromDay);
  const calendar: CalendarDay[] = Array.from({ length: days }, (_, i) => {
    const d = start.add(i, "day");
    return { day: d.format("YYYY-MM-DD"), weekday: d.day(), entries: [] };
  });
  const byDay = new Map(calendar.map((d) => [d.day, d]));

  const inPeriod = topics.filter(
    (t) => t.plannedDay !== null && byDay.has(t.plannedDay) && !OFF_CALENDAR.has(t.status),
  );
  for (const topic of inPeriod) {
    const entries = byDay.get(topic.plannedDay ?? "")?.entries;
    if (!entries) continue;
    for (const platform of new Set(topic.platforms)) {
      entries.push({
        topicId: topic.id,
        title: topic.title,
        platform,
        time: topic.plannedTime,
        suggestedTime: topic.plannedTime === null ? bestPublishTime(platform) : null,
        status: topic.status,
      });
    }
  }
  for (const d of calendar) d.entries.sort(compareEntries);

  return { days: calendar, themeMix: themeMix(inPeriod, targets), unthemed: inPeriod.filter((t) => t.theme === null).length };
}

/**
 * Orders a day by the time the entry goes out (planned, else suggested) so the day reads chronologically,
 * then by topic id, then by platform order so the result is fully deterministic.
 */
function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  const timeA = a.time ?? a.suggestedTime ?? "";
  const timeB = b.time ?? b.suggestedTime ?? "";
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return a.topicId - b.topicId || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform);
}

/**
 * Counts topics (not entries: a topic on three platforms is still one idea) per theme. Shares are of the
 * themed topics only, so untagged topics do not make every theme look under target; all four themes are
 * always listed so a theme with nothing planned shows up as a gap.
 */
function themeMix(topics: readonly CalendarTopic[], targets: Partial<Record<Theme, number>>): ThemeMixRow[] {
  const themed = topics.filter((t) => t.theme !== null).length;
  return THEMES.map((theme) => {
    const count = topics.filter((t) => t.theme === theme).length;
    const share = themed === 0 ? 0 : count / themed;
    const target = targets[theme] ?? 0;
    return { theme, count, share: round(share), target, delta: round(share - target) };
  });
}

/** Rounds to 4 decimals (0.01 %), so shares like 1/3 and deltas print and compare cleanly. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
