// Editing the review (复盘): the team writes over the draft's sections, adds action items with an owner and a
// due date, and marks them done; overdue items are nudged by the incident sweep once a day.
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { addMinutes, minutesBetween } from "../../domain/incidents/schedule.js";
import dayjs from "../../lib/dayjs.js";
import { readJson } from "../../lib/json.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import { memberByHandle } from "../members.js";
import { enqueueReply, enqueueUpdate } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { loadTeam } from "../team.js";
import { channelInfo, memberById, notifyMember } from "./incident-channels.js";
import { ZEdits, buildReviewView } from "./incident-review.js";
import { findIncident, type IncidentRecord } from "./load-incident.js";
import { reviewSubject } from "./resolve-incident.js";
import { addEvent } from "./timeline.js";

/** A review section as typed → its key in editsJson. */
const SECTION_KEYS = { summary: "summary", impact: "impact", went_well: "wentWell", went_badly: "wentBadly" } as const;
/** Overdue action items are nudged at most once per this many minutes (once a day). */
export const ACTION_NUDGE_MINUTES = 24 * 60;

/** The incident whose review a command means: `--id`, else the latest of this channel that has one. */
export async function reviewedIncident(scope: RequestScope, id: number | undefined): Promise<IncidentRecord> {
  const { db } = scope.deps;
  let inc: IncidentRecord;
  if (id !== undefined) inc = await findIncident(db, scope.team.id, id);
  else {
    const reviewed = await db.incidentReview.findMany({ select: { incidentId: true } });
    const row = await db.incident.findFirst({
      where: { teamId: scope.team.id, id: { in: reviewed.map((r) => r.incidentId) }, OR: [{ channelId: scope.channel.id }, { originChannelId: scope.channel.id }] },
      orderBy: { id: "desc" },
    });
    if (!row) throw new AppError("incident.none_here");
    inc = await findIncident(db, scope.team.id, row.id);
  }
  if (!(await db.incidentReview.findUnique({ where: { incidentId: inc.id } }))) throw new AppError("incident.no_review", { id: inc.id });
  return inc;
}

/** Bumps the review's version and updates every posted copy of its card. */
async function refreshReview(tx: Tx, scope: RequestScope, inc: IncidentRecord): Promise<void> {
  const review = await tx.incidentReview.update({ where: { incidentId: inc.id }, data: { version: { increment: 1 }, updatedAt: scope.now } });
  const model = await buildReviewView(tx, inc, scope.team.timezone, scope.now);
  await enqueueUpdate(tx, scope, reviewSubject(inc.id), review.version, { template: "incident.review", model });
}

/** /incident review edit <section> <text>: replaces that section's team-written text. */
export async function editReview(scope: RequestScope, section: keyof typeof SECTION_KEYS, text: string, id: number | undefined): Promise<void> {
  const inc = await reviewedIncident(scope, id);
  const key = SECTION_KEYS[section];
  await scope.deps.db.$transaction(async (tx) => {
    const review = await tx.incidentReview.findUniqueOrThrow({ where: { incidentId: inc.id } });
    const edits = readJson(ZEdits, review.editsJson, `IncidentReview(${inc.id}).editsJson`);
    const before = edits[key] ?? null;
    const res = await tx.incidentReview.updateMany({ where: { incidentId: inc.id, version: review.version }, data: { editsJson: JSON.stringify({ ...edits, [key]: text }) } });
    if (res.count === 0) throw new AppError("incident.changed_meanwhile", { id: inc.id });
    await audit(tx, { teamId: inc.teamId, actorId: scope.actor.id, action: "incident.review_edit", subjectType: "incident", subjectId: inc.id, before: { [section]: before }, after: { [section]: text }, at: scope.now });
    await addEvent(tx, inc.id, "review_edited", scope.actor.id, { section }, scope.now);
    await refreshReview(tx, scope, inc);
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "review_edited", detail: "", facts: { section: key } } });
  });
}

/** "2026-12-01", "12-01", "3d" / "3天" → the end of that day in `zone`; undefined when unreadable. */
export function parseDueDate(raw: string, now: Date, zone: string): Date | undefined {
  const t = raw.trim();
  const today = dayjs(now).tz(zone);
  let day: dayjs.Dayjs | undefined;
  const rel = /^(\d{1,3})\s*(d|天)$/i.exec(t);
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const short = /^(\d{1,2})-(\d{1,2})$/.exec(t);
  if (rel) day = today.add(Number(rel[1]), "day");
  else if (full || short) {
    const [y, mo, d] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : [today.year(), Number(short![1]), Number(short![2])];
    const text = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    day = dayjs.tz(text, "YYYY-MM-DD", zone);
    if (!day.isValid() || day.format("YYYY-MM-DD") !== text) return undefined;
    if (short && day.endOf("day").isBefore(today)) day = day.add(1, "year");
  }
  return day ? day.endOf("day").toDate() : undefined;
}

