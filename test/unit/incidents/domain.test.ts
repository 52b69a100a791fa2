// The incident domain: matrix, status machine, schedule, drill score and the review draft.
import { describe, expect, it } from "vitest";
import { scoreDrill, expectedUpdates } from "../../../src/domain/incidents/drill.js";
import { assertIncidentMove, canMoveIncident } from "../../../src/domain/incidents/lifecycle.js";
import { matrixRows, severityOf } from "../../../src/domain/incidents/matrix.js";
import { draftReview } from "../../../src/domain/incidents/review.js";
import { nextUpdateDue, stepDueAt, updateCadenceMinutes } from "../../../src/domain/incidents/schedule.js";
import { parseImpact, parseLikelihood, parseRiskType, parseSeverity } from "../../../src/domain/incidents/vocabulary.js";

const T0 = new Date("2026-11-26T02:00:00Z");
const min = (n: number) => new Date(T0.getTime() + n * 60_000);

describe("the risk matrix", () => {
  it("gives SEV1 only for high × severe and SEV4 for the unlikely and minor", () => {
    expect(severityOf("high", "severe")).toBe("SEV1");
    expect(severityOf("medium", "severe")).toBe("SEV2");
    expect(severityOf("high", "minor")).toBe("SEV3");
    expect(severityOf("low", "minor")).toBe("SEV4");
  });
  it("lists the grid with the chosen cell marked once", () => {
    const rows = matrixRows({ likelihood: "medium", impact: "moderate" });
    expect(rows.map((r) => r.likelihood)).toEqual(["high", "medium", "low"]);
    expect(rows.flatMap((r) => r.cells.filter((c) => c.chosen).map((c) => `${r.likelihood}/${c.impact}/${c.severity}`))).toEqual(["medium/moderate/SEV3"]);
  });
  it("reads the axes and severities in English and Chinese, and nothing outside them", () => {
    expect([parseRiskType("舆情"), parseRiskType("public-opinion"), parseRiskType("weather")]).toEqual(["public_opinion", "public_opinion", undefined]);
    expect([parseLikelihood("高"), parseImpact("严重"), parseImpact("catastrophic")]).toEqual(["high", "severe", undefined]);
    expect([parseSeverity("sev2"), parseSeverity("P1"), parseSeverity("SEV5"), parseSeverity("0")]).toEqual(["SEV2", "SEV1", undefined, undefined]);
  });
});

describe("the status machine", () => {
  it("goes active → stable → resolved, back to active, and reopens", () => {
    expect(canMoveIncident("active", "stable")).toBe(true);
    expect(canMoveIncident("stable", "active")).toBe(true);
    expect(canMoveIncident("resolved", "active")).toBe(true);
    expect(canMoveIncident("resolved", "stable")).toBe(false);
    expect(() => assertIncidentMove(3, "resolved", "stable")).toThrow(/incident\.illegal_transition/);
  });
});

describe("the schedule", () => {
  it("counts steps from the declaration and updates from the last one on the severity's cadence", () => {
    expect(stepDueAt(T0, 15)).toEqual(min(15));
    const pb = { updateCadence: { SEV1: 30, SEV2: 60 } };
    expect(updateCadenceMinutes(pb, "SEV1")).toBe(30);
    expect(updateCadenceMinutes(pb, "SEV4")).toBe(1440);
    expect(nextUpdateDue(min(10), 30)).toEqual(min(40));
  });
});

describe("drill scoring", () => {
  it("averages steps on time, required roles claimed and updates sent", () => {
    const s = scoreDrill({
      steps: [{ dueAt: min(15), doneAt: min(10) }, { dueAt: min(30), doneAt: min(45) }],
      roles: [{ required: true, claimed: true }, { required: true, claimed: false }, { required: false, claimed: false }],
      updatesExpected: expectedUpdates(T0, min(60), 30),
      updatesSent: 2,
      startedAt: T0,
      endedAt: min(60),
    });
    expect(s).toMatchObject({ stepsOnTime: 1, stepsTotal: 2, rolesClaimed: 1, rolesRequired: 2, updatesExpected: 2, durationMinutes: 60 });
    expect(s.score).toBe(67);
  });
});

describe("the review draft", () => {
  it("finds what went well and badly and turns late, open and unclaimed into owned action items", () => {
    const text = (k: string) => ({ "zh-CN": k, en: k });
    const d = draftReview({
      declaredAt: T0,
      resolvedAt: min(120),
      commanderId: "u1",
      steps: [
        { key: "capture", text: text("capture"), role: "scribe", dueAt: min(15), doneAt: min(5), doneById: "u2", blocking: true },
        { key: "assess", text: text("assess"), role: "communications", dueAt: min(30), doneAt: min(50), doneById: "u3", blocking: true },
        { key: "monitor", text: text("monitor"), role: "scribe", dueAt: min(90), doneAt: null, doneById: null, blocking: false },
      ],
      roles: [{ role: "commander", required: true, userId: "u1" }, { role: "legal", required: true, userId: null }],
      updatesSent: 2,
      updateReminders: 1,
      overrideReason: null,
    });
    expect(d.durationMinutes).toBe(120);
    expect(d.wentWell.map((f) => f.code)).toEqual(["steps_on_time", "updates_sent"]);
    expect(d.wentBadly.map((f) => f.code)).toEqual(["steps_late", "steps_open", "roles_unclaimed", "updates_missed"]);
    expect(d.actionItems.map((a) => a.ownerId)).toEqual(["u3", "u1", "u1", "u1"]);
    expect(d.actionItems[0]!.text.en).toContain('"assess" was late');
  });
});
