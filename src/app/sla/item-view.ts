// Row → the SLA card view model.
import type { SlaReason, SlaItemView } from "../../../templates/sla/sla-view.js";
import { isSlaKind, urgencyOf, type SlaStatus } from "../../domain/sla/index.js";
import { encodeAction } from "../../messaging/action.js";
import { accountKey, localTime, scheduleOf, type SlaContext } from "./sla-context.js";

/** The columns the view needs. */
export type SlaRow = {
  id: number; platform: string; account: string; kind: string; author: string; text: string; link: string | null;
  createdAt: Date; dueAt: Date; windowEndsAt: Date | null; deadlineAt: Date; scheduleJson: string; status: string;
  assigneeId: string | null; version: number;
};

const TEXT_ON_CARD = 200;

/** Builds the view of one item at `now`, with buttons while it is open. */
export function buildItemView(row: SlaRow, ctx: SlaContext, now: Date, reason: SlaReason, buttonKey: string, names: Map<string, string>, step?: { n: number; of: number }): SlaItemView {
  const { schedule } = scheduleOf(row);
  const open = row.status === "open" || row.status === "claimed";
  const btn = (action: string) => encodeAction({ action, subjectType: "sla", subjectId: String(row.id), stateVersion: row.version }, buttonKey);
  const chars = [...row.text];
  return {
    id: row.id,
    platform: row.platform,
    accountName: ctx.accounts.get(accountKey(row.platform, row.account))?.name ?? row.account,
    kind: isSlaKind(row.kind) ? row.kind : "comment",
    author: row.author || "—",
    text: chars.length > TEXT_ON_CARD ? `${chars.slice(0, TEXT_ON_CARD).join("")}…` : row.text,
    link: row.link ?? undefined,
    createdAt: localTime(row.createdAt, ctx.zone),
    deadline: localTime(row.deadlineAt, ctx.zone),
    leftMinutes: Math.round((row.deadlineAt.getTime() - now.getTime()) / 60_000),
    urgency: urgencyOf(schedule, now),
    status: row.status as SlaStatus,
    assignee: row.assigneeId ? names.get(row.assigneeId) : undefined,
    coverageGap: schedule.coverageGap,
    reason,
    step,
    buttons: open ? { claim: btn("claim"), answer: btn("answer"), dismiss: btn("dismiss"), reassign: btn("reassign") } : undefined,
  };
}
