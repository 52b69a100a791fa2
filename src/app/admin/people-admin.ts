// People and roles from chat: the first admin by setup code, the team list, granting and revoking roles, and
// removing someone. Every change is an audit row, and the person it is about gets a direct message saying what
// changed and who did it. The last active admin can never lose the role: the team would be locked out.
import { CHAT_PLATFORM_NAMES, peopleCopy, roleList } from "../../../templates/admin/people-copy.js";
import { ROLE_NAMES } from "../../../templates/strings/labels.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import type { Role } from "../../domain/roles.js";
import dayjs from "../../lib/dayjs.js";
import { audit } from "../audit.js";
import { consumeSetupCode, countAdmins } from "../identity/first-admin.js";
import { findPerson } from "../identity/find-person.js";
import { withRoles } from "../identity/roles-json.js";
import { toMember, type Member } from "../members.js";
import { replyNotice } from "../notify.js";
import { enqueueDirect } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { handOverOpenWork } from "./hand-over.js";
import { identitiesChanged } from "../identity/cache.js";

/** /mediaops setup <code>: the sender becomes the team's admin; the code is used up. */
export async function useSetupCode(scope: RequestScope, code: string): Promise<void> {
  const copy = peopleCopy[scope.actor.locale];
  await scope.deps.db.$transaction(async (tx) => {
    await consumeSetupCode(tx, code, scope.actor.id, scope.now);
    const user = await tx.user.findUniqueOrThrow({ where: { id: scope.actor.id } });
    const roles = withRoles(user.rolesJson, ["admin"], []);
    await tx.user.update({ where: { id: user.id }, data: { rolesJson: roles } });
    await identitiesChanged(tx); // every replica forgets the person's remembered roles
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "people.setup", subjectType: "user", subjectId: user.id, before: { roles: JSON.parse(user.rolesJson) }, after: { roles: JSON.parse(roles) }, at: scope.now });
    await replyNotice(tx, scope, copy.setupDone(user.displayName), [...copy.setupNext]);
  });
}

/** /mediaops people [--role R]. */
export async function listPeople(scope: RequestScope, role: Role | undefined): Promise<void> {
  const locale = scope.actor.locale;
  const copy = peopleCopy[locale];
  const rows = await scope.deps.db.user.findMany({ where: { teamId: scope.team.id }, include: { identities: true }, orderBy: { createdAt: "asc" } });
  const active = rows.filter((r) => r.active).map((r) => ({ row: r, member: toMember(r) }));
  const shown = role ? active.filter((p) => p.member.roles.includes(role)) : active;
  const lines = shown.map(({ row, member }) => {
    const platforms = [...new Set(row.identities.map((i) => CHAT_PLATFORM_NAMES[locale][i.platform] ?? i.platform))].join(locale === "en" ? ", " : "、") || copy.noPlatforms;
    const seenAt = row.identities.map((i) => i.lastSeenAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
    const seen = seenAt > 0 ? dayjs(seenAt).tz(scope.actor.timezone).format("YYYY-MM-DD HH:mm") : copy.never;
    return copy.personLine(member.displayName, member.handle, roleList(locale, member.roles), platforms, seen);
  });
  const removed = rows.length - active.length;
  if (removed > 0 && !role) lines.push(copy.removedCount(removed));
  await replyNotice(scope.deps.db, scope, copy.peopleTitle(shown.length, role ? ROLE_NAMES[locale][role] : undefined), lines, "info");
}

/**
 * Serialises every change that could leave the team without an admin: an update of the team's own row takes
 * its row lock (PostgreSQL) or the write lock (SQLite), so two admins demoting each other cannot both pass.
 */
async function lockTeamAdmins(tx: Tx, teamId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Team" SET "autoEnroll" = "autoEnroll" WHERE "id" = ${teamId}`;
}

/** Refuses when `target` is the team's last active admin. */
async function refuseLastAdmin(tx: Tx, scope: RequestScope, target: Member): Promise<void> {
  if (!target.roles.includes("admin")) return;
  if ((await countAdmins(tx, scope.team.id)) <= 1) throw new AppError("people.last_admin", { name: target.displayName });
}

/** Tells `person` what changed and who did it, in their language, in a direct chat. */
function tellPerson(tx: Tx, scope: RequestScope, person: Member, say: (copy: (typeof peopleCopy)["en" | "zh-CN"]) => string[]): Promise<void> {
  const copy = peopleCopy[person.locale];
  const [title, ...lines] = say(copy);
  return enqueueDirect(tx, scope, person.id, person.locale, { template: "notice", model: { title: title!, lines, tone: "info" } });
}

/** /mediaops role grant|revoke @user <role>. */
export async function changeRole(scope: RequestScope, typed: string, role: Role, grant: boolean): Promise<void> {
  const locale = scope.actor.locale;
  const copy = peopleCopy[locale];
  await scope.deps.db.$transaction(async (tx) => {
    await lockTeamAdmins(tx, scope.team.id);
    const person = await findPerson(tx, scope.team.id, scope.channel.platform, typed);
    if (person.active === false) throw new AppError("people.removed", { handle: person.displayName });
    const row = await tx.user.findUniqueOrThrow({ where: { id: person.id } });
    const roles = grant ? withRoles(row.rolesJson, [role], []) : withRoles(row.rolesJson, [], [role]);
    const label = ROLE_NAMES[locale][role];
    if (roles === row.rolesJson) {
      await replyNotice(tx, scope, grant ? copy.alreadyHas(person.displayName, label) : copy.doesNotHave(person.displayName, label), [], "info");
      return;
    }
    if (!grant && role === "admin") await refuseLastAdmin(tx, scope, person);
    await tx.user.update({ where: { id: person.id }, data: { rolesJson: roles } });
    await identitiesChanged(tx); // every replica forgets the person's remembered roles
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: grant ? "people.grant" : "people.revoke", subjectType: "user", subjectId: person.id, before: { roles: person.roles }, after: { roles: JSON.parse(roles), role }, at: scope.now });
    await replyNotice(tx, scope, grant ? copy.granted(person.displayName, label) : copy.revoked(person.displayName, label));
    const now = toMember({ ...row, rolesJson: roles });
    await tellPerson(tx, scope, person, (c) => {
      const theirs = ROLE_NAMES[person.locale][role];
      return [grant ? c.dmGranted(theirs, scope.actor.displayName) : c.dmRevoked(theirs, scope.actor.displayName), c.dmRoles(roleList(person.locale, now.roles))];
    });
  });
}