/** /incident action add <text> @owner [--due D]. */
export async function addActionItem(scope: RequestScope, text: string, ownerHandle: string, due: string | undefined, id: number | undefined): Promise<void> {
  const inc = await reviewedIncident(scope, id);
  const owner = await memberByHandle(scope.deps.db, scope.team.id, ownerHandle);
  const dueAt = due === undefined ? null : parseDueDate(due, scope.now, scope.team.timezone);
  if (dueAt === undefined) throw new AppError("incident.bad_due", { value: due ?? "" });
  await scope.deps.db.$transaction(async (tx) => {
    const item = await tx.incidentActionItem.create({
      data: { incidentId: inc.id, textJson: JSON.stringify(text), ownerId: owner.id, status: "open", createdAt: scope.now, dueAt, nextNudgeAt: dueAt },
    });
    await audit(tx, { teamId: inc.teamId, actorId: scope.actor.id, action: "incident.action_add", subjectType: "incident", subjectId: inc.id, after: { item: item.id, text, ownerId: owner.id, dueAt: dueAt?.toISOString() ?? null }, at: scope.now });
    await addEvent(tx, inc.id, "action_added", scope.actor.id, { item: item.id, text, userId: owner.id }, scope.now);
    await refreshReview(tx, scope, inc);
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "action_added", detail: `#${item.id} ${text} · ${owner.displayName}${dueAt ? ` · ${dayjs(dueAt).tz(scope.team.timezone).format("YYYY-MM-DD")}` : ""}` } });
  });
}

/** The stored text of an action item: a localized draft item or the team's plain text. */
function itemText(textJson: string): string | { "zh-CN": string; en: string } {
  return JSON.parse(textJson) as string | { "zh-CN": string; en: string };
}

/** /incident action done <n>: the item is closed; done twice is refused. */
export async function completeActionItem(scope: RequestScope, itemId: number): Promise<void> {
  const { db } = scope.deps;
  const item = await db.incidentActionItem.findUnique({ where: { id: itemId } });
  const inc = item ? await findIncident(db, scope.team.id, item.incidentId).catch(() => null) : null;
  if (!item || !inc) throw new AppError("incident.unknown_action", { item: itemId });
  await db.$transaction(async (tx) => {
    const res = await tx.incidentActionItem.updateMany({ where: { id: item.id, status: "open" }, data: { status: "done", doneAt: scope.now, doneById: scope.actor.id, nextNudgeAt: null } });
    if (res.count === 0) throw new AppError("incident.action_done_already", { item: itemId });
    await audit(tx, { teamId: inc.teamId, actorId: scope.actor.id, action: "incident.action_done", subjectType: "incident", subjectId: inc.id, before: { status: "open" }, after: { item: item.id, status: "done" }, at: scope.now });
    await addEvent(tx, inc.id, "action_done", scope.actor.id, { item: item.id }, scope.now);
    await refreshReview(tx, scope, inc);
    const text = itemText(item.textJson);
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "done", id: inc.id, what: "action_done", detail: `#${item.id} ${typeof text === "string" ? text : text[scope.actor.locale]}` } });
  });
}

/** Nudges the owners of overdue open action items, each at most once a day (claimed with a guarded update). */
export async function nudgeOverdueActionItems(deps: AppDeps, db: Db, now: Date, outboxIds: number[]): Promise<number> {
  let sent = 0;
  const due = await db.incidentActionItem.findMany({ where: { status: "open", nextNudgeAt: { lte: now } }, orderBy: { id: "asc" } });
  for (const a of due) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.incidentActionItem.updateMany({ where: { id: a.id, status: "open", nextNudgeAt: a.nextNudgeAt }, data: { nextNudgeAt: addMinutes(now, ACTION_NUDGE_MINUTES), nudges: { increment: 1 } } });
      if (claimed.count === 0) return;
      const row = await tx.incident.findUniqueOrThrow({ where: { id: a.incidentId } });
      const inc = await findIncident(tx, row.teamId, row.id);
      const to = a.ownerId ?? inc.declaredById;
      const team = await loadTeam(tx, inc.teamId);
      const notice = {
        kind: "action_overdue" as const, id: inc.id, title: inc.title, isDrill: inc.isDrill, item: a.id, text: itemText(a.textJson),
        due: dayjs(a.dueAt!).tz(team.timezone).format("YYYY-MM-DD"), days: Math.max(1, Math.ceil(minutesBetween(a.dueAt!, now) / ACTION_NUDGE_MINUTES)),
      };
      await addEvent(tx, inc.id, "action_nudged", null, { item: a.id, to }, now);
      await notifyMember(tx, { deps, team, now, outboxIds }, await memberById(tx, to), await channelInfo(tx, inc.channelId), notice);
      sent++;
    });
  }
  return sent;
}
