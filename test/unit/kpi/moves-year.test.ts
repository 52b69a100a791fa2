// The unusual-move test on a synthetic year, as a manager would live it: four accounts with their own weekly
// rhythm, growth and day-to-day noise, China's 2026 holidays and make-up workdays, and one planted 40% one-day
// drop each. A fixed seed makes the year the same on every run. The test reads 2026 day by day, as the digest
// would each morning, and counts what it would have flagged.
import { describe, expect, it } from "vitest";
import { buildBusinessCalendar } from "../../../src/domain/calendar/business-calendar.js";
import { describeDay } from "../../../src/domain/calendar/day-rules.js";
import { addDays, weekdayOf } from "../../../src/domain/calendar/local-day.js";
import { weekdayMove, type DayClass } from "../../../src/domain/kpi/moves.js";

/** mulberry32: a small seeded generator, so the year is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cal = buildBusinessCalendar({ zone: "Asia/Shanghai" });
const classOf = (day: string): DayClass => {
  const kind = describeDay(cal, day).kind;
  return kind === "holiday" ? "holiday" : kind === "make-up-workday" ? "make_up" : "regular";
};

interface Account {
  name: string;
  level: number;
  /** Growth over the year (0.3 = +30%). */
  growth: number;
  /** Sunday first, as JavaScript numbers weekdays. */
  rhythm: number[];
  /** Traffic on a public holiday and on a make-up workday, relative to the level. */
  holiday: number;
  makeUp: number;
  /** Day-to-day noise (standard deviation of the log). */
  noise: number;
  drop: string;
}

const ACCOUNTS: Account[] = [
  { name: "wechat_oa", level: 12_000, growth: 0.3, rhythm: [0.62, 1, 1.04, 1.02, 0.98, 0.93, 0.68], holiday: 0.55, makeUp: 0.9, noise: 0.08, drop: "2026-06-10" },
  { name: "douyin", level: 80_000, growth: 0.5, rhythm: [1.25, 0.92, 0.9, 0.95, 0.97, 1.08, 1.3], holiday: 1.4, makeUp: 0.85, noise: 0.07, drop: "2026-03-17" },
  { name: "xiaohongshu", level: 3_000, growth: 0.2, rhythm: [1.15, 0.95, 0.95, 0.97, 1, 1.02, 1.2], holiday: 1.25, makeUp: 0.95, noise: 0.06, drop: "2026-09-03" },
  { name: "bilibili", level: 600, growth: 0.1, rhythm: [1.1, 0.9, 0.95, 1, 1, 1.05, 1.15], holiday: 1.3, makeUp: 0.9, noise: 0.08, drop: "2026-11-20" },
];

const FROM = "2025-11-01"; // 8 weeks of history before the year starts
const DAYS = Array.from({ length: 426 }, (_, i) => addDays(FROM, i)).filter((d) => d <= "2026-12-31");

function year(a: Account, seed: number): number[] {
  const rnd = seeded(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return DAYS.map((day, i) => {
    const c = classOf(day);
    const f = c === "holiday" ? a.holiday : c === "make_up" ? a.makeUp : a.rhythm[weekdayOf(day)]!;
    const v = a.level * (1 + (a.growth * i) / 365) * f * Math.exp(a.noise * gauss());
    return Math.round(day === a.drop ? v * 0.6 : v);
  });
}

describe("unusual moves over a synthetic year", () => {
  const weekdays = DAYS.map(weekdayOf);
  const classes = DAYS.map(classOf);
  for (const [n, a] of ACCOUNTS.entries()) {
    it(`${a.name}: at most one false move a month, and the planted 40% drop flagged`, () => {
      const values = year(a, 2026 + n);
      const falseMoves = new Map<string, string[]>();
      let planted: string | undefined;
      DAYS.forEach((day, t) => {
        if (day < "2026-01-01") return;
        const move = weekdayMove({ values: values.slice(0, t + 1), weekdays: weekdays.slice(0, t + 1), classes: classes.slice(0, t + 1) });
        if (day === a.drop) planted = move?.direction;
        else if (move) falseMoves.set(day.slice(0, 7), [...(falseMoves.get(day.slice(0, 7)) ?? []), day]);
      });
      expect(planted).toBe("down");
      for (const [month, days] of falseMoves) expect(days, `false moves in ${month}`).toHaveLength(1);
      // Holidays behave nothing like a weekday; none of them, and no make-up workday, is ever flagged.
      expect([...falseMoves.values()].flat().filter((d) => classOf(d) !== "regular")).toEqual([]);
    });
  }
});
