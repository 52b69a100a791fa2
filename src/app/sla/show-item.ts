// /sla show <id> and the card /sla log answers with: the item's card for the person who asked, sent as one
// that later changes update in place (so the card they typed for also moves when the item does).
import type { SlaReason } from "../../../templates/sla/sla-view.js";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { enqueuePost, enqueueReply } from "../outbox/enqueue.js";
import type { ChannelInfo, RequestScope } from "../scope.js";
import { namesFor } from "./item-cards.js";
import { buildItemView, reasonNow, slaSubject } from "./item-view.js";
import { loadSlaContext } from "./sla-context.js";

/** Replies to the actor with item `id`'s card as it stands now (or `reason`'s title). */
export async function replyWithItemCard(db: Db | Tx, scope: RequestScope, id: number, reason?: SlaReason, postTo?: ChannelInfo): Promise<void> {
  const row = await db.slaItem.findFirst({ where: { id, teamId: scope.team.id } });
  if (!row) throw new AppError("sla.not_found", { id });
  const ctx = await loadSlaContext(db, scope.team.id);
  const view = buildItemView(row, ctx, scope.now, reason ?? reasonNow(row, scope.now), scope.deps.buttonKey, await namesFor(db, row));
  const key = { subjectKey: slaSubject(row.id), stateVersion: row.version };
  // Posted instead to the team's SLA channel when one is set on this platform (routes, admin/channel-routes.ts).
  if (postTo && postTo.id !== scope.channel.id) await enqueuePost(db, scope, { template: "sla.item", model: view }, { ...key, channelId: postTo.id });
  else await enqueueReply(db, scope, { template: "sla.item", model: view }, key);
}

/** /sla show <id>. */
export function showSlaItem(scope: RequestScope, id: number): Promise<void> {
  return replyWithItemCard(scope.deps.db, scope, id);
}
