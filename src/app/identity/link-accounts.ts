// /mediaops link: one person, several platforms. A code made where the person is known is typed on the other
// platform; that platform account then belongs to the same user (same roles, history, reviews).
import { randomBytes } from "node:crypto";
import { AppError } from "../../domain/errors.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { identitiesChanged } from "./cache.js";

/** How long a code can be used. */
export const LINK_CODE_TTL_MS = 10 * 60_000;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Eight base32 characters (40 random bits): not guessable within the code's ten minutes. */
function newCode(): string {
  return [...randomBytes(8)].map((b) => BASE32[b % 32]).join("");
}

/** Without a code: makes one for the actor. With a code: moves this platform account to the code's user. */
export async function linkAccounts(scope: RequestScope, code: string | undefined): Promise<void> {
  const en = scope.actor.locale === "en";
  const { db } = scope.deps;
  if (!code) {
    const made = newCode();
    await db.$transaction(async (tx) => {
      await tx.linkCode.create({ data: { code: made, userId: scope.actor.id, createdAt: scope.now, expiresAt: new Date(scope.now.getTime() + LINK_CODE_TTL_MS) } });
      await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "identity.link_code", subjectType: "user", subjectId: scope.actor.id, at: scope.now });
      await replyNotice(tx, scope, en ? `Your link code: ${made}` : `你的关联验证码：${made}`, [
        en ? `On the other platform, type /mediaops link ${made} within 10 minutes.` : `请在 10 分钟内到另一个平台输入 /mediaops link ${made}。`,
        en ? "Only you can see this code; do not share it." : "验证码仅你可见，请勿转发。",
      ], "info");
    });
    return;
  }
  await db.$transaction(async (tx) => {
    const row = await tx.linkCode.findUnique({ where: { code } });
    if (!row || row.usedAt || row.expiresAt <= scope.now) throw new AppError("link.code_invalid");
    if (row.userId === scope.actor.id) throw new AppError("link.same_account");
    const target = await tx.user.findUniqueOrThrow({ where: { id: row.userId } });
    const identity = await tx.platformIdentity.findFirst({ where: { userId: scope.actor.id, platform: scope.channel.platform } });
    if (!identity) throw new AppError("link.code_invalid");
    // Single use: the guarded update fails when another request used the code at the same moment.
    const used = await tx.linkCode.updateMany({ where: { code, usedAt: null }, data: { usedAt: scope.now } });
    if (used.count === 0) throw new AppError("link.code_invalid");
    await tx.platformIdentity.update({ where: { id: identity.id }, data: { userId: target.id } });
    await identitiesChanged(tx);
    await audit(tx, { teamId: scope.team.id, actorId: target.id, action: "identity.link", subjectType: "user", subjectId: target.id, before: { userId: scope.actor.id }, after: { userId: target.id, platform: identity.platform, externalId: identity.externalId }, at: scope.now });
    await replyNotice(tx, scope, en ? `This ${identity.platform} account is now linked to ${target.displayName}.` : `此 ${identity.platform} 账号已关联到 ${target.displayName}。`);
  });
}
