// "@user" as people type it, on every platform, to the team member it means. Adapters hand mentions over as
// "<@platform id>" (Slack's own form; the Feishu adapter rewrites its @_user_N placeholders to it), so this one
// module knows them all: a mention, a console handle, a platform user id (WeCom's userid), or an exact name.
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { toMember, type Member } from "../members.js";

/** `<@U0123ABCD>` or `<@U0123ABCD|name>`: a platform mention. */
const MENTION = /^<@([^>|]+)(?:\|[^>]*)?>$/;

/** The active or removed member `typed` names, looked up on `platform` first; refuses with people.not_found. */
export async function findPerson(db: Db | Tx, teamId: string, platform: string, typed: string): Promise<Member> {
  const raw = typed.trim();
  const mention = MENTION.exec(raw);
  const bare = (mention ? mention[1]! : raw).replace(/^[@＠]/, "");
  if (!bare) throw new AppError("people.not_found", { who: raw });
  const byIdentity = async (onPlatform?: string) =>
    db.platformIdentity.findFirst({ where: { externalId: bare, ...(onPlatform ? { platform: onPlatform } : {}), user: { teamId } }, include: { user: true } });
  if (mention) {
    const id = (await byIdentity(platform)) ?? (await byIdentity());
    if (id) return toMember(id.user);
    throw new AppError("people.not_found", { who: raw });
  }
  const byHandle = await db.user.findUnique({ where: { teamId_handle: { teamId, handle: bare } } });
  if (byHandle) return toMember(byHandle);
  const id = (await byIdentity(platform)) ?? (await byIdentity());
  if (id) return toMember(id.user);
  const byName = await db.user.findMany({ where: { teamId, displayName: bare }, take: 2 });
  if (byName.length === 1) return toMember(byName[0]!);
  throw new AppError("people.not_found", { who: raw });
}
