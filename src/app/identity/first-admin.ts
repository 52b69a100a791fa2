// The first admin of a real team. An install without the demo data starts with nobody allowed to grant roles:
// at start the service prints a one-time setup code (valid 24 hours) and `/mediaops setup <code>`, typed by
// anyone on any connected platform or in the console, makes that person the admin. Only a SHA-256 of the code is
// stored, so the printed line is the only place it can be read; therefore each start while the team still has no
// admin makes a NEW code and voids the earlier unused ones. MEDIAOPS_ADMINS makes admins at start instead.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import type { Clock } from "../../lib/clock.js";
import type { Log } from "../../lib/logger.js";
import type { ChatPlatform } from "../../messaging/inbound.js";
import { audit } from "../audit.js";
import { CONSOLE_CHANNELS, DEFAULT_TEAM_ID } from "../seed/demo-team.js";
import { withRoles } from "./roles-json.js";
import { identitiesChanged } from "./cache.js";

/** How long a setup code can be used. */
export const SETUP_CODE_TTL_MS = 24 * 60 * 60_000;

/** Identities named in MEDIAOPS_ADMINS get this tenant until the person first writes from the platform. */
export const ANY_TENANT = "*";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Twelve base32 characters (60 random bits): not guessable within the code's 24 hours. */
function newSetupCode(): string {
  return [...randomBytes(12)].map((b) => BASE32[b % 32]).join("");
}

/** The code as stored: case, spaces and dashes do not matter when it is typed back. */
export function hashSetupCode(code: string): string {
  return createHash("sha256").update(code.toUpperCase().replace(/[\s-]/g, "")).digest("hex");
}

/** True when the team has an active admin. */
export async function teamHasAdmin(db: Db | Tx, teamId: string): Promise<boolean> {
  return (await countAdmins(db, teamId)) > 0;
}

/** Active admins of the team. rolesJson is a JSON array, so the quoted role name is an exact match. */
export async function countAdmins(db: Db | Tx, teamId: string): Promise<number> {
  return db.user.count({ where: { teamId, active: true, rolesJson: { contains: '"admin"' } } });
}

/** An install without the demo team still needs a team for people to join: an empty one, with the console's channels. */
export async function ensureEmptyTeam(db: Db, clock: Clock, opts: { timezone: string; locale: string }): Promise<boolean> {
  if ((await db.team.count()) > 0) return false;
  const now = clock.now();
  await db.$transaction(async (tx) => {
    await tx.team.create({
      data: { id: DEFAULT_TEAM_ID, name: opts.locale === "en" ? "Content team" : "内容团队", timezone: opts.timezone, locale: opts.locale, themeTargetsJson: "{}", createdAt: now },
    });
    for (const name of CONSOLE_CHANNELS) {
      await tx.channel.create({ data: { teamId: DEFAULT_TEAM_ID, platform: "console", externalId: name, name, createdAt: now } });
    }
  });
  // No review chains: the shipped ones name the demo team's people. A real team writes its own (/review chain set).
  return true;
}

/** One entry of MEDIAOPS_ADMINS. "feishu" is the Lark platform's name in chat. */
export interface ConfiguredAdmin {
  platform: ChatPlatform;
  externalId: string;
}

/** "slack:U1,feishu:ou_x" → entries (the format is checked by the configuration). */
export function parseAdminList(value: string | undefined): ConfiguredAdmin[] {
  if (!value) return [];
  return value.split(",").map((pair) => {
    const [platform, externalId] = pair.trim().split(":") as [string, string];
    return { platform: (platform === "feishu" ? "lark" : platform) as ChatPlatform, externalId };
  });
}

/**
 * Makes each configured person an admin of the team, creating the person (and their platform identity, tenant
 * unknown until they write) when they are new. Run at every start; a person already admin is left alone.
 */
