// The text trends at their edges: values that are not numbers drawn as gaps, arrows against a zero day, and the
// ±0.5% steady band at its exact boundary (kpi-domain.test.ts has the ordinary cases).
import { describe, expect, it } from "vitest";
import { changeOf, sparkline, STEADY } from "../../../src/domain/kpi/index.js";

describe("sparkline edges", () => {
  it("draws NaN and Infinity as gaps and scales the rest without them", () => {
    expect(sparkline([0, Number.NaN, 7, Infinity])).toBe("▁ █ ");
    expect(sparkline([Number.NaN, -Infinity])).toBe("  ");
    expect(sparkline([3, Number.NaN, 3])).toBe("▄ ▄");
  });
});

describe("arrows against a zero day", () => {
  it("points the way of the change and gives no percentage", () => {
    expect(changeOf(5, 0)).toEqual({ arrow: "▲", ratio: undefined });
    expect(changeOf(-5, 0)).toEqual({ arrow: "▼", ratio: undefined });
    expect(changeOf(0, 0)).toEqual({ arrow: "→", ratio: undefined });
    expect(changeOf(0, null)).toBeUndefined();
  });
  it("counts exactly ±0.5% as steady and anything beyond as a move", () => {
    expect(STEADY).toBe(0.005);
    expect(changeOf(1005, 1000)?.arrow).toBe("→");
    expect(changeOf(995, 1000)?.arrow).toBe("→");
    expect(changeOf(1006, 1000)?.arrow).toBe("▲");
    expect(changeOf(994, 1000)?.arrow).toBe("▼");
    // The ratio is against the size of the day before, so a negative day before still reads the right way.
    expect(changeOf(-90, -100)).toEqual({ arrow: "▲", ratio: 0.1 });
  });
});