/** /mediaops remove @user [--to @user]: deactivates the person; their open work is handed over or listed. */
export async function removePerson(scope: RequestScope, typed: string, toTyped: string | undefined): Promise<void> {
  const { db } = scope.deps;
  const locale = scope.actor.locale;
  const copy = peopleCopy[locale];
  const person = await findPerson(db, scope.team.id, scope.channel.platform, typed);
  if (person.active === false) throw new AppError("people.removed", { handle: person.displayName });
  const to = toTyped ? await findPerson(db, scope.team.id, scope.channel.platform, toTyped) : undefined;
  if (to && (to.active === false || to.id === person.id)) throw new AppError("people.bad_successor", { name: to.displayName });
  // Checked before anything is handed over, and again under the lock when the person is deactivated.
  await db.$transaction((tx) => refuseLastAdmin(tx, scope, person));
  const work = await handOverOpenWork(scope, person, to);
  await db.$transaction(async (tx) => {
    await lockTeamAdmins(tx, scope.team.id);
    await refuseLastAdmin(tx, scope, person);
    await tx.user.update({ where: { id: person.id }, data: { active: false } });
    await identitiesChanged(tx); // every replica forgets the person's remembered roles
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "people.remove", subjectType: "user", subjectId: person.id, before: { active: true, roles: person.roles }, after: { active: false, handedTo: to?.id ?? null, openWork: work.map((w) => `${w.kind}:${w.id}${w.to ? "→" : ""}`) }, at: scope.now });
    const handed = work.filter((w) => w.to);
    const left = work.filter((w) => !w.to);
    const lines = [
      ...(handed.length > 0 && to ? [copy.handedOver(to.displayName), ...handed.map((w) => copy.work(w))] : []),
      ...(left.length > 0 ? [copy.leftOpen, ...left.map((w) => copy.work(w))] : []),
      ...(work.length === 0 ? [copy.nothingOpen] : []),
    ];
    await replyNotice(tx, scope, copy.removed(person.displayName), lines);
    await tellPerson(tx, scope, person, (c) => [c.dmRemoved(scope.actor.displayName)]);
  });
}
