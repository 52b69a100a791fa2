// The incident rules a team meets while one runs: which status changes are allowed and what a refused one says,
// the risk matrix's shape, the clock arithmetic of steps and updates, and how a drill is scored at its edges.
import { describe, expect, it } from "vitest";
import { expectedUpdates, scoreDrill, type DrillFacts } from "../../../src/domain/incidents/drill.js";
import { assertIncidentMove, assertOpen, canMoveIncident, INCIDENT_STATUSES, isIncidentStatus } from "../../../src/domain/incidents/lifecycle.js";
import { matrixRows, severityOf } from "../../../src/domain/incidents/matrix.js";
import { addMinutes, minutesBetween } from "../../../src/domain/incidents/schedule.js";
import { IMPACTS, LIKELIHOODS, SEVERITIES } from "../../../src/domain/incidents/vocabulary.js";
import { errorMessage } from "../../../templates/strings/errors.js";
import { refusal } from "../../support/refusal.js";

const T0 = new Date("2026-11-26T02:00:00Z");
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
const told = (fn: () => unknown) => {
  const e = refusal(fn);
  return { code: e.code, params: e.params, en: errorMessage("en", e), zh: errorMessage("zh-CN", e) };
};

describe("an incident's status", () => {
  it("is one of active, stable and resolved", () => {
    expect(INCIDENT_STATUSES.map(isIncidentStatus)).toEqual([true, true, true]);
    expect(["open", "Active", ""].map(isIncidentStatus)).toEqual([false, false, false]);
  });
  it("can be resolved from active and from stable, and calms down or flares up between them", () => {
    expect(canMoveIncident("active", "resolved")).toBe(true);
    expect(canMoveIncident("stable", "resolved")).toBe(true);
    expect(canMoveIncident("active", "stable")).toBe(true);
    expect(canMoveIncident("stable", "active")).toBe(true);
    expect(() => assertIncidentMove(1, "stable", "resolved")).not.toThrow();
    expect(() => assertIncidentMove(1, "resolved", "active")).not.toThrow();
  });
  it("never moves to where it already is", () => {
    for (const s of INCIDENT_STATUSES) expect(canMoveIncident(s, s), s).toBe(false);
  });
  it("refuses a move it does not allow, naming where the incident can go, in the reader's language", () => {
    expect(told(() => assertIncidentMove(7, "active", "active"))).toEqual({
      code: "incident.illegal_transition",
      params: { id: 7, current: "active", target: "active", possible: "stable, resolved" },
      en: "Incident #7 is active and cannot become active. From active it can go to: stable, resolved.",
      zh: "事件 #7 当前为 处置中，不能变为 处置中。可变为：已稳定、已解决。",
    });
    expect(told(() => assertIncidentMove(7, "resolved", "stable")).en).toBe("Incident #7 is resolved and cannot become stable. From resolved it can go to: active.");
  });
  it("takes changes only while not resolved, and says how to reopen", () => {
    expect(() => assertOpen(9, "active")).not.toThrow();
    expect(() => assertOpen(9, "stable")).not.toThrow();
    expect(told(() => assertOpen(9, "resolved"))).toEqual({
      code: "incident.resolved",
      params: { id: 9 },
      en: "Incident #9 is resolved; it takes no further changes. Reopen it with /incident reopen --id 9.",
      zh: "事件 #9 已解决，不能再更改。如需重新打开：/incident reopen --id 9。",
    });
  });
});

describe("the risk matrix", () => {
  const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
  it("gives a known severity in every cell", () => {
    for (const l of LIKELIHOODS) for (const i of IMPACTS) expect(rank(severityOf(l, i)), `${l} × ${i}`).toBeGreaterThanOrEqual(0);
  });
  it("never gets less urgent as likelihood or impact rises", () => {
    // LIKELIHOODS run high → low, IMPACTS minor → severe; SEVERITIES most urgent first.
    for (let l = 0; l < LIKELIHOODS.length; l++) {
      for (let i = 0; i < IMPACTS.length; i++) {
        const here = rank(severityOf(LIKELIHOODS[l]!, IMPACTS[i]!));
        if (l > 0) expect(rank(severityOf(LIKELIHOODS[l - 1]!, IMPACTS[i]!)), `${LIKELIHOODS[l - 1]} over ${LIKELIHOODS[l]} × ${IMPACTS[i]}`).toBeLessThanOrEqual(here);
        if (i < IMPACTS.length - 1) expect(rank(severityOf(LIKELIHOODS[l]!, IMPACTS[i + 1]!)), `${IMPACTS[i + 1]} over ${IMPACTS[i]} × ${LIKELIHOODS[l]}`).toBeLessThanOrEqual(here);
      }
    }
  });
  it("weighs likelihood and impact alike: swapping the two levels gives the same severity", () => {
    // high ↔ severe, medium ↔ moderate, low ↔ minor
    const mirror = (l: number, i: number) => severityOf(LIKELIHOODS[2 - i]!, IMPACTS[2 - l]!);
    for (let l = 0; l < 3; l++) for (let i = 0; i < 3; i++) expect(severityOf(LIKELIHOODS[l]!, IMPACTS[i]!)).toBe(mirror(l, i));
  });
  it("marks no cell when nothing is chosen yet", () => {
    const rows = matrixRows();
    expect(rows.flatMap((r) => r.cells.filter((c) => c.chosen))).toEqual([]);
    expect(rows.map((r) => r.cells.map((c) => c.impact))).toEqual([[...IMPACTS], [...IMPACTS], [...IMPACTS]]);
  });
});

describe("the clock of an incident", () => {
  it("adds minutes to a time", () => {
    expect(addMinutes(T0, 90)).toEqual(min(90));
    expect(addMinutes(T0, 0)).toEqual(T0);
  });
  it("counts whole minutes between two times, and none when the second is earlier", () => {
    expect(minutesBetween(T0, min(45))).toBe(45);
    expect(minutesBetween(T0, new Date(T0.getTime() + 119_999))).toBe(1);
    expect(minutesBetween(min(45), T0)).toBe(0);
  });
});

describe("scoring a drill", () => {
  const drill = (over: Partial<DrillFacts>): DrillFacts => ({ steps: [], roles: [], updatesExpected: 1, updatesSent: 1, startedAt: T0, endedAt: min(30), ...over });
  it("counts a step done exactly when due as on time, and one never done as not", () => {
    const s = scoreDrill(drill({ steps: [{ dueAt: min(15), doneAt: min(15) }, { dueAt: min(20), doneAt: min(5) }, { dueAt: min(25), doneAt: null }] }));
    expect([s.stepsOnTime, s.stepsTotal]).toEqual([2, 3]);
    expect(scoreDrill(drill({ steps: [{ dueAt: min(15), doneAt: min(16) }] })).stepsOnTime).toBe(0);
  });
  it("scores full marks for a part with nothing to do: no steps, no required roles", () => {
    const s = scoreDrill(drill({ roles: [{ required: false, claimed: false }] }));
    expect(s).toMatchObject({ score: 100, stepsTotal: 0, rolesRequired: 0 });
  });
  it("counts one update per full cadence period", () => {
    expect(expectedUpdates(T0, min(59), 30)).toBe(1);
    expect(expectedUpdates(T0, min(60), 30)).toBe(2);
  });
});
