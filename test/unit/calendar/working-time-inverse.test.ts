// workingMinutesBetween is the inverse of addWorkingMinutes, checked on generated cases. The cases come from
// a fixed list of seeds through a small deterministic generator, so every run checks the same instants and a
// failure names the seed that reproduces it.

import { describe, expect, it } from "vitest";

import {
  addWorkingMinutes,
  isWorkingTime,
  nextWorkingMoment,
  workingMinutesBetween,
  type BusinessCalendar,
} from "../../../src/domain/calendar/index.js";
import { cn, london, londonWeekends, newYork } from "./calendars.js";

/** mulberry32: a tiny deterministic generator of floats in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [1, 7, 42, 99, 123, 256, 777, 1024, 2025, 2026, 31337, 65535, 100_003, 271_828, 314_159, 999_983];
const FROM = Date.UTC(2025, 0, 1);
const SPAN = Date.UTC(2027, 0, 1) - FROM; // 2025 and 2026, the covered years, with both DST changes each
const CALENDARS: [string, BusinessCalendar][] = [
  ["Asia/Shanghai CN", cn],
  ["Europe/London weekdays", london],
  ["Europe/London weekends", londonWeekends],
  ["America/New_York weekdays", newYork],
];

/** A minute-aligned instant somewhere in 2025-2026. */
function instant(next: () => number): Date {
  return new Date(FROM + Math.floor((next() * SPAN) / 60_000) * 60_000);
}

describe.each(CALENDARS)("%s", (_name, cal) => {
  it.each(SEEDS)("seed %i: between(start, add(start, m)) === m", (seed) => {
    const next = generator(seed);
    for (let i = 0; i < 8; i++) {
      const start = instant(next);
      const minutes = Math.floor(next() * 6000); // up to ~12 working days
      const end = addWorkingMinutes(cal, start, minutes);
      expect(workingMinutesBetween(cal, start, end), `${start.toISOString()} + ${minutes}`).toBe(minutes);
      expect(end.getTime()).toBeGreaterThanOrEqual(nextWorkingMoment(cal, start).getTime());
      // One minute less never lands later, one minute more always lands later.
      if (minutes > 0) expect(addWorkingMinutes(cal, start, minutes - 1).getTime()).toBeLessThan(end.getTime());
      expect(addWorkingMinutes(cal, start, minutes + 1).getTime()).toBeGreaterThan(end.getTime());
      // The last minute counted was working time.
      if (minutes > 0) expect(isWorkingTime(cal, new Date(end.getTime() - 60_000))).toBe(true);
    }
  });

  it.each(SEEDS)("seed %i: add(from, between(from, to)) never passes `to`", (seed) => {
    const next = generator(seed);
    for (let i = 0; i < 8; i++) {
      const [a, b] = [instant(next), instant(next)].sort((x, y) => x.getTime() - y.getTime()) as [Date, Date];
      const to = new Date(Math.min(b.getTime(), a.getTime() + 20 * 86_400_000)); // keep spans under 3 weeks
      const minutes = workingMinutesBetween(cal, a, to);
      expect(Number.isInteger(minutes)).toBe(true);
      if (minutes === 0) continue;
      const end = addWorkingMinutes(cal, a, minutes);
      expect(end.getTime()).toBeLessThanOrEqual(to.getTime());
      expect(workingMinutesBetween(cal, end, to)).toBe(0);
    }
  });
});
