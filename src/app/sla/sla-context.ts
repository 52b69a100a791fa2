// What SLA use cases load per team: the business calendar, the policies, the accounts and their people.
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import type { BusinessCalendar } from "../../domain/calendar/index.js";
import { teamCalendar } from "../calendar/team-calendar.js";
import { SLA_ROLES, ZSlaPolicy, type SlaRole, type SlaSchedule, type TSlaPolicy } from "../../domain/sla/index.js";
import dayjs from "../../lib/dayjs.js";
import { readJson } from "../../lib/json.js";

/** An SLA account row as use cases need it. */
export interface SlaAccountInfo {
  platform: string;
  account: string;
  name: string;
  ownerId: string;
  leadId: string | null;
  managerId: string | null;
}

/** A team's SLA setting. */
export interface SlaContext {
  teamId: string;
  zone: string;
  cal: BusinessCalendar;
  policies: TSlaPolicy[];
  accounts: Map<string, SlaAccountInfo>;
  /** The first manager of the team: the last resort of an escalation chain. */
  fallbackManagerId: string | null;
}

/** The team's business calendar (see app/calendar/team-calendar.ts). */
export const calendarFor = teamCalendar;

/** "platform:account", the accounts map key. */
export const accountKey = (platform: string, account: string) => `${platform}:${account}`;

/** Loads a team's SLA context. */
export async function loadSlaContext(db: Db | Tx, teamId: string): Promise<SlaContext> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timezone: true } });
  const [policies, accounts, managers] = await Promise.all([
    db.slaPolicy.findMany({ where: { teamId, active: true }, orderBy: { name: "asc" } }),
    db.slaAccount.findMany({ where: { teamId } }),
    db.user.findMany({ where: { teamId, rolesJson: { contains: '"manager"' } }, orderBy: { createdAt: "asc" }, select: { id: true } }),
  ]);
  return {
    teamId,
    zone: team.timezone,
    cal: calendarFor(team.timezone),
    policies: policies.map((p) => readJson(ZSlaPolicy, p.definitionJson, `SlaPolicy(${p.id}).definitionJson`)),
    accounts: new Map(accounts.map((a) => [accountKey(a.platform, a.account), a])),
    fallbackManagerId: managers[0]?.id ?? null,
  };
}

/** The timetable as stored on the row (deadline columns plus this JSON). */
export const ZStoredSchedule = z.object({
  warnings: z.array(z.string()),
  escalations: z.array(z.object({ at: z.string(), to: z.enum(SLA_ROLES) })),
  coverageGap: z.array(z.number()),
});

/** Serializes the parts of a schedule that have no column of their own. */
export function scheduleJson(s: SlaSchedule, policy: TSlaPolicy): string {
  return JSON.stringify({
    warnings: s.warnings.map((d) => d.toISOString()),
    escalations: s.escalations.map((d, i) => ({ at: d.toISOString(), to: policy.escalation[i]!.to })),
    coverageGap: s.coverageGap,
  });
}

/** Rebuilds a row's schedule and its escalation targets. */
export function scheduleOf(row: { id: number; dueAt: Date; windowEndsAt: Date | null; deadlineAt: Date; scheduleJson: string }): { schedule: SlaSchedule; targets: SlaRole[] } {
  const j = readJson(ZStoredSchedule, row.scheduleJson, `SlaItem(${row.id}).scheduleJson`);
  return {
    schedule: {
      dueAt: row.dueAt,
      windowEndsAt: row.windowEndsAt ?? undefined,
      deadlineAt: row.deadlineAt,
      warnings: j.warnings.map((w) => new Date(w)),
      escalations: j.escalations.map((e) => new Date(e.at)),
      coverageGap: j.coverageGap,
    },
    targets: j.escalations.map((e) => e.to),
  };
}

/** Who a role of the chain is for an item: owner is the assignee if any, lead and manager fall back upwards. */
export function resolveRole(ctx: SlaContext, acc: SlaAccountInfo | undefined, role: SlaRole, assigneeId: string | null): string | null {
  const owner = assigneeId ?? acc?.ownerId ?? null;
  if (role === "owner") return owner;
  if (role === "lead") return acc?.leadId ?? acc?.managerId ?? ctx.fallbackManagerId ?? owner;
  return acc?.managerId ?? ctx.fallbackManagerId ?? acc?.leadId ?? owner;
}

/** "YYYY-MM-DD HH:mm" in the team's zone. */
export function localTime(d: Date, zone: string): string {
  return dayjs(d).tz(zone).format("YYYY-MM-DD HH:mm");
}
