// Working hours as people type them: "mon-fri 09:00-12:00,13:30-18:30; sat 10:00-14:00" (Chinese weekday names,
// 工作日 and 周末 too). Days not named are not worked. Every mistake is a refusal naming the part that is wrong,
// so a bad line never half-changes the team's hours.
import { aliasParser } from "../aliases.js";
import { AppError } from "../errors.js";
import type { TimeRange, WeekdayKey } from "./business-calendar.js";
import { clockToMinutes, isClock } from "./local-day.js";

/** Weekdays in the order people list them (Monday first). */
const ORDER: readonly WeekdayKey[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const parseDay = aliasParser<WeekdayKey>({
  mon: ["monday", "周一", "星期一", "礼拜一"],
  tue: ["tuesday", "周二", "星期二", "礼拜二"],
  wed: ["wednesday", "周三", "星期三", "礼拜三"],
  thu: ["thursday", "周四", "星期四", "礼拜四"],
  fri: ["friday", "周五", "星期五", "礼拜五"],
  sat: ["saturday", "周六", "星期六", "礼拜六"],
  sun: ["sunday", "周日", "周天", "星期日", "星期天", "礼拜天"],
});

/** Named groups of days. */
const GROUPS: Record<string, readonly WeekdayKey[]> = {
  工作日: ["mon", "tue", "wed", "thu", "fri"], weekdays: ["mon", "tue", "wed", "thu", "fri"],
  周末: ["sat", "sun"], weekend: ["sat", "sun"], 每天: ORDER, daily: ORDER, everyday: ORDER,
};

/** Hours per weekday; a weekday left out is not worked. */
export type TypedHours = Partial<Record<WeekdayKey, TimeRange[]>>;

/** "mon-fri", "周一至周五", "mon,wed,fri", "工作日" → the days. */
function parseDays(text: string): WeekdayKey[] {
  const group = GROUPS[text.toLowerCase()];
  if (group) return [...group];
  const out: WeekdayKey[] = [];
  for (const part of text.split(/[,，、]/)) {
    const span = part.split(/[-–~至到]/);
    const [from, to] = [parseDay(span[0] ?? ""), parseDay(span[span.length - 1] ?? "")];
    if (!from || !to || span.length > 2) throw new AppError("hours.bad_day", { value: part });
    const [a, b] = [ORDER.indexOf(from), ORDER.indexOf(to)];
    if (b < a) throw new AppError("hours.bad_day", { value: part });
    out.push(...ORDER.slice(a, b + 1));
  }
  return out;
}

/** "09:00-12:00,13:30-18:30" → ranges, checked and in order; "off"/休息 → none. */
function parseRanges(text: string): TimeRange[] {
  if (/^(off|休息|不上班)$/i.test(text)) return [];
  const ranges = text.split(/[,，、]/).map((part) => {
    const m = /^(\d{1,2}:\d{2})[-–~至到](\d{1,2}:\d{2})$/.exec(part.trim());
    if (!m) throw new AppError("hours.bad_range", { value: part });
    const [start, end] = [m[1]!.padStart(5, "0"), m[2]!.padStart(5, "0")];
    for (const t of [start, end]) if (!isClock(t)) throw new AppError("hours.bad_time", { value: t });
    if (clockToMinutes(end) <= clockToMinutes(start)) throw new AppError("hours.backwards", { value: part });
    return { start, end };
  });
  ranges.sort((x, y) => clockToMinutes(x.start) - clockToMinutes(y.start));
  for (let i = 1; i < ranges.length; i++) {
    if (clockToMinutes(ranges[i]!.start) < clockToMinutes(ranges[i - 1]!.end)) {
      throw new AppError("hours.overlap", { value: `${ranges[i - 1]!.start}-${ranges[i - 1]!.end}`, other: `${ranges[i]!.start}-${ranges[i]!.end}` });
    }
  }
  return ranges;
}

/** Parses the typed hours: pairs of days and ranges, separated by ";" or spaces. */
export function parseHoursText(text: string): TypedHours {
  const tokens = text.replace(/[；;]/g, " ").split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length % 2 !== 0) throw new AppError("hours.bad_layout", { value: text });
  const out: TypedHours = {};
  for (let i = 0; i < tokens.length; i += 2) {
    const ranges = parseRanges(tokens[i + 1]!);
    for (const d of parseDays(tokens[i]!)) out[d] = ranges;
  }
  if (!ORDER.some((d) => (out[d] ?? []).length > 0)) throw new AppError("hours.none_worked");
  for (const d of ORDER) if (out[d] && out[d]!.length === 0) delete out[d];
  return out;
}

/** The weekdays in listing order, for showing hours. */
export const WEEKDAY_ORDER = ORDER;
