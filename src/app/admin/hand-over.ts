// Open work that waits on someone leaving the team: review levels they are asked to decide, comment (SLA) items
// assigned to or claimed by them, incident roles they hold. With a successor it is handed over; without one it is
// returned to be listed in the admin's reply, so nothing is left silently stuck.
import type { LeftWork } from "../../../templates/admin/people-copy.js";
import { peopleCopy } from "../../../templates/admin/people-copy.js";
import { roleName } from "../../../templates/incident/incident-copy.js";
import { audit } from "../audit.js";
import { changeIncident } from "../incidents/change-incident.js";
import { findIncident } from "../incidents/load-incident.js";
import { sendItemCard, updateItemCards } from "../sla/item-cards.js";
import { buildItemView } from "../sla/item-view.js";
import { slaChannel } from "../sla/notify-person.js";
import { loadSlaContext } from "../sla/sla-context.js";
import type { Member } from "../members.js";
import { handOverReviewPlace } from "../reviews/reassign-review.js";
import type { RequestScope } from "../scope.js";

/** Hands `person`'s open work to `to` (when given); returns every piece found, with `to` set on those handed over. */
export async function handOverOpenWork(scope: RequestScope, person: Member, to: Member | undefined): Promise<LeftWork[]> {
  const { db } = scope.deps;
  const locale = scope.actor.locale;
  const copy = peopleCopy[locale];
  const out: LeftWork[] = [];

  const levels = await db.reviewLevelState.findMany({
    where: { status: "pending", reviewersJson: { contains: `"${person.id}"` }, review: { teamId: scope.team.id, status: "open" } },
    orderBy: { reviewId: "asc" },
  });
  for (const l of levels) {
    if (!(JSON.parse(l.reviewersJson) as string[]).includes(person.id)) continue;
    const handed = to ? await handOverReviewPlace(scope, l.reviewId, person, to) : false;
    out.push({ kind: "review", id: l.reviewId, detail: handed || !to ? copy.level(l.level) : `${copy.level(l.level)}: ${copy.notHandedOver}`, to: handed ? to!.displayName : undefined });
  }

  const items = await db.slaItem.findMany({
    where: { teamId: scope.team.id, status: { in: ["open", "claimed"] }, OR: [{ assigneeId: person.id }, { claimedById: person.id }] },
    orderBy: { id: "asc" },
  });
  const ctx = items.length > 0 && to ? await loadSlaContext(db, scope.team.id) : undefined;
  for (const item of items) {
    if (to) {
      await db.$transaction(async (tx) => {
        // A claim is personal: the successor gets the item assigned and open, to claim it themselves.
        const claimedByThem = item.claimedById === person.id;
        await tx.slaItem.update({
          where: { id: item.id },
          data: { assigneeId: to.id, ...(claimedByThem ? { claimedById: null, status: "open" } : {}), version: { increment: 1 }, updatedAt: scope.now },
        });
        await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "sla.reassign", subjectType: "sla_item", subjectId: item.id, before: { assigneeId: item.assigneeId, claimedById: item.claimedById }, after: { assigneeId: to.id }, reason: "people.remove", at: scope.now });
        // Every card of the item already out shows the new assignee; the successor gets the card to act on.
        const fresh = await tx.slaItem.findUniqueOrThrow({ where: { id: item.id } });
        await updateItemCards(tx, scope, fresh, ctx!);
        const view = buildItemView(fresh, ctx!, scope.now, "show", scope.deps.buttonKey, new Map([[to.id, to.displayName]]));
        scope.outboxIds.push(...(await sendItemCard(tx, scope.deps, scope.team, await slaChannel(tx, scope.team.id), to.id, scope.now, fresh, view)));
      });
    }
    out.push({ kind: "sla", id: item.id, detail: item.account, to: to?.displayName });
  }

  const roles = await db.incidentRole.findMany({ where: { userId: person.id }, orderBy: { incidentId: "asc" } });
  const open = roles.length === 0 ? [] : await db.incident.findMany({ where: { id: { in: roles.map((r) => r.incidentId) }, teamId: scope.team.id, status: { not: "resolved" } }, select: { id: true } });
  const openIds = new Set(open.map((i) => i.id));
  for (const r of roles.filter((x) => openIds.has(x.incidentId))) {
    if (to) {
      await db.$transaction(async (tx) => {
        await tx.incidentRole.update({ where: { id: r.id }, data: { userId: to.id, claimedAt: scope.now } });
        // The audit row, the timeline event and an in-place update of every card of the incident.
        const inc = await findIncident(tx, scope.team.id, r.incidentId);
        await changeIncident(tx, scope, inc, {}, { action: "incident.role", event: "role", data: { role: r.role, userId: to.id, previous: person.id }, before: { role: r.role, userId: person.id }, reason: "people.remove" });
      });
    }
    out.push({ kind: "incident_role", id: r.incidentId, detail: roleName(locale, r.role, null), to: to?.displayName });
  }
  return out;
}
