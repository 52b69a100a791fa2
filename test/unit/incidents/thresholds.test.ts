// Threshold crossings, windows and signal names (src/domain/incidents/thresholds.ts), and the warning card.
import { describe, expect, it } from "vitest";
import { evaluateCrossing, formatWindow, isComplianceLevelName, parseSignal, parseWindow, windowStart } from "../../../src/domain/incidents/thresholds.js";
import { riskWarningCard } from "../../../templates/incident/warning.card.js";

describe("evaluateCrossing", () => {
  it("warns only on below → at/above, clears on above → below, otherwise nothing", () => {
    expect(evaluateCrossing("below", 2, 3)).toBe("none");
    expect(evaluateCrossing("below", 3, 3)).toBe("warn");
    expect(evaluateCrossing("above", 9, 3)).toBe("none");
    expect(evaluateCrossing("above", 3, 3)).toBe("none");
    expect(evaluateCrossing("above", 2, 3)).toBe("clear");
    expect(evaluateCrossing("below", 0, 1)).toBe("none");
  });
  it("a sequence of values warns once per crossing", () => {
    let state: "below" | "above" = "below";
    const fired: number[] = [];
    [1, 3, 4, 5, 2, 2, 3, 3, 1].forEach((v, i) => {
      const d = evaluateCrossing(state, v, 3);
      if (d === "warn") (fired.push(i), (state = "above"));
      if (d === "clear") state = "below";
    });
    expect(fired).toEqual([1, 6]);
  });
});

describe("windows and names", () => {
  it("reads windows in minutes, hours and days, refusing nonsense and more than 7 days", () => {
    expect(parseWindow("1h")).toBe(60);
    expect(parseWindow("30m")).toBe(30);
    expect(parseWindow("24小时")).toBe(1440);
    expect(parseWindow("2d")).toBe(2880);
    expect(parseWindow("3")).toBe(180);
    expect(parseWindow("8d")).toBeUndefined();
    expect(parseWindow("0m")).toBeUndefined();
    expect(parseWindow("soon")).toBeUndefined();
    expect(formatWindow(60)).toBe("1h");
    expect(formatWindow(90)).toBe("90m");
    expect(windowStart(new Date("2026-11-26T02:00:00Z"), 60).toISOString()).toBe("2026-11-26T01:00:00.000Z");
  });
  it("knows signals by their aliases and compliance levels by name", () => {
    expect(parseSignal("投诉超时")).toBe("complaint_breaches");
    expect(parseSignal("Negative")).toBe("negative_items");
    expect(parseSignal("compliance")).toBe("compliance_rejections");
    expect(parseSignal("mood")).toBeUndefined();
    expect(isComplianceLevelName("合规审核")).toBe(true);
    expect(isComplianceLevelName({ "zh-CN": "法务", en: "Compliance" })).toBe(true);
    expect(isComplianceLevelName("主编")).toBe(false);
  });
});

describe("the warning card", () => {
  const model = {
    warningId: 5, thresholdId: 2, signal: "negative_items" as const, value: 21, limit: 20, window: "1h", riskType: "public_opinion" as const, severity: "SEV2" as const,
    playbook: null, crossedAt: "11-26 10:05", declareButton: "btn", declaredIncidentId: null,
  };
  it("names the risk type, level, likely impact and playbook, with a Declare button", () => {
    const card = riskWarningCard(model, "en");
    expect(card.title).toBe("Risk warning: complaints received (negative items) 21 in 1h (limit 20)");
    expect(card.fallbackText).toContain("Risk type: public opinion (舆情)");
    expect(card.fallbackText).toContain("Level: SEV2");
    expect(card.fallbackText).toContain("Likely impact: A burst of complaints");
    expect(card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []))).toEqual([{ actionId: "incident.declare", label: "Declare SEV2 incident", value: "btn", style: "danger" }]);
  });
  it("once declared, shows the incident instead of the button", () => {
    const card = riskWarningCard({ ...model, declareButton: null, declaredIncidentId: 7 }, "zh-CN");
    expect(card.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(card.fallbackText).toContain("已发起事件 #7");
  });
});
