import { describe, it, expect } from "vitest";
import {
  TOPIC_STATUSES,
  allowedTransitions,
  assertTransition,
  canTransition,
  isTopicStatus,
  requiresReason,
  type TopicStatus,
} from "../../../src/domain/topics/lifecycle.js";
import { refusal } from "../../support/refusal.js";

const TABLE: Record<TopicStatus, TopicStatus[]> = {
  idea: ["accepted", "rejected", "archived"],
  accepted: ["drafting", "rejected", "archived"],
  drafting: ["in_review", "archived"],
  in_review: ["approved", "drafting", "rejected"],
  approved: ["scheduled", "published", "archived", "drafting"],
  scheduled: ["published", "approved", "archived"],
  published: ["archived"],
  rejected: ["idea", "archived"],
  archived: [],
};


describe("topic lifecycle", () => {
  it("lists the nine statuses in lifecycle order", () => {
    expect(TOPIC_STATUSES).toEqual([
      "idea", "accepted", "drafting", "in_review", "approved", "scheduled", "published", "rejected", "archived",
    ]);
  });

  it.each(Object.entries(TABLE))("%s → %j", (from, to) => {
    expect(allowedTransitions(from as TopicStatus)).toEqual(to);
  });

  it("canTransition agrees with the table for all 81 pairs", () => {
    let allowed = 0;
    for (const from of TOPIC_STATUSES) {
      for (const to of TOPIC_STATUSES) {
        expect(canTransition(from, to)).toBe(TABLE[from].includes(to));
        if (canTransition(from, to)) allowed++;
      }
    }
    expect(allowed).toBe(21);
  });

  it("never allows staying in place or skipping review", () => {
    expect(canTransition("idea", "idea")).toBe(false);
    expect(canTransition("drafting", "approved")).toBe(false);
    expect(canTransition("drafting", "published")).toBe(false);
    expect(canTransition("published", "drafting")).toBe(false);
  });

  it("allows the named backward moves", () => {
    expect(canTransition("in_review", "drafting")).toBe(true); // changes requested
    expect(canTransition("scheduled", "approved")).toBe(true); // unscheduled
    expect(canTransition("rejected", "idea")).toBe(true); // reopened
  });

  it("assertTransition passes silently when allowed", () => {
    expect(() => assertTransition("idea", "accepted")).not.toThrow();
  });

  it("assertTransition refuses with the allowed targets comma-joined", () => {
    const e = refusal(() => assertTransition("idea", "published"));
    expect(e.code).toBe("topic.illegal_transition");
    expect(e.params).toEqual({ from: "idea", to: "published", allowed: "accepted, rejected, archived" });
  });

  it("assertTransition says 'none' from archived", () => {
    const e = refusal(() => assertTransition("archived", "idea"));
    expect(e.params).toEqual({ from: "archived", to: "idea", allowed: "none" });
  });

  it("requires a reason only for rejected and archived", () => {
    const needing = TOPIC_STATUSES.filter(requiresReason);
    expect(needing).toEqual(["rejected", "archived"]);
  });

  it("isTopicStatus recognises stored strings", () => {
    expect(isTopicStatus("in_review")).toBe(true);
    expect(isTopicStatus("review")).toBe(false);
  });
});
