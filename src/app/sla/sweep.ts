// The reminder sweep (every minute): finds due items by the (status, nextReminderAt) index, claims each
// with a guarded update (two replicas never send the same reminder), advances its timetable, and sends one
// card per person: the item card for one item, a summary card for several. Breaches and escalation steps
// are audited. Quiet hours hold everything but complaint breaches.
import { dueEvents, nextReminderAt, overridesQuietHours, type ReminderEvent, type SlaRole } from "../../domain/sla/index.js";
import { quietEnd } from "../quiet-hours.js";
import type { SlaItemView } from "../../../templates/sla/sla-view.js";
import type { AppDeps } from "../deps.js";
import { deliverOutbox } from "../outbox/deliver.js";
import { loadTeam } from "../team.js";
import { buildItemView, type SlaRow } from "./item-view.js";
import { claimBatch, type ClaimPlan } from "./claim-batch.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { notifyPerson, slaChannel } from "./notify-person.js";
import { itemsWithCards, sendItemCard, updateItemCards } from "./item-cards.js";
import { accountKey, loadSlaContext, resolveRole, scheduleOf, type SlaContext } from "./sla-context.js";

/** Items handled per transaction. */
const CHUNK = 500;

/** What one sweep did. */
export interface SweepResult {
  due: number;
  claimed: number;
  deferred: number;
  cards: number;
}

type Note = { userId: string; id: number; row: SlaRow; deadlineAt: Date; view: () => SlaItemView };

/** Most items listed on one summary card; the rest are counted ("and 980 more"). */
const SUMMARY_MAX = 20;

