// Row → the SLA card view model.
import type { SlaReason, SlaItemView, SlaOutcomeView, SlaReplyView } from "../../../templates/sla/sla-view.js";
import { workingMinutesBetween } from "../../domain/calendar/index.js";
import { isSlaKind, minutesLeft, PLATFORM_PROBLEMS, urgencyOf, type PlatformProblem, type SlaStatus, type Urgency } from "../../domain/sla/index.js";
import { encodeAction } from "../../messaging/action.js";
import { accountKey, localTime, scheduleOf, type SlaContext } from "./sla-context.js";

/** The columns the view needs. */
export type SlaRow = {
  id: number; platform: string; account: string; kind: string; author: string; text: string; link: string | null;
  createdAt: Date; dueAt: Date; windowEndsAt: Date | null; deadlineAt: Date; scheduleJson: string; status: string;
  assigneeId: string | null; version: number;
  answeredAt?: Date | null; answeredById?: string | null; answer?: string | null; dismissReason?: string | null;
  replyText?: string | null; replyStatus?: string | null; replyError?: string | null;
};

/** The stored reason of a failed send (replyError), checked on the way back. */
export interface ReplyProblem {
  problem: PlatformProblem;
  code?: number;
  ip?: string;
}

/** Reads replyError back; anything unreadable is "other". */
export function readReplyProblem(json: string | null | undefined): ReplyProblem | undefined {
  if (!json) return undefined;
  try {
    const p = JSON.parse(json) as Partial<ReplyProblem>;
    const problem = (PLATFORM_PROBLEMS as readonly string[]).includes(String(p.problem)) ? (p.problem as PlatformProblem) : "other";
    return { problem, ...(typeof p.code === "number" ? { code: p.code } : {}), ...(typeof p.ip === "string" ? { ip: p.ip } : {}) };
  } catch {
    return { problem: "other" };
  }
}

function replyOf(row: SlaRow): SlaReplyView | undefined {
  if (!row.replyText || !row.replyStatus) return undefined;
  // A closed card keeps only a reply that went out; its text is the outcome's note.
  if ((row.status === "answered" || row.status === "dismissed") && row.replyStatus !== "sent") return undefined;
  const problem = readReplyProblem(row.replyError);
  const state: SlaReplyView["state"] =
    row.replyStatus === "sending" ? (problem ? "retrying" : "sending") : (row.replyStatus as SlaReplyView["state"]);
  return { state, text: shorten(row.replyText, TEXT_ON_CARD), ...(problem ? { problem } : {}) };
}

const TEXT_ON_CARD = 200;
const NOTE_ON_CARD = 120;

const shorten = (text: string, max: number) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
};

/** The subject key every card of an item is posted under, so a change updates them all in place. */
export const slaSubject = (id: number) => `sla:${id}`;

/** Why a card of this row is shown when it is updated rather than sent: what the row says now. */
export function reasonNow(row: SlaRow, now: Date): SlaReason {
  const urgency = urgencyOf(scheduleOf(row).schedule, now);
  return urgency === "breached" || urgency === "window_closed" ? "breach" : urgency === "due_soon" || urgency === "urgent" ? "warn" : "show";
}

function outcomeOf(row: SlaRow, ctx: SlaContext, names: Map<string, string>): SlaOutcomeView | undefined {
  if ((row.status !== "answered" && row.status !== "dismissed") || !row.answeredAt) return undefined;
  const note = row.status === "answered" ? row.answer : row.dismissReason;
  return {
    status: row.status,
    by: (row.answeredById && names.get(row.answeredById)) || "—",
    at: localTime(row.answeredAt, ctx.zone),
    // Counted like /sla stats counts it: working minutes from the user's message to the answer.
    responseMinutes: row.status === "answered" ? Math.round(workingMinutesBetween(ctx.cal, row.createdAt, row.answeredAt)) : undefined,
    note: note ? shorten(note, NOTE_ON_CARD) : undefined,
  };
}

/** A warning card never says "on track" beside its "reply due soon" title: a passed warn point is due soon. */
const urgencyShown = (u: Urgency, reason: SlaReason): Urgency => (reason === "warn" && u === "ok" ? "due_soon" : u);

/** Builds the view of one item at `now`, with buttons while it is open. */
export function buildItemView(row: SlaRow, ctx: SlaContext, now: Date, reason: SlaReason, buttonKey: string, names: Map<string, string>, step?: { n: number; of: number }): SlaItemView {
  const { schedule } = scheduleOf(row);
  const open = row.status === "open" || row.status === "claimed";
  const reply = replyOf(row);
  const btn = (action: string) => encodeAction({ action, subjectType: "sla", subjectId: String(row.id), stateVersion: row.version }, buttonKey);
  return {
    id: row.id,
    platform: row.platform,
    accountName: ctx.accounts.get(accountKey(row.platform, row.account))?.name ?? row.account,
    kind: isSlaKind(row.kind) ? row.kind : "comment",
    author: row.author || "—",
    text: shorten(row.text, TEXT_ON_CARD),
    link: row.link ?? undefined,
    createdAt: localTime(row.createdAt, ctx.zone),
    deadline: localTime(row.deadlineAt, ctx.zone),
    leftMinutes: minutesLeft(ctx.cal, schedule, now),
    urgency: urgencyShown(urgencyOf(schedule, now), reason),
    status: row.status as SlaStatus,
    assignee: row.assigneeId ? names.get(row.assigneeId) : undefined,
    coverageGap: schedule.coverageGap,
    reason,
    step,
    outcome: outcomeOf(row, ctx, names),
    ...(reply ? { reply } : {}),
    buttons: open
      ? {
          ...(row.status === "open" ? { claim: btn("claim") } : {}),
          // No second reply while one is on its way, nor once WeChat has said the window is closed.
          ...(reply?.state === "sending" || reply?.state === "retrying" || reply?.state === "window_closed" ? {} : { reply: btn("reply") }),
          answer: btn("answer"), dismiss: btn("dismiss"), reassign: btn("reassign"),
        }
      : undefined,
  };
}
