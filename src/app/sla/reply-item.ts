// Reply from chat: the text someone wrote on an item's card (Slack modal, Feishu input, console prompt, WeCom's
// next message) or typed as /sla reply <id> <text>. Where the product can send it (a WeChat OA comment or
// direct message, with WECHAT_OA_APP_SECRET set) it goes into the outbox as a platform send, in the same
// transaction as the item's change, and src/app/sla/reply-delivery.ts sends it; anywhere else it is kept on the
// card for copying and the person marks the item answered once they have posted it.
import { slaCopy } from "../../../templates/sla/sla-copy.js";
import { AppError } from "../../domain/errors.js";
import { replyRoute } from "../../domain/sla/index.js";
import type { Tx } from "../../db/client.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import { enqueuePlatformReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import type { AppDeps } from "../deps.js";
import { updateItemCards } from "./item-cards.js";
import { loadOpenItem } from "./sla-actions.js";
import { loadSlaContext } from "./sla-context.js";
import { replyWithItemCard } from "./show-item.js";
import type { PlatformReplier } from "./platform-reply.js";

/** The longest reply taken (WeChat refuses long texts; a comment reply is short by nature). */
export const REPLY_TEXT_MAX = 600;

/** The connector that sends `row`'s reply, or undefined when the reply is kept for copying. */
export function replierFor(deps: Pick<AppDeps, "repliers">, row: Parameters<typeof replyRoute>[0] & { account: string }): PlatformReplier | undefined {
  const route = replyRoute(row);
  if (route.kind === "copy") return undefined;
  return deps.repliers?.find((r) => r.handles(route, row.account));
}

/**
 * Takes `textIn` as the reply to item `id`. `confirmWithCard`: answer with the item's card (typed commands and
 * WeCom's next message, where no card was clicked); otherwise a short notice (the clicked card updates itself).
 */
export async function replyToItem(scope: RequestScope, id: number, textIn: string | undefined, opts: { confirmWithCard?: boolean } = {}): Promise<void> {
  const text = textIn?.trim() ?? "";
  if (!text) throw new AppError("sla.reply_text_needed", { id });
  if ([...text].length > REPLY_TEXT_MAX) throw new AppError("command.text_too_long", { arg: "text", max: REPLY_TEXT_MAX });
  const row = await loadOpenItem(scope, id);
  if (row.replyStatus === "sending") throw new AppError("sla.reply_in_flight", { id });
  const { db } = scope.deps;
  const replier = replierFor(scope.deps, row);
  const replyStatus = replier ? "sending" : "stored";
  const ctx = await loadSlaContext(db, scope.team.id);
  const c = slaCopy[scope.actor.locale];
  await db.$transaction(async (tx: Tx) => {
    const r = await tx.slaItem.updateMany({
      where: { id, status: row.status, version: row.version },
      data: { replyText: text, replyById: scope.actor.id, replyAt: scope.now, replyStatus, replyError: null, version: { increment: 1 }, updatedAt: scope.now },
    });
    if (r.count === 0) throw new AppError("sla.changed_meanwhile", { id });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "sla.reply", subjectType: "sla", subjectId: id, before: { replyStatus: row.replyStatus }, after: { replyStatus }, reason: text, at: scope.now });
    const fresh = await tx.slaItem.findUniqueOrThrow({ where: { id } });
    await updateItemCards(tx, scope, fresh, ctx);
    if (replier) await enqueuePlatformReply(tx, scope, { itemId: id, text, byId: scope.actor.id, channelId: scope.channel.id || null });
    if (opts.confirmWithCard) await replyWithItemCard(tx, scope, id);
    else await replyNotice(tx, scope, replier ? c.replyQueued(id) : c.replyKept(id), [], "info");
  });
}