/** Runs one sweep at the clock's now. `deliver: false` leaves the outbox to its worker (benchmarks). */
export async function runSlaSweep(deps: AppDeps, opts: { deliver?: boolean } = {}): Promise<SweepResult> {
  const { db } = deps;
  const now = deps.clock.now();
  const result: SweepResult = { due: 0, claimed: 0, deferred: 0, cards: 0 };
  const contexts = new Map<string, SlaContext>();
  const outbox: number[] = [];
  for (;;) {
    const due = await db.slaItem.findMany({
      where: { status: { in: ["open", "claimed"] }, nextReminderAt: { lte: now } },
      orderBy: { nextReminderAt: "asc" },
      take: CHUNK,
    });
    if (due.length === 0) break;
    result.due += due.length;
    const claimedBefore = result.claimed;
    for (const teamId of new Set(due.map((d) => d.teamId))) if (!contexts.has(teamId)) contexts.set(teamId, await loadSlaContext(db, teamId));
    const zones = new Map((await db.user.findMany({ where: { teamId: { in: [...contexts.keys()] } }, select: { id: true, timezone: true, displayName: true, quietHours: true } })).map((u) => [u.id, u]));
    const names = new Map([...zones].map(([id, u]) => [id, u.displayName]));

    // Quiet hours depend on the person only: worked out once per person per chunk.
    const quiet = new Map<string, Date | undefined>();
    const quietOf = (userId: string, f: () => Date | undefined) => (quiet.has(userId) ? quiet.get(userId) : (quiet.set(userId, f()), quiet.get(userId)));
    await db.$transaction(async (tx) => {
      const notes: Map<string, Note[]> = new Map();
      const plans: (ClaimPlan & { row: (typeof due)[number]; hold: boolean; recipients: { e: ReminderEvent; userId: string | null }[]; deadlineAt: Date; targets: SlaRole[] })[] = [];
      for (const row of due) {
        const ctx = contexts.get(row.teamId)!;
        const { schedule, targets } = scheduleOf(row);
        const { events, state } = dueEvents(schedule, { warningsSent: row.warningsSent, stage: row.escalationStep }, now);
        const recipients = events.map((e) => ({ e, userId: recipientOf(ctx, row, e, targets) }));
        const first = recipients.find((r) => r.userId)?.userId;
        const quiet = first ? quietOf(first, () => quietEnd({ quietHours: zones.get(first)?.quietHours ?? null, timezone: zones.get(first)?.timezone ?? ctx.zone }, now)) : undefined;
        const hold = Boolean(quiet && events.length > 0 && !overridesQuietHours(row.kind as never, events));
        const kept = { warningsSent: row.warningsSent, escalationStep: row.escalationStep, nextReminderAt: quiet ?? null, breachedAt: null };
        const moved = { warningsSent: state.warningsSent, escalationStep: state.stage, nextReminderAt: nextReminderAt(schedule, state), breachedAt: state.stage > 0 ? schedule.deadlineAt : null };
        const bump = !hold && events.length > 0;
        plans.push({ id: row.id, status: row.status, warningsSent: row.warningsSent, escalationStep: row.escalationStep, nextReminderAt: row.nextReminderAt, next: hold ? kept : moved, bump, row: bump ? { ...row, version: row.version + 1 } : row, hold, recipients, deadlineAt: schedule.deadlineAt, targets });
      }
      const won = await claimBatch(tx, plans, now, deps.dialect);
      const withCards = await itemsWithCards(tx, plans.filter((p) => p.bump && won.has(p.id)).map((p) => p.id));
      const audits: Prisma.AuditLogCreateManyInput[] = [];
      for (const { row, hold, recipients, deadlineAt, targets } of plans) {
        if (!won.has(row.id)) continue; // another replica took it
        const ctx = contexts.get(row.teamId)!;
        result.claimed++;
        if (hold) {
          result.deferred++;
          continue;
        }
        // The warning or breach shows on every card of the item already out, wherever it was sent.
        if (withCards.has(row.id)) await updateItemCards(tx, { deps, now, outboxIds: outbox }, row, ctx, names);
        for (const { e, userId } of recipients) {
          if (e.type !== "warn") {
            const after = e.type === "breach" ? { deadlineAt: deadlineAt.toISOString(), notified: userId } : { step: e.step + 1, to: targets[e.step], notified: userId };
            audits.push({ teamId: row.teamId, actorId: null, action: e.type === "breach" ? "sla.breach" : "sla.escalate", subjectType: "sla", subjectId: String(row.id), beforeJson: null, afterJson: JSON.stringify(after), reason: null, createdAt: now });
          }
          if (!userId) continue;
          const step = e.type === "escalate" ? { n: e.step + 1, of: targets.length } : undefined;
          // Views are built lazily: a summary card shows the most urgent SUMMARY_MAX items only.
          const view = () => buildItemView(row as SlaRow, ctx, now, e.type, deps.buttonKey, names, step);
          const list = notes.get(`${row.teamId}|${userId}`) ?? [];
          // One card per item per person: a later event of the same sweep replaces an earlier one.
          const same = list.findIndex((n) => n.id === row.id);
          if (same >= 0) list[same] = { userId, id: row.id, row, deadlineAt, view };
          else list.push({ userId, id: row.id, row, deadlineAt, view });
          notes.set(`${row.teamId}|${userId}`, list);
        }
      }
      // Audit rows in the shape of app/audit.ts, written in one statement.
      if (audits.length > 0) await tx.auditLog.createMany({ data: audits });
      const teams = new Map<string, Awaited<ReturnType<typeof loadTeam>>>();
      for (const [key, list] of notes) {
        const teamId = key.split("|")[0]!;
        let team = teams.get(teamId);
        if (!team) teams.set(teamId, (team = await loadTeam(tx, teamId)));
        const channel = await slaChannel(tx, teamId);
        const shown = [...list].sort((a, b) => a.deadlineAt.getTime() - b.deadlineAt.getTime()).slice(0, SUMMARY_MAX);
        if (list.length === 1) {
          const one = list[0]!;
          outbox.push(...(await sendItemCard(tx, deps, team, channel, one.userId, now, one.row, one.view())));
        } else {
          const card = { template: "sla.summary" as const, model: { items: shown.map((n) => n.view()), more: list.length - shown.length } };
          outbox.push(...(await notifyPerson(tx, deps, team, channel, list[0]!.userId, now, card)));
        }
        result.cards++;
      }
    });
    // A chunk where nothing could be claimed (others took it all) ends the sweep instead of re-reading it.
    if (due.length < CHUNK || result.claimed === claimedBefore) break;
  }
  if (opts.deliver !== false && outbox.length > 0) await deliverOutbox(deps, outbox);
  return result;
}

function recipientOf(ctx: SlaContext, row: { platform: string; account: string; assigneeId: string | null }, e: ReminderEvent, targets: SlaRole[]): string | null {
  const acc = ctx.accounts.get(accountKey(row.platform, row.account));
  if (e.type === "escalate") return resolveRole(ctx, acc, targets[e.step] ?? "manager", row.assigneeId);
  return resolveRole(ctx, acc, "owner", row.assigneeId);
}
