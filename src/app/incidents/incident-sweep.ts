// The incident sweep (every minute): overdue steps nudge their owner, unclaimed required roles are raised with
// the commander, and the commander is reminded when a status update is due. Each reminder is claimed with a
// guarded updateMany before it is sent, so it fires once per period however many sweeps run. The sweep also
// evaluates the risk warning thresholds and nudges overdue review action items once a day.
import type { Tx } from "../../db/client.js";
import { STEP_NUDGE_MINUTES, ROLE_REMINDER_MINUTES, addMinutes, minutesBetween, updateCadenceMinutes } from "../../domain/incidents/schedule.js";
import type { AppDeps } from "../deps.js";
import { deliverOutbox } from "../outbox/deliver.js";
import { loadTeam } from "../team.js";
import { channelInfo, memberById, notifyMember } from "./incident-channels.js";
import { findIncident, stepText, type IncidentRecord } from "./load-incident.js";
import { nudgeOverdueActionItems } from "./review-edits.js";
import { evaluateThresholds } from "./risk-thresholds.js";
import { addEvent } from "./timeline.js";
import type { IncidentNotice } from "../../../templates/incident/incident-view.js";

/** What one sweep sent. */
export interface SweepReport {
  stepNudges: number;
  roleReminders: number;
  updateReminders: number;
  /** Threshold warnings sent (once per crossing) and thresholds re-armed. */
  warnings: number;
  warningsCleared: number;
  /** Overdue action items nudged (once a day each). */
  actionNudges: number;
}

async function holder(tx: Tx, incidentId: number, role: string): Promise<string | null> {
  return (await tx.incidentRole.findUnique({ where: { incidentId_role: { incidentId, role } } }))?.userId ?? null;
}

/** Whom a reminder about the incident goes to: the commander, else whoever declared it. */
async function commanderOf(tx: Tx, inc: IncidentRecord): Promise<string> {
  return (await holder(tx, inc.id, "commander")) ?? inc.declaredById;
}

async function send(deps: AppDeps, tx: Tx, inc: IncidentRecord, userId: string, notice: IncidentNotice, outboxIds: number[], now: Date): Promise<void> {
  const team = await loadTeam(tx, inc.teamId);
  await notifyMember(tx, { deps, team, now, outboxIds }, await memberById(tx, userId), await channelInfo(tx, inc.channelId), notice);
}

/** Runs one sweep at the clock's now and delivers what it wrote. */
export async function runIncidentSweep(deps: AppDeps): Promise<SweepReport> {
  const { db } = deps;
  const now = deps.clock.now();
  const outboxIds: number[] = [];
  const report: SweepReport = { stepNudges: 0, roleReminders: 0, updateReminders: 0, warnings: 0, warningsCleared: 0, actionNudges: 0 };

  const steps = await db.incidentStep.findMany({ where: { status: "open", nextNudgeAt: { lte: now } }, orderBy: { id: "asc" } });
  for (const s of steps) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.incidentStep.updateMany({ where: { id: s.id, status: "open", nextNudgeAt: s.nextNudgeAt }, data: { nextNudgeAt: addMinutes(now, STEP_NUDGE_MINUTES), nudges: { increment: 1 } } });
      if (claimed.count === 0) return;
      const inc = await findIncident(tx, (await tx.incident.findUniqueOrThrow({ where: { id: s.incidentId } })).teamId, s.incidentId);
      if (inc.status === "resolved") return;
      const to = (await holder(tx, inc.id, s.role)) ?? (await commanderOf(tx, inc));
      await addEvent(tx, inc.id, "step_nudged", null, { step: s.key, to }, now);
      await send(deps, tx, inc, to, { kind: "step_overdue", id: inc.id, title: inc.title, isDrill: inc.isDrill, step: stepText(s.textJson, s.id), minutes: minutesBetween(s.dueAt, now) }, outboxIds, now);
      report.stepNudges++;
    });
  }

  const roles = await db.incidentRole.findMany({ where: { userId: null, required: true, nextReminderAt: { lte: now } }, orderBy: { id: "asc" } });
  for (const r of roles) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.incidentRole.updateMany({ where: { id: r.id, userId: null, nextReminderAt: r.nextReminderAt }, data: { nextReminderAt: addMinutes(now, ROLE_REMINDER_MINUTES) } });
      if (claimed.count === 0) return;
      const row = await tx.incident.findUniqueOrThrow({ where: { id: r.incidentId } });
      const inc = await findIncident(tx, row.teamId, row.id);
      if (inc.status === "resolved") return;
      const to = await commanderOf(tx, inc);
      const roleName = inc.playbook.roles.find((p) => p.id === r.role)?.name ?? null;
      await addEvent(tx, inc.id, "role_reminded", null, { role: r.role, to }, now);
      await send(deps, tx, inc, to, { kind: "role_unclaimed", id: inc.id, title: inc.title, isDrill: inc.isDrill, role: r.role, roleName, minutes: minutesBetween(inc.declaredAt, now) }, outboxIds, now);
      report.roleReminders++;
    });
  }

  const due = await db.incident.findMany({ where: { status: { not: "resolved" }, nextUpdateDueAt: { lte: now } }, orderBy: { id: "asc" } });
  for (const row of due) {
    await db.$transaction(async (tx) => {
      const inc = await findIncident(tx, row.teamId, row.id);
      const cadence = updateCadenceMinutes(inc.playbook, inc.severity);
      const claimed = await tx.incident.updateMany({ where: { id: row.id, nextUpdateDueAt: row.nextUpdateDueAt }, data: { nextUpdateDueAt: addMinutes(now, cadence), updateReminders: { increment: 1 } } });
      if (claimed.count === 0) return;
      const to = await commanderOf(tx, inc);
      await addEvent(tx, inc.id, "update_reminded", null, { to }, now);
      await send(deps, tx, inc, to, { kind: "update_due", id: inc.id, title: inc.title, isDrill: inc.isDrill, severity: inc.severity, cadence }, outboxIds, now);
      report.updateReminders++;
    });
  }
  const thresholds = await evaluateThresholds(deps, now, outboxIds);
  report.warnings = thresholds.warnings;
  report.warningsCleared = thresholds.cleared;
  report.actionNudges = await nudgeOverdueActionItems(deps, db, now, outboxIds);
  if (outboxIds.length > 0) await deliverOutbox(deps, outboxIds);
  return report;
}
