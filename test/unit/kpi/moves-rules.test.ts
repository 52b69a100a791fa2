// The rules of the unusual-move test one by one, on small series whose answers are worked out here by hand
// (moves-year.test.ts checks the calibration on a synthetic year): the robust statistics behind the score,
// the 3.5 threshold, and the weekday test's usual value, holidays, gaps, minimum history and minimum change.
import { describe, expect, it } from "vitest";
import { median, MOVE_THRESHOLD, qnScale, robustScore, unusualMove, weekdayMove, type DailySeries, type DayClass } from "../../../src/domain/kpi/moves.js";

describe("robust statistics", () => {
  it("median sorts numbers as numbers and leaves the input alone", () => {
    expect(median([3, 1, 2])).toBe(2);
    const xs = [10, 9, 100, 1];
    expect(median(xs)).toBe(9.5); // 1 9 10 100, not the text order 1 10 100 9
    expect(xs).toEqual([10, 9, 100, 1]);
  });

  it("Qn is 2.2219 × the small-sample factor × the k-th smallest pairwise distance, k = C(n/2+1, 2)", () => {
    expect(qnScale([])).toBe(0);
    expect(qnScale([5])).toBe(0);
    // n = 2: one distance (1), factor 0.399.
    expect(qnScale([0, 1])).toBeCloseTo(2.2219 * 0.399, 12);
    // n = 4: distances 1 2 3 4 6 7, k = 3 → 3; factor 0.512. Order of the input does not matter.
    expect(qnScale([7, 0, 3, 1])).toBeCloseTo(2.2219 * 0.512 * 3, 12);
    // n = 9 (last tabled factor, 0.872): 0..8 has eight distances of 1, then 2s; k = 10 → 2.
    expect(qnScale([0, 1, 2, 3, 4, 5, 6, 7, 8])).toBeCloseTo(2.2219 * 0.872 * 2, 12);
    // n = 10 (even: n / (n + 3.8)): nine 1s, then 2s; k = 15 → 2.
    expect(qnScale([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toBeCloseTo(2.2219 * (10 / 13.8) * 2, 12);
    // n = 11 (odd: n / (n + 1.4)): ten 1s, then 2s; k = 15 → 2.
    expect(qnScale([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(2.2219 * (11 / 12.4) * 2, 12);
  });

  it("scores by Qn, falls back to the mean absolute deviation, then to a 50% rule on a flat history", () => {
    // Qn path: median 2, Qn of 0 1 3 7 as above.
    expect(robustScore(9, [0, 1, 3, 7])).toEqual({ score: expect.closeTo(7 / (2.2219 * 0.512 * 3), 12), median: 2 });
    // Seven equal values and one other: Qn is 0; the mean absolute deviation is 8 / 8 = 1, scaled by 1.2533.
    const flatWithOne = [10, 10, 10, 10, 10, 10, 10, 18];
    expect(robustScore(15, flatWithOne)).toEqual({ score: expect.closeTo(5 / 1.2533, 12), median: 10 });
    expect(robustScore(5, flatWithOne).score).toBeCloseTo(-5 / 1.2533, 12);
    // Entirely flat: the same value is 0, up to 50% off is 0, more is ±Infinity.
    const flat = [10, 10, 10, 10, 10, 10, 10];
    expect(robustScore(10, flat)).toEqual({ score: 0, median: 10 });
    expect(robustScore(15, flat).score).toBe(0);
    expect(robustScore(5, flat).score).toBe(0);
    expect(robustScore(15.1, flat).score).toBe(Infinity);
    expect(robustScore(4.9, flat).score).toBe(-Infinity);
    // A flat zero history: any change is unusual.
    expect(robustScore(1, [0, 0, 0, 0, 0, 0, 0]).score).toBe(Infinity);
  });
});

describe("the plain test", () => {
  // Score = (value - 10) / 1.2533 here, so the 3.5 threshold sits at 10 + 3.5 × 1.2533 = 14.38655.
  const history = [10, 10, 10, 10, 10, 10, 10, 18];
  it("flags a score beyond 3.5 and not one just inside it", () => {
    expect(MOVE_THRESHOLD).toBe(3.5);
    expect(unusualMove(14.3866, history)).toEqual({ direction: "up", median: 10, score: expect.closeTo(4.3866 / 1.2533, 12) });
    expect(unusualMove(14.3865, history)).toBeUndefined();
    expect(unusualMove(10 - 4.3866, history)?.direction).toBe("down");
    expect(unusualMove(10 - 4.3865, history)).toBeUndefined();
  });
  it("needs seven known values: gaps, NaN and Infinity are not values", () => {
    expect(unusualMove(500, [100, 100, 100, 100, 100, 100, null])).toBeUndefined();
    expect(unusualMove(500, [100, 100, 100, 100, 100, 100, Number.NaN])).toBeUndefined();
    expect(unusualMove(500, [100, 100, 100, 100, 100, 100, Infinity])).toBeUndefined();
    expect(unusualMove(500, [100, 100, 100, 100, 100, 100, 100])?.direction).toBe("up");
  });
});

describe("the weekday test", () => {
  // Eight weeks of history and the tested day, day 0 a Sunday, so the tested day (56) is a Sunday. Sundays are
  // quiet (60), Saturdays a little (70), weekdays 100, each day off by a fixed small noise (±3%).
  const RHYTHM = [60, 100, 100, 100, 100, 100, 70];
  const NOISE = [0, 0.02, -0.03, 0.01, -0.01, 0.03, -0.02, 0.015, -0.025];
  const SUNDAYS = [0, 7, 14, 21, 28, 35, 42, 49];
  // The Sundays before: 60 60.9 61.8 60.6 61.2 58.5 58.8 59.4, whose median is (60 + 60.6) / 2.
  const USUAL_SUNDAY = 60.3;

  function series(today: number | null, edit?: (values: (number | null)[], classes: DayClass[]) => void): DailySeries {
    const values: (number | null)[] = Array.from({ length: 56 }, (_, i) => RHYTHM[i % 7]! * (1 + NOISE[i % 9]!));
    values.push(today);
    const classes: DayClass[] = values.map(() => "regular");
    edit?.(values, classes);
    return { values, weekdays: values.map((_, i) => i % 7), classes };
  }

  it("compares a day with the median of the same weekday: a quiet Sunday is usual, a weekday-sized one is not", () => {
    expect(weekdayMove(series(USUAL_SUNDAY * 0.6))).toEqual({ direction: "down", median: expect.closeTo(USUAL_SUNDAY, 9), score: expect.any(Number) });
    expect(weekdayMove(series(60))).toBeUndefined();
    expect(weekdayMove(series(100))).toEqual({ direction: "up", median: expect.closeTo(USUAL_SUNDAY, 9), score: expect.any(Number) });
  });

  it("does not test a public holiday or a make-up workday, nor a day without a value", () => {
    for (const c of ["holiday", "make_up"] as const) {
      expect(weekdayMove(series(30, (_, classes) => (classes[56] = c)))).toBeUndefined();
    }
    expect(weekdayMove(series(null))).toBeUndefined();
    expect(weekdayMove(series(Number.NaN))).toBeUndefined();
    expect(weekdayMove({ values: [], weekdays: [], classes: [] })).toBeUndefined();
  });

  it("leaves holidays and make-up days out of the usual value: three ordinary Sundays are enough, two are not", () => {
    // Five of the eight Sundays were holidays as quiet as the tested day; counted, they would make it usual.
    const holidays = (n: number) => (values: (number | null)[], classes: DayClass[]) =>
      SUNDAYS.slice(0, n).forEach((i, k) => {
        values[i] = 36;
        classes[i] = k % 2 ? "make_up" : "holiday";
      });
    // The ordinary Sundays left: 58.5 58.8 59.4.
    expect(weekdayMove(series(36, holidays(5)))).toEqual({ direction: "down", median: expect.closeTo(58.8, 9), score: expect.any(Number) });
    expect(weekdayMove(series(36, holidays(6)))).toBeUndefined();
  });

  it("does not take holidays as evidence of how much ordinary days vary", () => {
    // Ordinary days: Sunday to Wednesday of the last four weeks (16, four of each). The 16 Sundays to Wednesdays
    // before them were holidays, each off its weekday's level by a different factor (e^-1.5 … e^+1.5). Scored
    // against those, a 40% drop would look ordinary; against the ordinary days' own spread it is a move.
    const holidaysFirst = (values: (number | null)[], classes: DayClass[]) => {
      let k = 0;
      for (let i = 0; i < 56; i++) {
        const w = i % 7;
        if (i >= 28 && w <= 3) continue;
        classes[i] = "holiday";
        if (w <= 3) values[i] = RHYTHM[w]! * Math.exp(-1.5 + 0.2 * k++);
      }
    };
    // The ordinary Sundays: 61.2 58.5 58.8 59.4.
    expect(weekdayMove(series(36, holidaysFirst))).toEqual({ direction: "down", median: expect.closeTo(59.1, 9), score: expect.any(Number) });
  });

  it("leaves gaps out, never as zero: NaN, Infinity and null", () => {
    for (const gap of [null, Number.NaN, Infinity]) {
      const move = weekdayMove(series(36, (values) => SUNDAYS.slice(0, 5).forEach((i) => (values[i] = gap))));
      expect(move, String(gap)).toEqual({ direction: "down", median: expect.closeTo(58.8, 9), score: expect.any(Number) });
    }
  });

  it("needs 14 known ordinary days, each with a usual value of its own weekday", () => {
    // Only Sundays 28..49 (4), Mondays 22..50 (5) and Tuesdays 23..51 (5) known: 14 days.
    const KNOWN = [28, 35, 42, 49, 22, 29, 36, 43, 50, 23, 30, 37, 44, 51];
    const only = (days: number[]) => (values: (number | null)[]) => values.forEach((_, i) => i < 56 && !days.includes(i) && (values[i] = null));
    // Sundays 61.2 58.5 58.8 59.4: usual (58.8 + 59.4) / 2.
    expect(weekdayMove(series(36, only(KNOWN)))).toEqual({ direction: "down", median: expect.closeTo(59.1, 9), score: expect.any(Number) });
    expect(weekdayMove(series(36, only(KNOWN.slice(0, 13))))).toBeUndefined();
  });

  it("must be at least 20% off the usual value, even when the history is very steady", () => {
    // Sundays of exactly 100 in the middle (97 98 99 100 100 101 102 103); the other days at 100 ± 1%.
    const steady = (values: (number | null)[]) => {
      values.forEach((_, i) => i < 56 && (values[i] = 100 * (1 + NOISE[i % 9]! / 3)));
      [98, 102, 99, 101, 100, 100, 97, 103].forEach((v, k) => (values[SUNDAYS[k]!] = v));
    };
    expect(weekdayMove(series(80, steady))).toEqual({ direction: "down", median: 100, score: expect.any(Number) });
    expect(weekdayMove(series(80.5, steady))).toBeUndefined();
    expect(weekdayMove(series(120, steady))?.direction).toBe("up");
    expect(weekdayMove(series(119.5, steady))).toBeUndefined();
  });

  it("uses plain differences for a rare count whose usual value is 0", () => {
    // A count that is 1 on every fifth day and 0 otherwise: a log scale cannot measure it.
    const rare = (values: (number | null)[]) => values.forEach((_, i) => i < 56 && (values[i] = i % 5 === 0 ? 1 : 0));
    expect(weekdayMove(series(6, rare))).toEqual({ direction: "up", median: 0, score: expect.any(Number) });
    expect(weekdayMove(series(0, rare))).toBeUndefined();
  });

  it("flags a drop to 0 as a move down when the 8 weeks never were 0, as it flags a drop to 1", () => {
    expect(weekdayMove(series(1))).toEqual({ direction: "down", median: expect.closeTo(USUAL_SUNDAY, 9), score: expect.any(Number) });
    expect(weekdayMove(series(0))).toEqual({ direction: "down", median: expect.closeTo(USUAL_SUNDAY, 9), score: -Infinity });
    // A series that is sometimes 0 (a Monday off now and then): a 0 says nothing unusual on its own.
    const someZeros = (values: (number | null)[]) => [1, 15].forEach((i) => (values[i] = 0));
    expect(weekdayMove(series(0, someZeros))).toBeUndefined();
  });

  it("compares each weekday with its own eight weeks, whichever weekday is tested", () => {
    for (let w = 0; w < 7; w++) {
      // The tested day is the w-th day after the eighth Sunday; its usual value is the median of the 8 same weekdays before it.
      const values: (number | null)[] = Array.from({ length: 56 + w }, (_, i) => RHYTHM[i % 7]! * (1 + NOISE[i % 9]!));
      const before = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => values[56 + w - 7 * k] as number).sort((a, b) => a - b);
      const usual = (before[3]! + before[4]!) / 2;
      values.push(usual * 0.5);
      const s: DailySeries = { values, weekdays: values.map((_, i) => i % 7), classes: values.map(() => "regular") };
      expect(weekdayMove(s), `weekday ${w}`).toEqual({ direction: "down", median: expect.closeTo(usual, 9), score: expect.any(Number) });
    }
  });

  it("says nothing when fewer than 14 days of the history have a usual value of their own weekday", () => {
    // 14 known days: four Sundays (each scored against the other three) and two of each weekday from Monday to
    // Friday (one left when a day leaves itself out: no usual value). Only 4 days could be scored.
    const KNOWN = [28, 35, 42, 49, 1, 8, 2, 9, 3, 10, 4, 11, 5, 12];
    const only = (values: (number | null)[]) => values.forEach((_, i) => i < 56 && !KNOWN.includes(i) && (values[i] = null));
    expect(weekdayMove(series(30, only))).toBeUndefined();
  });
});
