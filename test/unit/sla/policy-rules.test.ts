// SLA policy rules at their edges: which policy wins (account over kind over platform, ties to the earlier one,
// a policy for another platform or account never applies), the limits a policy is checked against, its
// escalation kept in time order, and the defaults every new team starts with.
import { describe, expect, it } from "vitest";
import { DEFAULT_SLA_POLICIES, pickPolicy, ZSlaPolicy } from "../../../src/domain/sla/index.js";

const P = (p: Record<string, unknown>) => ZSlaPolicy.parse({ targetMinutes: 60, ...p });

describe("picking a policy", () => {
  const subject = { platform: "weibo" as const, account: "brand", kind: "comment" as const };
  it("prefers an account's policy to a kind's, and a kind's to a platform's", () => {
    const policies = [P({ name: "platform", platform: "weibo" }), P({ name: "kind", kind: "comment" }), P({ name: "account", account: "brand" })];
    expect(pickPolicy(policies, subject)?.name).toBe("account");
    expect(pickPolicy(policies.slice(0, 2), subject)?.name).toBe("kind");
    expect(pickPolicy([P({ name: "any" }), P({ name: "platform", platform: "weibo" })], subject)?.name).toBe("platform");
  });
  it("gives a tie to the earlier policy", () => {
    expect(pickPolicy([P({ name: "first", kind: "comment" }), P({ name: "second", kind: "comment" })], subject)?.name).toBe("first");
  });
  it("never applies a policy of another platform, account or kind, and says so when none is left", () => {
    expect(pickPolicy([P({ name: "douyin", platform: "douyin" })], subject)).toBeUndefined();
    expect(pickPolicy([P({ name: "other", account: "other" })], subject)).toBeUndefined();
    expect(pickPolicy([P({ name: "dm", kind: "dm" })], subject)).toBeUndefined();
    expect(pickPolicy([], subject)).toBeUndefined();
  });
});

describe("a policy as written", () => {
  it("keeps escalation steps in time order", () => {
    const p = P({ name: "a", escalation: [{ to: "manager", afterMinutes: 60 }, { to: "lead", afterMinutes: 0 }, { to: "owner", afterMinutes: 30 }] });
    expect(p.escalation.map((s) => `${s.to} ${s.afterMinutes}`)).toEqual(["lead 0", "owner 30", "manager 60"]);
  });
  it("accepts a target of 1 minute to 30 days, names of 1-64 characters and up to 5 steps", () => {
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 1 }).success).toBe(true);
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 60 * 24 * 30 }).success).toBe(true);
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 60 * 24 * 30 + 1 }).success).toBe(false);
    expect(ZSlaPolicy.safeParse({ name: "x".repeat(64), targetMinutes: 60 }).success).toBe(true);
    expect(ZSlaPolicy.safeParse({ name: "x".repeat(65), targetMinutes: 60 }).success).toBe(false);
    expect(ZSlaPolicy.safeParse({ name: "", targetMinutes: 60 }).success).toBe(false);
    const step = { to: "lead", afterMinutes: 0 };
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 60, escalation: Array(5).fill(step) }).success).toBe(true);
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 60, escalation: Array(6).fill(step) }).success).toBe(false);
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 60, escalation: [{ to: "lead", afterMinutes: -1 }] }).success).toBe(false);
  });
  it("starts a team with complaints in 2 working hours, direct messages in 4, everything else in 8", () => {
    expect(DEFAULT_SLA_POLICIES.map((p) => [p.name, p.kind, p.targetMinutes])).toEqual([
      ["complaints", "complaint", 120],
      ["direct-messages", "dm", 240],
      ["comments", undefined, 480],
    ]);
  });
});
