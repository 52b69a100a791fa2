// The review (复盘) drafted from an incident's timeline, finding by finding: what counts as on time, late and
// open, when roles count as claimed, and the action items a team reads in each language with their owners.
import { describe, expect, it } from "vitest";
import { draftReview, type ReviewFacts, type ReviewStepFact } from "../../../src/domain/incidents/review.js";

const T0 = new Date("2026-11-26T02:00:00Z");
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
const step = (key: string, due: number, done: number | null, by: string | null = null): ReviewStepFact => ({
  key, text: { "zh-CN": `${key}（中）`, en: `${key} (en)` }, role: "scribe", dueAt: min(due), doneAt: done === null ? null : min(done), doneById: by, blocking: false,
});
const facts = (over: Partial<ReviewFacts>): ReviewFacts => ({
  declaredAt: T0, resolvedAt: min(60), commanderId: "cmd", steps: [], roles: [], updatesSent: 0, updateReminders: 0, overrideReason: null, ...over,
});

describe("steps in the review", () => {
  it("counts a step done exactly when due as on time, not late", () => {
    const d = draftReview(facts({ steps: [step("capture", 15, 15), step("assess", 30, 10), step("hold", 20, 21, "u2"), step("close", 50, null)] }));
    expect(d.wentWell).toEqual([{ code: "steps_on_time", count: 2, total: 4 }]);
    expect(d.wentBadly).toEqual([{ code: "steps_late", keys: ["hold"] }, { code: "steps_open", keys: ["close"] }]);
  });
  it("finds nothing on time when no step was", () => {
    const d = draftReview(facts({ steps: [step("hold", 20, 25)] }));
    expect(d.wentWell).toEqual([]);
  });
  it("asks whoever did a late step, or the commander when nobody is recorded, to find out why", () => {
    const d = draftReview(facts({ steps: [step("hold", 20, 25, "u2"), step("draft", 20, 30)] }));
    expect(d.actionItems).toEqual([
      { text: { "zh-CN": "查明“hold（中）”延误的原因，调整预案时限", en: 'Find out why "hold (en)" was late and adjust the playbook\'s timing' }, ownerId: "u2" },
      { text: { "zh-CN": "查明“draft（中）”延误的原因，调整预案时限", en: 'Find out why "draft (en)" was late and adjust the playbook\'s timing' }, ownerId: "cmd" },
    ]);
  });
  it("asks the commander to complete an open step or record why it was not needed", () => {
    expect(draftReview(facts({ steps: [step("close", 50, null)] })).actionItems).toEqual([
      { text: { "zh-CN": "补做或确认无需“close（中）”", en: 'Complete "close (en)" or record why it was not needed' }, ownerId: "cmd" },
    ]);
  });
});

describe("roles in the review", () => {
  it("praises roles claimed only when every required role was, counting the required ones", () => {
    const d = draftReview(facts({ roles: [{ role: "commander", required: true, userId: "cmd" }, { role: "scribe", required: true, userId: "u2" }, { role: "legal", required: false, userId: null }] }));
    expect(d.wentWell).toEqual([{ code: "roles_claimed", count: 2, total: 2 }]);
    expect(d.wentBadly).toEqual([]);
    expect(d.actionItems).toEqual([]);
  });
  it("says nothing about roles when the playbook required none", () => {
    const d = draftReview(facts({ roles: [{ role: "legal", required: false, userId: null }] }));
    expect([d.wentWell, d.wentBadly]).toEqual([[], []]);
  });
  it("names the required roles nobody claimed and asks for a standing holder by the role's name", () => {
    const d = draftReview(facts({
      roles: [
        { role: "commander", required: true, userId: "cmd" },
        { role: "legal", required: true, userId: null, name: { "zh-CN": "法务", en: "legal counsel" } },
        { role: "pr_lead", required: true, userId: null },
      ],
    }));
    expect(d.wentWell).toEqual([]);
    expect(d.wentBadly).toEqual([{ code: "roles_unclaimed", roles: ["legal", "pr_lead"] }]);
    expect(d.actionItems).toEqual([
      { text: { "zh-CN": "为此类事件指定常设的法务人选", en: "Name a standing legal counsel for this kind of incident" }, ownerId: "cmd" },
      { text: { "zh-CN": "为此类事件指定常设的pr_lead人选", en: "Name a standing pr_lead for this kind of incident" }, ownerId: "cmd" },
    ]);
  });
});

describe("updates and overrides in the review", () => {
  it("praises updates sent, and counts missed ones with an action item for the commander", () => {
    const d = draftReview(facts({ updatesSent: 3, updateReminders: 2 }));
    expect(d.wentWell).toEqual([{ code: "updates_sent", count: 3 }]);
    expect(d.wentBadly).toEqual([{ code: "updates_missed", reminders: 2 }]);
    expect(d.actionItems).toEqual([{ text: { "zh-CN": "按节奏发布进展通报，考虑增设通报负责人", en: "Keep status updates on cadence; consider a dedicated communications lead" }, ownerId: "cmd" }]);
  });
  it("says nothing of updates when none were sent and none were missed", () => {
    const d = draftReview(facts({}));
    expect(d).toEqual({ durationMinutes: 60, wentWell: [], wentBadly: [], actionItems: [] });
  });
  it("records that the incident was resolved over blocking steps, with the reason given", () => {
    const d = draftReview(facts({ overrideReason: "the platform restored the post" }));
    expect(d.wentBadly).toEqual([{ code: "resolved_with_override", reason: "the platform restored the post" }]);
  });
  it("takes the duration in whole minutes from declaration to resolution", () => {
    expect(draftReview(facts({ resolvedAt: new Date(T0.getTime() + 90.4 * 60_000) })).durationMinutes).toBe(90);
  });
});
