// The team's settings as use cases need them.
import { z } from "zod";
import type { Db, Tx } from "../db/client.js";
import { toLocale, type Locale } from "../domain/locale.js";
import { THEMES, type Theme } from "../domain/topics/vocabulary.js";
import { readJson } from "../lib/json.js";
import { remembered } from "./identity/cache.js";

const ZThemeTargets = z.partialRecord(z.enum(THEMES), z.number().min(0).max(1));

/** A team's zone, language and theme-mix targets. */
export interface TeamSettings {
  id: string;
  name: string;
  timezone: string;
  locale: Locale;
  themeTargets: Partial<Record<Theme, number>>;
}

/** Loads a team's settings; a missing team is a bug (every member belongs to one). */
export async function loadTeam(db: Db | Tx, teamId: string): Promise<TeamSettings> {
  const t = await db.team.findUniqueOrThrow({ where: { id: teamId } });
  return {
    id: t.id,
    name: t.name,
    timezone: t.timezone,
    locale: toLocale(t.locale),
    themeTargets: readJson(ZThemeTargets, t.themeTargetsJson, `Team(${t.id}).themeTargetsJson`),
  };
}

/** loadTeam for a request: read once, then remembered (see src/app/identity/cache.ts for when it is read again). */
export async function rememberedTeam(db: Db, teamId: string, now: Date): Promise<TeamSettings> {
  return (await remembered(db, "team", teamId, now, () => loadTeam(db, teamId)))!;
}
