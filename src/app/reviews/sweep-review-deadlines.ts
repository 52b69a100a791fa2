// The deadline sweep (every minute): finds pending levels whose next alert is due by the indexed
// nextReminderAt, claims each with a guarded update (count 0: another run took it), and sends a reminder
// before the deadline or an escalation after it, at most one per period, each with its audit row.
import type { Tx } from "../../db/client.js";
import type { TPeople } from "../../domain/reviews/chain.js";
import { alertDue, nextAlertAfter } from "../../domain/reviews/deadlines.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import { deliverOutbox } from "../outbox/deliver.js";
import type { RequestScope } from "../scope.js";
import { loadTeam } from "../team.js";
import { cardContext, sendAlert } from "./review-cards.js";
import { decisionsOf, loadReviewState, reviewTx, toLevelRecord } from "./review-records.js";
import { resolvePeople } from "./review-people.js";
import { teamCalendar } from "../calendar/team-calendar.js";

/** Levels looked at per run; the rest wait a minute. */
export const SWEEP_BATCH = 200;

/** What one run sent. */
export interface SweepResult {
  reminders: number;
  escalations: number;
}

/** Sends every due reminder and escalation at `now` and delivers them. */
export async function sweepReviewDeadlines(deps: AppDeps, now: Date = deps.clock.now()): Promise<SweepResult> {
  const due = await deps.db.reviewLevelState.findMany({
    where: { status: "pending", nextReminderAt: { lte: now } },
    orderBy: [{ nextReminderAt: "asc" }, { id: "asc" }],
    take: SWEEP_BATCH,
    select: { id: true },
  });
  const result: SweepResult = { reminders: 0, escalations: 0 };
  const outboxIds: number[] = [];
  for (const { id } of due) {
    try {
      const sent = await alertOne(deps, id, now, outboxIds);
      if (sent === "reminder") result.reminders++;
      if (sent === "escalation") result.escalations++;
    } catch (err) {
      // One broken review must not stop the others' reminders.
      deps.log.error({ err, levelStateId: id }, "review deadline alert failed");
    }
  }
  if (outboxIds.length > 0) await deliverOutbox(deps, outboxIds);
  return result;
}

/** Claims and alerts one level; returns what was sent, or null when nothing was due or another run took it. */
async function alertOne(deps: AppDeps, id: number, now: Date, outboxIds: number[]): Promise<"reminder" | "escalation" | null> {
  return reviewTx(deps.db, async (tx) => {
    const row = await tx.reviewLevelState.findUnique({ where: { id } });
    if (!row || row.status !== "pending") return null;
    const pass = toLevelRecord(row);
    const kind = alertDue(pass, now);
    if (!kind) return null;
    const review = await tx.review.findUniqueOrThrow({ where: { id: pass.reviewId }, select: { teamId: true, channelId: true } });
    const team = await loadTeam(tx, review.teamId);
    const s = await loadReviewState(tx, team.id, pass.reviewId);
    const def = s.review.chain.levels[pass.level - 1]!;
    const next = nextAlertAfter(teamCalendar(team.timezone), kind, now, pass.deadlineAt, def.repeatHours);
    const claimed = await tx.reviewLevelState.updateMany({
      where: { id, status: "pending", nextReminderAt: pass.nextReminderAt },
      data: { nextReminderAt: next, ...(kind === "reminder" ? { remindersSent: { increment: 1 } } : { escalationsSent: { increment: 1 } }) },
    });
    if (claimed.count === 0) return null;
    const pending = pass.reviewers.filter((r) => !decisionsOf(s, pass).some((d) => d.reviewerId === r));
    const targets = kind === "escalation" ? await escalationTargets(tx, team.id, def.escalateTo) : [];
    await audit(tx, {
      teamId: team.id, actorId: null, action: kind === "reminder" ? "review.remind" : "review.escalate", subjectType: "review", subjectId: pass.reviewId,
      after: { version: pass.version, level: pass.level, pass: pass.pass, pending, targets, deadlineAt: pass.deadlineAt.toISOString(), next: next.toISOString() }, at: now,
    });
    const channel = await tx.channel.findUniqueOrThrow({ where: { id: review.channelId } });
    const scope: RequestScope = {
      deps, team, now, outboxIds,
      channel: { id: channel.id, platform: channel.platform, externalId: channel.externalId, name: channel.name },
      // Nobody acts: the service does. Nothing audits this actor; it only carries the team's language.
      actor: { id: "", teamId: team.id, handle: "mediaops", displayName: "mediaops", locale: team.locale, timezone: team.timezone, roles: [] },
    };
    const ctx = await cardContext(tx, scope, s);
    await sendAlert(tx, scope, s, ctx, { kind, pass, to: kind === "reminder" ? pending : targets, channel: true, targets, quiet: true });
    return kind;
  });
}

/** The level's escalation target, or the team's managers when it names nobody who is still in the team. */
async function escalationTargets(tx: Tx, teamId: string, people: TPeople): Promise<string[]> {
  const ids = await resolvePeople(tx, teamId, people);
  return ids.length > 0 ? ids : resolvePeople(tx, teamId, { users: [], role: "manager" });
}
