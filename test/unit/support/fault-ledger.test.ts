// The fault table's arithmetic and layout: a loss or a duplicate always shows, and a failure always says FAILED.
import { describe, expect, it } from "vitest";
import { FaultLedger } from "../../support/fault-ledger.js";
import { faultRow, faultTable } from "../../support/fault-table.js";

describe("fault ledger", () => {
  it("counts an operation never seen as lost and extra copies as duplicated", () => {
    const l = new FaultLedger();
    for (const k of ["a", "b", "c", "d"]) l.attempt(k);
    l.seen("a");
    l.seen("b", 3);
    l.seen("d");
    l.seen("d");
    expect(l.counts()).toEqual({ attempted: 4, lost: 1, duplicated: 3 });
    expect(l.detail()).toEqual({ lost: ["c"], duplicated: ["b ×3", "d ×2"] });
  });

  it("counts an effect of something nobody attempted as duplicated", () => {
    const l = new FaultLedger();
    l.attempt("asked");
    l.seen("asked");
    l.seen("spurious");
    expect(l.counts()).toEqual({ attempted: 1, lost: 0, duplicated: 1 });
  });

  it("reports zeros only when every operation was seen exactly once", () => {
    const l = new FaultLedger();
    l.attempt("x");
    expect(l.counts()).toEqual({ attempted: 1, lost: 1, duplicated: 0 });
    l.seen("x");
    expect(l.counts()).toEqual({ attempted: 1, lost: 0, duplicated: 0 });
  });

  it("refuses an operation key used twice and a count that is not a whole number", () => {
    const l = new FaultLedger();
    l.attempt("x");
    expect(() => l.attempt("x")).toThrow(/attempted twice/);
    expect(() => l.seen("x", 1.5)).toThrow(/whole number/);
  });
});

describe("fault table", () => {
  const meta = { fault: "a fault", maxLost: 0, maxDuplicated: 0, checked: true, attempted: 3, lost: 0, duplicated: 0 };

  it("shows a passed scenario with its figures", () => {
    expect(faultRow({ meta, state: "passed" })).toMatchObject({ result: "passed", passed: true, attempted: 3, lost: 0 });
  });

  it("shows a failed, unfinished or never-run scenario as FAILED, with what it had counted", () => {
    expect(faultRow({ meta: { ...meta, checked: false, lost: 2 }, state: "failed", error: "lost: x, y" })).toMatchObject({ result: "FAILED: lost: x, y", passed: false, lost: 2 });
    expect(faultRow({ meta: { ...meta, checked: false }, state: "pending" })).toMatchObject({ result: "FAILED: did not finish", passed: false });
    expect(faultRow({ meta: { ...meta, checked: false }, state: "skipped", setupFailed: true })).toMatchObject({ passed: false });
    expect(faultRow({ meta: { ...meta, checked: false }, state: "passed" })).toMatchObject({ result: "FAILED: never reached its lost/duplicated assertions", passed: false });
  });

  it("leaves out a scenario the user filtered out", () => {
    expect(faultRow({ meta: { ...meta, checked: false }, state: "skipped" })).toBeNull();
  });

  it("puts failures first, escapes pipes and says how many failed", () => {
    const ok = faultRow({ meta, state: "passed" })!;
    const bad = faultRow({ meta: { ...meta, fault: "a | b", checked: false, lost: 1 }, state: "failed", error: "lost 1\nstack" })!;
    const md = faultTable([ok, bad]);
    expect(md.split("\n").slice(2, 4)).toEqual(["| a \\| b | FAILED: lost 1 | 3 | 1 | 0 |", "| a fault | passed | 3 | 0 | 0 |"]);
    expect(md).toContain("1 of 2 fault scenarios FAILED.");
    expect(faultTable([ok])).toContain("All 1 fault scenarios passed");
  });

  it("states a bound beside the figure", () => {
    expect(faultTable([faultRow({ meta: { ...meta, maxLost: 2, lost: 1 }, state: "passed" })!])).toContain("| 1 (≤ 2 allowed) |");
  });
});
