// SLA card buttons: I'm on it (claim), Answered (reply text or link), Not needed (reason), Reassign (@handle).
// Every change is a guarded update on the row's status and version, with its audit row, in one transaction.
import { STATUS_NAMES_SLA } from "./sla-labels.js";
import { AppError } from "../../domain/errors.js";
import type { TActionPayload } from "../../messaging/action.js";
import { audit } from "../audit.js";
import { displayNames, memberByHandle } from "../members.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { buildItemView } from "./item-view.js";
import { notifyPerson, slaChannel } from "./notify-person.js";
import { loadSlaContext } from "./sla-context.js";

const TEXT_MAX = 2000;

async function loadOpen(scope: RequestScope, id: number) {
  const row = await scope.deps.db.slaItem.findFirst({ where: { id, teamId: scope.team.id } });
  if (!row) throw new AppError("sla.not_found", { id });
  if (row.status === "answered" || row.status === "dismissed") {
    const by = (await displayNames(scope.deps.db, [row.answeredById])).get(row.answeredById ?? "") ?? "";
    throw new AppError("sla.closed", { id, status: STATUS_NAMES_SLA[scope.actor.locale][row.status] ?? row.status, by });
  }
  return row;
}

/** Runs a decoded SLA button click. */
export async function handleSlaAction(scope: RequestScope, p: TActionPayload, reason: string | undefined): Promise<void> {
  const id = Number(p.subjectId);
  const row = await loadOpen(scope, id);
  const text = reason?.trim() ?? "";
  if ((p.action === "answer" || p.action === "dismiss" || p.action === "reassign") && !text) {
    if (p.action === "reassign") throw new AppError("sla.reassign_whom");
    throw new AppError("action.reason_required", { what: p.action === "answer" ? (scope.actor.locale === "en" ? "mark it answered" : "标记为已回复") : scope.actor.locale === "en" ? "mark it not needed" : "标记为无需回复" });
  }
  if ([...text].length > TEXT_MAX) throw new AppError("command.text_too_long", { arg: "reason", max: TEXT_MAX });
  const en = scope.actor.locale === "en";
  const { db } = scope.deps;
  const guard = { id, status: row.status, version: row.version };
  const now = scope.now;
  switch (p.action) {
    case "claim":
      await db.$transaction(async (tx) => {
        const r = await tx.slaItem.updateMany({ where: guard, data: { status: "claimed", claimedById: scope.actor.id, assigneeId: scope.actor.id, version: { increment: 1 }, updatedAt: now } });
        if (r.count === 0) throw new AppError("sla.changed_meanwhile", { id });
        await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "sla.claim", subjectType: "sla", subjectId: id, before: { status: row.status, assigneeId: row.assigneeId }, after: { status: "claimed", assigneeId: scope.actor.id }, at: now });
        await replyNotice(tx, scope, en ? `You're on #${id}.` : `你已认领 #${id}。`);
      });
      return;
    case "answer":
    case "dismiss": {
      const status = p.action === "answer" ? "answered" : "dismissed";
      await db.$transaction(async (tx) => {
        const r = await tx.slaItem.updateMany({
          where: guard,
          data: { status, nextReminderAt: null, answeredAt: now, answeredById: scope.actor.id, ...(status === "answered" ? { answer: text } : { dismissReason: text }), version: { increment: 1 }, updatedAt: now },
        });
        if (r.count === 0) throw new AppError("sla.changed_meanwhile", { id });
        await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: `sla.${p.action}`, subjectType: "sla", subjectId: id, before: { status: row.status }, after: { status }, reason: text, at: now });
        const late = now > row.deadlineAt;
        await replyNotice(tx, scope, en ? `#${id} marked ${status === "answered" ? "answered" : "not needed"}${late && status === "answered" ? " (after the deadline)" : ""}.` : `#${id} 已标记为${status === "answered" ? "已回复" : "无需回复"}${late && status === "answered" ? "（已超时）" : ""}。`);
      });
      return;
    }
    case "reassign": {
      const to = await memberByHandle(db, scope.team.id, text.replace(/^[@＠]/, ""));
      const ctx = await loadSlaContext(db, scope.team.id);
      await db.$transaction(async (tx) => {
        const r = await tx.slaItem.updateMany({ where: guard, data: { status: "open", assigneeId: to.id, claimedById: null, version: { increment: 1 }, updatedAt: now } });
        if (r.count === 0) throw new AppError("sla.changed_meanwhile", { id });
        await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "sla.reassign", subjectType: "sla", subjectId: id, before: { assigneeId: row.assigneeId }, after: { assigneeId: to.id }, at: now });
        const fresh = await tx.slaItem.findUniqueOrThrow({ where: { id } });
        const view = buildItemView(fresh, ctx, now, "show", scope.deps.buttonKey, new Map([[to.id, to.displayName]]));
        scope.outboxIds.push(...(await notifyPerson(tx, scope.deps, scope.team, await slaChannel(tx, scope.team.id), to.id, now, { template: "sla.item", model: view })));
        await replyNotice(tx, scope, en ? `#${id} passed to ${to.displayName}.` : `#${id} 已转交给 ${to.displayName}。`);
      });
      return;
    }
    default:
      throw new AppError("action.unknown", { action: `sla.${p.action}` });
  }
}
