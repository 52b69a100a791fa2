// People's names (and language and zone where the platform has them) from the platform they write from: read once
// when someone first appears, so their first card already shows their name, then refreshed at most once a day in
// the background. This is the one place a person's profile is read; a cache of identities (perf) sits above it.
import type { ActorRef } from "../../messaging/inbound.js";
import type { AppDeps } from "../deps.js";

/** How often a name is read again. */
export const PROFILE_REFRESH_MS = 24 * 60 * 60_000;

/** Platform + scope already reported missing: the log says it once per process, not once per person. */
const reported = new Set<string>();

type ProfileRow = { id: string; displayName: string; locale: string; timezone: string; profileFetchedAt: Date | null };

/** A platform's language tag → ours, when we speak it. */
function ourLocale(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  if (/^zh/i.test(tag)) return "zh-CN";
  if (/^en/i.test(tag)) return "en";
  return undefined;
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Reads and stores the profile; returns the row as stored. Never throws: a platform failure keeps what we had. */
async function fetchProfile<U extends ProfileRow>(deps: AppDeps, user: U, actor: ActorRef, now: Date): Promise<U> {
  const channel = deps.channels.get(actor.platform);
  if (!channel?.profile) return user;
  // The claim: of several requests from the same person at once, only one reads the platform.
  const claimed = await deps.db.user.updateMany({ where: { id: user.id, profileFetchedAt: user.profileFetchedAt }, data: { profileFetchedAt: now } });
  if (claimed.count === 0) return user;
  try {
    const profile = await channel.profile(actor.externalId);
    if (!profile.ok) {
      const key = `${actor.platform}:${profile.missingScope}`;
      if (!reported.has(key)) {
        reported.add(key);
        deps.log.warn({ platform: actor.platform, scope: profile.missingScope }, `cannot read people's names on ${actor.platform}: the app lacks the ${profile.missingScope} permission; people are shown by their ids`);
      }
      return user;
    }
    const first = user.profileFetchedAt === null;
    // Language and zone are taken the first time only: afterwards they are the person's own settings.
    const data = {
      ...(profile.displayName ? { displayName: profile.displayName } : {}),
      ...(first && ourLocale(profile.locale) ? { locale: ourLocale(profile.locale)! } : {}),
      ...(first && validZone(profile.timezone) ? { timezone: validZone(profile.timezone)! } : {}),
    };
    if (Object.keys(data).length === 0) return user;
    await deps.db.user.update({ where: { id: user.id }, data });
    return { ...user, ...data, profileFetchedAt: now };
  } catch (err) {
    deps.log.warn({ err, platform: actor.platform }, "could not read a person's profile; keeping the name we have");
    return user;
  }
}

/**
 * The user with their platform profile applied: read now (awaited) the first time, in the background when it is
 * a day old. Console people have no platform profile.
 */
export async function withProfile<U extends ProfileRow>(deps: AppDeps, user: U, actor: ActorRef, now: Date): Promise<U> {
  if (actor.platform === "console") return user;
  if (user.profileFetchedAt === null) return fetchProfile(deps, user, actor, now);
  if (now.getTime() - user.profileFetchedAt.getTime() >= PROFILE_REFRESH_MS) void fetchProfile(deps, user, actor, now).catch((err: unknown) => deps.log.warn({ err }, "profile refresh failed"));
  return user;
}
