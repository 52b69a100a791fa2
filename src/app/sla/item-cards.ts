// The cards of one SLA item move with it: every item card is sent under the subject "sla:<id>" with the row's
// version, and every change (claim, answer, dismiss, reassign, a warning, the breach) writes one outbox update
// that brings each of them to the new state, in the language each was sent in. The outbox never moves a card
// back to an older version, so updates retried out of order are harmless.
import type { Db, Tx } from "../../db/client.js";
import type { AppDeps } from "../deps.js";
import { displayNames } from "../members.js";
import { enqueueUpdate } from "../outbox/enqueue.js";
import type { ChannelInfo, RequestScope } from "../scope.js";
import type { TeamSettings } from "../team.js";
import { buildItemView, reasonNow, slaSubject, type SlaRow } from "./item-view.js";
import { notifyPerson } from "./notify-person.js";
import type { SlaContext } from "./sla-context.js";

/** Sends `row`'s card (built by the caller) to one person, as a card that later changes update. */
export function sendItemCard(tx: Tx, deps: AppDeps, team: TeamSettings, channel: ChannelInfo | undefined, userId: string, now: Date, row: SlaRow, model: ReturnType<typeof buildItemView>): Promise<number[]> {
  return notifyPerson(tx, deps, team, channel, userId, now, { template: "sla.item", model }, { subjectKey: slaSubject(row.id), stateVersion: row.version });
}

/** The names an item's card shows (assignee, who closed it). */
export function namesFor(tx: Db | Tx, row: SlaRow): Promise<Map<string, string>> {
  return displayNames(tx, [row.assigneeId, row.answeredById ?? null]);
}

/** Writes the update of every card of `row` (already at its new version) to the outbox; returns the ids written. */
export async function updateItemCards(tx: Tx, scope: Pick<RequestScope, "deps" | "now" | "outboxIds">, row: SlaRow, ctx: SlaContext, known?: Map<string, string>): Promise<void> {
  const names = known ?? (await namesFor(tx, row));
  const model = buildItemView(row, ctx, scope.now, reasonNow(row, scope.now), scope.deps.buttonKey, names);
  await enqueueUpdate(tx, scope, slaSubject(row.id), row.version, { template: "sla.item", model });
}

/** Which of `ids` have a card out (a sweep updates only those, and writes nothing for items nobody was shown). */
export async function itemsWithCards(tx: Tx, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.postedCard.findMany({ where: { subjectKey: { in: ids.map(slaSubject) } }, select: { subjectKey: true }, distinct: ["subjectKey"] });
  return new Set(rows.map((r) => Number(r.subjectKey.slice("sla:".length))));
}
