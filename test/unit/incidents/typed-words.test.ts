// What people type for an incident's risk type, likelihood, impact, severity and a threshold's signal and
// window: code or Chinese name, with stray spaces and capitals; and the defaults a threshold gets when the admin
// names only its signal.
import { describe, expect, it } from "vitest";
import { DEFAULT_RISK, DEFAULT_SEVERITY, DEFAULT_WINDOW_MINUTES, isComplianceLevelName, isSignal, parseSignal, parseWindow, SIGNALS } from "../../../src/domain/incidents/thresholds.js";
import { isSeverity, parseImpact, parseLikelihood, parseRiskType, parseSeverity, RISK_TYPES, SEVERITIES } from "../../../src/domain/incidents/vocabulary.js";

describe("a risk type as typed", () => {
  it("is read from its code and from its Chinese name, with or without 风险", () => {
    for (const t of RISK_TYPES) expect(parseRiskType(t), t).toBe(t);
    expect(["内容", "平台风险", "用户数据", "舆情风险", "合规"].map(parseRiskType)).toEqual(["content", "platform", "user_data", "public_opinion", "compliance"]);
  });
  it("takes the short English forms and ignores case and stray spaces", () => {
    expect(["user-data", "USERDATA", " pr ", "Opinion"].map(parseRiskType)).toEqual(["user_data", "user_data", "public_opinion", "public_opinion"]);
  });
});

describe("likelihood and impact as typed", () => {
  it("reads 中 as medium likelihood but moderate impact", () => {
    expect(parseLikelihood("中")).toBe("medium");
    expect(parseImpact("中")).toBe("moderate");
  });
  it("reads the codes, short forms and Chinese names of each level, ignoring case and spaces", () => {
    expect(["High", " med ", "低"].map(parseLikelihood)).toEqual(["high", "medium", "low"]);
    expect(["轻微", "一般", "重大", " SEVERE "].map(parseImpact)).toEqual(["minor", "moderate", "severe", "severe"]);
    expect([parseLikelihood("very"), parseImpact("huge")]).toEqual([undefined, undefined]);
  });
});

describe("a severity as typed", () => {
  it("is SEV1-SEV4 written as sev, SEV-, SEV with a space, P, or the bare digit", () => {
    expect(["sev1", "SEV-2", "sev 3", "P4", "p-1", "2", " SEV3 "].map(parseSeverity)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4", "SEV1", "SEV2", "SEV3"]);
  });
  it("is nothing outside SEV1-SEV4 or with anything before or after it", () => {
    expect(["SEV5", "0", "sev12", "xsev1", "sev1x", "sev_1", "sev--1", "S1"].map(parseSeverity)).toEqual(Array(8).fill(undefined));
  });
  it("as a code is exactly SEV1-SEV4", () => {
    expect(SEVERITIES.map(isSeverity)).toEqual([true, true, true, true]);
    expect(["sev1", "SEV5", ""].map(isSeverity)).toEqual([false, false, false]);
  });
});

describe("a threshold's signal and window as typed", () => {
  it("knows each signal by its code, with - for _, and by its Chinese name, ignoring case and spaces", () => {
    for (const s of SIGNALS) expect([parseSignal(s), parseSignal(s.replace("_", "-")), isSignal(s)], s).toEqual([s, s, true]);
    expect(["投诉超时", "负面声量", "合规驳回", " SLA ", "Rejections "].map(parseSignal)).toEqual(["complaint_breaches", "negative_items", "compliance_rejections", "complaint_breaches", "compliance_rejections"]);
    // "complaints" counts the complaints received; "breaches" the complaints whose SLA was missed.
    expect(["complaints", "投诉量", "breaches"].map(parseSignal)).toEqual(["negative_items", "negative_items", "complaint_breaches"]);
    expect(["negative-items-x", "complaint"].map(isSignal)).toEqual([false, false]);
  });
  it("reads a window in minutes, hours or days, English or Chinese, hours when no unit is given", () => {
    expect(["45min", "30分钟", "2小时", "2天", " 3h ", "90 M", "12"].map(parseWindow)).toEqual([45, 30, 120, 2880, 180, 90, 720]);
  });
  it("accepts a window from 1 minute to 7 days, and nothing with words around the number", () => {
    expect(["1m", "7d", "168h", "9999m"].map(parseWindow)).toEqual([1, 10080, 10080, 9999]);
    expect(["169h", "8天", "0h", "h", "last 2h", "2h ago", "2 weeks"].map(parseWindow)).toEqual(Array(7).fill(undefined));
  });
  it("recognises the compliance level by either of its names", () => {
    expect(isComplianceLevelName({ "zh-CN": "合规审核", en: "Legal" })).toBe(true);
    expect(isComplianceLevelName({ "zh-CN": "主编", en: "Editor" })).toBe(false);
  });
});

describe("a threshold's defaults", () => {
  it("counts complaints and negative items over an hour and compliance rejections over a day", () => {
    expect(DEFAULT_WINDOW_MINUTES).toEqual({ complaint_breaches: 60, negative_items: 60, compliance_rejections: 1440 });
  });
  it("suggests a public-opinion incident for complaints, a compliance one for rejections, at SEV2", () => {
    expect(DEFAULT_RISK).toEqual({ complaint_breaches: "public_opinion", negative_items: "public_opinion", compliance_rejections: "compliance" });
    expect(DEFAULT_SEVERITY).toBe("SEV2");
  });
});
