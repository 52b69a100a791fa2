// SLA policies: which items they cover (platform, account, kind), the first-response target in working
// minutes, warn-before points as fractions of the target, and the escalation chain after a breach.
import { z } from "zod";
import { SLA_KINDS, SLA_PLATFORMS, type SlaKind, type SlaPlatform } from "./vocabulary.js";

/** Who an escalation step (or a reminder) goes to, resolved per account. */
export const SLA_ROLES = ["owner", "lead", "manager"] as const;
/** One escalation target. */
export type SlaRole = (typeof SLA_ROLES)[number];

/** One step of the escalation chain: tell `to`, `afterMinutes` working minutes after the deadline. */
export const ZEscalationStep = z.object({ to: z.enum(SLA_ROLES), afterMinutes: z.number().int().min(0).max(10_000) });
/** One escalation step. */
export type TEscalationStep = z.infer<typeof ZEscalationStep>;

/** A policy as stored (JSON) and as an admin writes it. Fields left out match everything. */
export const ZSlaPolicy = z
  .object({
    name: z.string().min(1).max(64),
    platform: z.enum(SLA_PLATFORMS).optional(),
    account: z.string().min(1).max(64).optional(),
    kind: z.enum(SLA_KINDS).optional(),
    /** First-response target in working minutes (e.g. 120 for 2 working hours). */
    targetMinutes: z.number().int().min(1).max(60 * 24 * 30),
    /** Warn-before points as fractions of the target, e.g. [0.5, 0.8]. */
    warnAt: z.array(z.number().gt(0).lt(1)).max(5).default([0.5, 0.8]),
    escalation: z.array(ZEscalationStep).max(5).default([{ to: "lead", afterMinutes: 0 }, { to: "manager", afterMinutes: 240 }]),
  })
  .transform((p) => ({
    ...p,
    warnAt: [...new Set(p.warnAt)].sort((a, b) => a - b),
    escalation: [...p.escalation].sort((a, b) => a.afterMinutes - b.afterMinutes),
  }));
/** A validated policy (warn points ascending, escalation steps in order). */
export type TSlaPolicy = z.output<typeof ZSlaPolicy>;

/** What a policy is matched against. */
export interface PolicySubject {
  platform: SlaPlatform;
  account: string;
  kind: SlaKind;
}

function specificity(p: TSlaPolicy): number {
  return (p.account ? 4 : 0) + (p.kind ? 2 : 0) + (p.platform ? 1 : 0);
}

/**
 * The most specific policy that matches (account beats kind beats platform; ties go to the earlier one);
 * undefined when none matches, which callers treat as "no SLA configured".
 */
export function pickPolicy(policies: readonly TSlaPolicy[], s: PolicySubject): TSlaPolicy | undefined {
  let best: TSlaPolicy | undefined;
  for (const p of policies) {
    if (p.platform && p.platform !== s.platform) continue;
    if (p.account && p.account !== s.account) continue;
    if (p.kind && p.kind !== s.kind) continue;
    if (!best || specificity(p) > specificity(best)) best = p;
  }
  return best;
}

/** The policies every new team starts with: complaints 2 working hours, DMs 4, comments and replies 8. */
export const DEFAULT_SLA_POLICIES: readonly TSlaPolicy[] = [
  { name: "complaints", kind: "complaint", targetMinutes: 120 },
  { name: "direct-messages", kind: "dm", targetMinutes: 240 },
  { name: "comments", targetMinutes: 480 },
].map((p) => ZSlaPolicy.parse(p));
