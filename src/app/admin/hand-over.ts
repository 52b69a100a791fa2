// Open work that waits on someone leaving the team: review levels they are asked to decide, comment (SLA) items
// assigned to or claimed by them, incident roles they hold. With a successor it is handed over; without one it is
// returned to be listed in the admin's reply, so nothing is left silently stuck.
import type { LeftWork } from "../../../templates/admin/people-copy.js";
import { peopleCopy } from "../../../templates/admin/people-copy.js";
import { roleName } from "../../../templates/incident/incident-copy.js";
import { audit } from "../audit.js";
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
        await tx.incidentEvent.create({ data: { incidentId: r.incidentId, kind: "role", actorId: scope.actor.id, dataJson: JSON.stringify({ role: r.role, userId: to.id, previous: person.id }), at: scope.now } });
        await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "incident.role", subjectType: "incident", subjectId: r.incidentId, before: { role: r.role, userId: person.id }, after: { role: r.role, userId: to.id }, reason: "people.remove", at: scope.now });
      });
    }
    out.push({ kind: "incident_role", id: r.incidentId, detail: roleName(locale, r.role, null), to: to?.displayName });
  }
  return out;
}
