// Changing an SLA item: I'm on it (claim), Answered (reply text or link), Not needed (reason), Reassign
// (@handle), from a card button or a /sla command alike. Every change is a guarded update on the row's status
// and version, with its audit row and the update of every card of the item, in one transaction.
import { STATUS_NAMES_SLA } from "./sla-labels.js";
import { AppError } from "../../domain/errors.js";
import type { TActionPayload } from "../../messaging/action.js";
import { audit } from "../audit.js";
import { displayNames, memberByHandle } from "../members.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { buildItemView } from "./item-view.js";
import { sendItemCard, updateItemCards } from "./item-cards.js";
import { slaChannel } from "./notify-person.js";
import { askForReply } from "./reply-capture.js";
import { replyToItem } from "./reply-item.js";
import { loadSlaContext, localTime } from "./sla-context.js";

const TEXT_MAX = 2000;

/** What can be done to an item. */
export type SlaChange = "claim" | "answer" | "dismiss" | "reassign";

/** The item of the actor's team, refused with who closed it (and when) once it is closed. */
export async function loadOpenItem(scope: RequestScope, id: number) {
  const row = await scope.deps.db.slaItem.findFirst({ where: { id, teamId: scope.team.id } });
  if (!row) throw new AppError("sla.not_found", { id });
  if (row.status === "answered" || row.status === "dismissed") {
    const by = (await displayNames(scope.deps.db, [row.answeredById])).get(row.answeredById ?? "") ?? "";
    const at = row.answeredAt ? localTime(row.answeredAt, scope.team.timezone) : "";
    throw new AppError("sla.closed", { id, status: STATUS_NAMES_SLA[scope.actor.locale][row.status] ?? row.status, by, at });
  }
  return row;
}

/** Runs a decoded SLA button click. Reply with its text sends it; without (WeCom) it waits for the next message. */
export async function handleSlaAction(scope: RequestScope, p: TActionPayload, reason: string | undefined): Promise<void> {
  if (p.action === "reply") {
    return reason?.trim() ? replyToItem(scope, Number(p.subjectId), reason) : askForReply(scope, Number(p.subjectId));
  }
  if (p.action !== "claim" && p.action !== "answer" && p.action !== "dismiss" && p.action !== "reassign") throw new AppError("action.unknown", { action: `sla.${p.action}` });
  return changeSlaItem(scope, Number(p.subjectId), p.action, reason);
}

/**
 * Applies one change to item `id`; `text` is the reply or link (answer), the reason (dismiss) or the @handle
 * (reassign). A button asks for the note, so it must come with one; a typed command may leave it out.
 */
export async function changeSlaItem(scope: RequestScope, id: number, action: SlaChange, textIn: string | undefined, opts: { noteOptional?: boolean } = {}): Promise<void> {
  const row = await loadOpenItem(scope, id);
  const text = textIn?.trim() ?? "";
  const en = scope.actor.locale === "en";
  if ((action === "reassign" || ((action === "answer" || action === "dismiss") && !opts.noteOptional)) && !text) {
    if (action === "reassign") throw new AppError("sla.reassign_whom");
    throw new AppError("action.reason_required", { what: action === "answer" ? (en ? "mark it answered" : "标记为已回复") : en ? "mark it not needed" : "标记为无需回复" });
  }
  if ([...text].length > TEXT_MAX) throw new AppError("command.text_too_long", { arg: "reason", max: TEXT_MAX });
  const { db } = scope.deps;
  const guard = { id, status: row.status, version: row.version };
  const now = scope.now;
  const teamId = scope.team.id;
  if (action === "claim" && row.status === "claimed" && row.assigneeId) {
    // A second "I'm on it": the holder is told it is theirs already, anyone else who has it.
    const by = (await displayNames(db, [row.assigneeId])).get(row.assigneeId) ?? "";
    if (row.assigneeId !== scope.actor.id) throw new AppError("sla.already_claimed", { id, by });
    await replyNotice(db, scope, en ? `You're already on #${id}.` : `#${id} 已由你处理中。`, [], "info");
    return;
  }
  const to = action === "reassign" ? await memberByHandle(db, teamId, text.replace(/^[@＠]/, "")) : undefined;
  const ctx = await loadSlaContext(db, teamId);
  const status = action === "claim" ? "claimed" : action === "answer" ? "answered" : action === "dismiss" ? "dismissed" : "open";
  const data =
    action === "claim"
      ? { status, claimedById: scope.actor.id, assigneeId: scope.actor.id }
      : action === "reassign"
        ? { status, assigneeId: to!.id, claimedById: null }
        : { status, nextReminderAt: null, answeredAt: now, answeredById: scope.actor.id, ...(action === "answer" ? { answer: text || null } : { dismissReason: text || null }) };
  await db.$transaction(async (tx) => {
    const r = await tx.slaItem.updateMany({ where: guard, data: { ...data, version: { increment: 1 }, updatedAt: now } });
    if (r.count === 0) throw new AppError("sla.changed_meanwhile", { id });
    const before = action === "reassign" || action === "claim" ? { status: row.status, assigneeId: row.assigneeId } : { status: row.status };
    const after = action === "reassign" ? { assigneeId: to!.id } : action === "claim" ? { status, assigneeId: scope.actor.id } : { status };
    await audit(tx, { teamId, actorId: scope.actor.id, action: `sla.${action}`, subjectType: "sla", subjectId: id, before, after, reason: action === "reassign" ? undefined : text || undefined, at: now });
    const fresh = await tx.slaItem.findUniqueOrThrow({ where: { id } });
    await updateItemCards(tx, scope, fresh, ctx);
    if (to) {
      const view = buildItemView(fresh, ctx, now, "show", scope.deps.buttonKey, new Map([[to.id, to.displayName]]));
      scope.outboxIds.push(...(await sendItemCard(tx, scope.deps, scope.team, await slaChannel(tx, teamId), to.id, now, fresh, view)));
      await replyNotice(tx, scope, en ? `#${id} passed to ${to.displayName}.` : `#${id} 已转交给 ${to.displayName}。`);
    } else if (action === "claim") {
      await replyNotice(tx, scope, en ? `You're on #${id}.` : `你已认领 #${id}。`);
    } else {
      const late = action === "answer" && now > row.deadlineAt;
      await replyNotice(tx, scope, en ? `#${id} marked ${action === "answer" ? "answered" : "not needed"}${late ? " (after the deadline)" : ""}.` : `#${id} 已标记为${action === "answer" ? "已回复" : "无需回复"}${late ? "（已超时）" : ""}。`);
    }
  });
}
