// China's statutory days off (全国年节及纪念日放假办法, as revised in 2024), which the law fixes and which can be
// computed for any year: what the State Council publishes each November is only how they are stretched over
// weekends and which weekend days are worked instead (调休). For a year whose arrangement is not published yet,
// these days are still off; the make-up workdays stay unknown and the calendar keeps saying so (coverageGap).
// The lunar dates (New Year's Eve, Dragon Boat, Mid-Autumn) and the Qingming solar term come from
// lunar-typescript (see the README for why a library and not our own astronomy).

import { Lunar, Solar } from "lunar-typescript";
import type { HolidayEntry } from "./holiday-data.js";
import { addDays, type LocalDay } from "./local-day.js";

const memo = new Map<number, readonly HolidayEntry[]>();

function ymd(s: Solar): LocalDay {
  return s.toYmd();
}

/**
 * The statutory days off of `year`: New Year's Day 1 day, Spring Festival 4 days from New Year's Eve, Qingming
 * 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3. Names as the shipped data writes them.
 */
export function statutoryHolidays(year: number): readonly HolidayEntry[] {
  const known = memo.get(year);
  if (known) return known;
  const springFestival = ymd(Lunar.fromYmd(year, 1, 1).getSolar());
  // New Year's Eve is the day before the first day of the first lunar month (the 29th or 30th of the 12th).
  const eve = addDays(springFestival, -1);
  const qingming = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"];
  if (!qingming) throw new Error(`no Qingming solar term found for ${year}`);
  const days: HolidayEntry[] = [
    { date: `${year}-01-01`, name: "元旦 New Year's Day" },
    ...[0, 1, 2, 3].map((n) => ({ date: addDays(eve, n), name: "春节 Spring Festival" })),
    { date: ymd(qingming), name: "清明节 Qingming Festival" },
    { date: `${year}-05-01`, name: "劳动节 Labour Day" },
    { date: `${year}-05-02`, name: "劳动节 Labour Day" },
    { date: ymd(Lunar.fromYmd(year, 5, 5).getSolar()), name: "端午节 Dragon Boat Festival" },
    { date: ymd(Lunar.fromYmd(year, 8, 15).getSolar()), name: "中秋节 Mid-Autumn Festival" },
    ...[1, 2, 3].map((d) => ({ date: `${year}-10-0${d}`, name: "国庆节 National Day" })),
  ];
  memo.set(year, days);
  return days;
}