export async function applyConfiguredAdmins(db: Db, clock: Clock, log: Log, teamId: string, admins: ConfiguredAdmin[], tenants: Partial<Record<ChatPlatform, string>>): Promise<void> {
  for (const a of admins) {
    const now = clock.now();
    await db.$transaction(async (tx) => {
      const identity = await tx.platformIdentity.findFirst({ where: { platform: a.platform, externalId: a.externalId }, include: { user: true } });
      if (identity) {
        const roles = withRoles(identity.user.rolesJson, ["admin"], []);
        if (roles === identity.user.rolesJson && identity.user.active) return;
        await tx.user.update({ where: { id: identity.userId }, data: { rolesJson: roles, active: true } });
        await identitiesChanged(tx);
        await audit(tx, { teamId, actorId: null, action: "people.grant", subjectType: "user", subjectId: identity.userId, before: { roles: JSON.parse(identity.user.rolesJson), active: identity.user.active }, after: { roles: JSON.parse(roles), active: true }, reason: "MEDIAOPS_ADMINS", at: now });
        return;
      }
      const team = await tx.team.findUniqueOrThrow({ where: { id: teamId } });
      const handle = await freeHandle(tx, teamId, a.externalId);
      const user = await tx.user.create({ data: { teamId, handle, displayName: a.externalId, locale: team.locale, timezone: team.timezone, rolesJson: JSON.stringify(["admin"]), createdAt: now } });
      const tenant = a.platform === "console" ? "local" : (tenants[a.platform] ?? ANY_TENANT);
      await tx.platformIdentity.create({ data: { userId: user.id, platform: a.platform, tenant, externalId: a.externalId } });
      await audit(tx, { teamId, actorId: null, action: "people.grant", subjectType: "user", subjectId: user.id, after: { roles: ["admin"], platform: a.platform, externalId: a.externalId }, reason: "MEDIAOPS_ADMINS", at: now });
    });
  }
  if (admins.length > 0) log.info({ admins: admins.map((a) => `${a.platform}:${a.externalId}`) }, "admins from MEDIAOPS_ADMINS are in place");
}

async function freeHandle(tx: Tx, teamId: string, wanted: string): Promise<string> {
  const base = wanted.toLowerCase().replace(/[^\w.-]/g, "").slice(0, 40) || "admin";
  for (let i = 0; ; i++) {
    const handle = i === 0 ? base : `${base}${i + 1}`;
    if (!(await tx.user.findUnique({ where: { teamId_handle: { teamId, handle } } }))) return handle;
  }
}

/**
 * When the team has no admin: voids earlier unused codes, stores a new one (hashed) and prints it in one log
 * line. Returns the code for the caller's tests; undefined when the team has an admin.
 */
export async function announceSetupCode(db: Db, clock: Clock, log: Log, teamId: string): Promise<string | undefined> {
  if (await teamHasAdmin(db, teamId)) return undefined;
  const now = clock.now();
  const code = newSetupCode();
  const expiresAt = new Date(now.getTime() + SETUP_CODE_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.setupCode.updateMany({ where: { teamId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.setupCode.create({ data: { teamId, codeHash: hashSetupCode(code), createdAt: now, expiresAt } });
  });
  log.warn({ setupCode: code, expiresAt: expiresAt.toISOString() }, `no admin yet: type /mediaops setup ${code} on any connected platform or in the console within 24 hours to become the team's admin (single use; a new code is printed at each start until one is used)`);
  return code;
}

/** The unused, unexpired code row for `code`, or a refusal. */
export async function validSetupCode(db: Db | Tx, code: string, now: Date) {
  const row = await db.setupCode.findUnique({ where: { codeHash: hashSetupCode(code) } });
  if (!row || row.usedAt || row.expiresAt <= now) throw new AppError("setup.code_invalid");
  return row;
}

/** Uses the code inside `tx`: single use even when two people type it at the same moment. */
export async function consumeSetupCode(tx: Tx, code: string, userId: string, now: Date) {
  const row = await validSetupCode(tx, code, now);
  const used = await tx.setupCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now, usedById: userId } });
  if (used.count === 0) throw new AppError("setup.code_invalid");
  return row;
}
