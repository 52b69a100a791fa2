// /sla mine and /sla board: open items, breached first, then by time left.
import { displayNames } from "../members.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { buildItemView } from "./item-view.js";
import { loadSlaContext } from "./sla-context.js";

const SHOWN = 50;

/** Replies with the list; "mine" is what is assigned to me or sits on accounts I own without an assignee. */
export async function listSlaItems(scope: RequestScope, which: "mine" | "board"): Promise<void> {
  const { db } = scope.deps;
  const ctx = await loadSlaContext(db, scope.team.id);
  const owned = [...ctx.accounts.values()].filter((a) => a.ownerId === scope.actor.id);
  const mine = { OR: [{ assigneeId: scope.actor.id }, { assigneeId: null, OR: owned.map((a) => ({ platform: a.platform, account: a.account })) }] };
  const rows = await db.slaItem.findMany({
    where: { teamId: scope.team.id, status: { in: ["open", "claimed"] }, ...(which === "mine" ? mine : {}) },
    orderBy: { deadlineAt: "asc" },
    take: SHOWN,
  });
  const names = await displayNames(db, rows.map((r) => r.assigneeId));
  const items = rows.map((r) => buildItemView(r, ctx, scope.now, "show", scope.deps.buttonKey, names));
  await enqueueReply(db, scope, { template: "sla.list", model: { scope: which, items } });
}
