// /mediaops quiet|timezone|language: a person's own settings, or anyone's for an admin. Quiet hours hold the
// reminders and nudges that go to the person until they end (on the person's clock); the zone is used for the
// times on their cards and their quiet hours; the language for every word the bot sends them.
import { settingsCopy } from "../../../templates/admin/settings-copy.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import type { Locale } from "../../domain/locale.js";
import { formatQuietHours, parseLanguage, parseQuietHours, parseTimezone, QUIET_OFF, quietHoursOf } from "../../domain/people/person-settings.js";
import { DEFAULT_QUIET_HOURS } from "../../domain/sla/reminders.js";
import dayjs from "../../lib/dayjs.js";
import { audit } from "../audit.js";
import { identitiesChanged } from "../identity/cache.js";
import { findPerson } from "../identity/find-person.js";
import type { Member } from "../members.js";
import { replyNotice } from "../notify.js";
import { enqueueDirect } from "../outbox/enqueue.js";
import { requireRelation } from "../permissions.js";
import type { RequestScope } from "../scope.js";

type Copy = (typeof settingsCopy)[Locale];

/** The person a setting is about: the one named, or the sender; a rule that relations allow is finished here. */
async function target(scope: RequestScope, typed: string | undefined, changing: boolean): Promise<Member> {
  const person = typed ? await findPerson(scope.deps.db, scope.team.id, scope.channel.platform, typed) : scope.actor;
  if (person.active === false) throw new AppError("people.removed", { handle: person.displayName });
  if (changing) await requireRelation(scope, () => (person.id === scope.actor.id ? ["self"] : []));
  return person;
}

/** Tells `person` what changed and who did it, when someone else changed it. */
async function tellPerson(tx: Tx, scope: RequestScope, person: Member, locale: Locale, say: (c: Copy) => string): Promise<void> {
  if (person.id === scope.actor.id) return;
  await enqueueDirect(tx, scope, person.id, locale, { template: "notice", model: { title: say(settingsCopy[locale]), lines: [], tone: "info" } });
}

/** /mediaops quiet show [@user]. */
export async function showQuiet(scope: RequestScope, typed: string | undefined): Promise<void> {
  const person = await target(scope, typed, false);
  const copy = settingsCopy[scope.actor.locale];
  const row = await scope.deps.db.user.findUniqueOrThrow({ where: { id: person.id } });
  const q = quietHoursOf(row.quietHours, DEFAULT_QUIET_HOURS);
  const line = !q ? copy.quietNone : row.quietHours ? copy.quietIs(formatQuietHours(q), row.timezone) : copy.quietDefault(formatQuietHours(q), row.timezone);
  await replyNotice(scope.deps.db, scope, copy.quietTitle(person.displayName), [line], "info");
}

/** /mediaops quiet set <range> [@user] (range given) and /mediaops quiet off [@user] (null). */
export async function setQuiet(scope: RequestScope, typed: string | undefined, range: string | null): Promise<void> {
  // Either order is accepted: "/mediaops quiet set @li.wei 22:00-08:00" as well.
  let [who, text] = [typed, range];
  if (text !== null && who !== undefined && !/\d/.test(text) && /\d/.test(who)) [who, text] = [text, who];
  const quiet = text === null ? null : parseQuietHours(text);
  const person = await target(scope, who, true);
  const copy = settingsCopy[scope.actor.locale];
  const stored = quiet ? formatQuietHours(quiet) : QUIET_OFF;
  await scope.deps.db.$transaction(async (tx) => {
    const row = await tx.user.findUniqueOrThrow({ where: { id: person.id } });
    if (row.quietHours === stored) {
      await replyNotice(tx, scope, copy.unchanged, [], "info");
      return;
    }
    await tx.user.update({ where: { id: person.id }, data: { quietHours: stored } });
    await identitiesChanged(tx);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "people.quiet", subjectType: "user", subjectId: person.id, before: { quietHours: row.quietHours }, after: { quietHours: stored }, at: scope.now });
    await replyNotice(tx, scope, quiet ? copy.quietSaved(person.displayName, stored, row.timezone) : copy.quietOff(person.displayName));
    await tellPerson(tx, scope, person, person.locale, (c) => (quiet ? c.dmQuiet(stored, row.timezone, scope.actor.displayName) : c.dmQuietOff(scope.actor.displayName)));
  });
}

/** /mediaops timezone [zone] [@user]: shows the zone in use without one. */
export async function setTimezone(scope: RequestScope, typed: string | undefined, text: string | undefined): Promise<void> {
  let [who, zoneText] = [typed, text];
  if (zoneText !== undefined && who === undefined && /^(<@|[@＠])/.test(zoneText)) [who, zoneText] = [zoneText, undefined];
  const zone = zoneText === undefined ? undefined : parseTimezone(zoneText);
  const person = await target(scope, who, zone !== undefined);
  const copy = settingsCopy[scope.actor.locale];
  const local = (z: string) => dayjs(scope.now).tz(z).format("YYYY-MM-DD HH:mm");
  if (zone === undefined) {
    await replyNotice(scope.deps.db, scope, copy.zoneIs(person.displayName, person.timezone, local(person.timezone)), [], "info");
    return;
  }
  await scope.deps.db.$transaction(async (tx) => {
    if (person.timezone === zone) {
      await replyNotice(tx, scope, copy.unchanged, [], "info");
      return;
    }
    await tx.user.update({ where: { id: person.id }, data: { timezone: zone } });
    await identitiesChanged(tx);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "people.timezone", subjectType: "user", subjectId: person.id, before: { timezone: person.timezone }, after: { timezone: zone }, at: scope.now });
    await replyNotice(tx, scope, copy.zoneSaved(person.displayName, zone, local(zone)));
    await tellPerson(tx, scope, person, person.locale, (c) => c.dmZone(zone, scope.actor.displayName));
  });
}

/** /mediaops language [zh-CN|en] [@user]: shows the language in use without one. */
export async function setLanguage(scope: RequestScope, typed: string | undefined, text: string | undefined): Promise<void> {
  let [who, langText] = [typed, text];
  if (langText !== undefined && who === undefined && /^(<@|[@＠])/.test(langText)) [who, langText] = [langText, undefined];
  const language = langText === undefined ? undefined : parseLanguage(langText);
  const person = await target(scope, who, language !== undefined);
  if (language === undefined) {
    const copy = settingsCopy[scope.actor.locale];
    await replyNotice(scope.deps.db, scope, copy.languageIs(person.displayName, copy.languages[person.locale]), [], "info");
    return;
  }
  await scope.deps.db.$transaction(async (tx) => {
    // The sender who changes their own language reads the answer in the new one.
    const self = person.id === scope.actor.id;
    const copy = settingsCopy[self ? language : scope.actor.locale];
    const answer = self ? { ...scope, actor: { ...scope.actor, locale: language } } : scope;
    if (person.locale === language) {
      await replyNotice(tx, answer, copy.unchanged, [], "info");
      return;
    }
    await tx.user.update({ where: { id: person.id }, data: { locale: language } });
    await identitiesChanged(tx);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "people.language", subjectType: "user", subjectId: person.id, before: { locale: person.locale }, after: { locale: language }, at: scope.now });
    await replyNotice(tx, answer, copy.languageSaved(person.displayName, copy.languages[language]));
    await tellPerson(tx, scope, person, language, (c) => c.dmLanguage(scope.actor.displayName));
  });
}
