// The review (复盘) drafted from an incident's timeline: what happened, what went well, what did not, and the
// action items that follow. Pure: the use case gathers the facts, the template words them in each language.
import type { Localized } from "../locale.js";

/** One step as the review sees it. */
export interface ReviewStepFact {
  key: string;
  text: Localized;
  role: string;
  dueAt: Date;
  doneAt: Date | null;
  doneById: string | null;
  blocking: boolean;
}

/** Everything the draft is made from. */
export interface ReviewFacts {
  declaredAt: Date;
  resolvedAt: Date;
  commanderId: string | null;
  steps: ReviewStepFact[];
  /** Each role with its name in both languages (the action items name it). */
  roles: { role: string; required: boolean; userId: string | null; name?: Localized }[];
  updatesSent: number;
  updateReminders: number;
  overrideReason: string | null;
}

/** A finding, coded so each language can word it. */
export type Finding =
  | { code: "steps_on_time"; count: number; total: number }
  | { code: "steps_late"; keys: string[] }
  | { code: "steps_open"; keys: string[] }
  | { code: "roles_claimed"; count: number; total: number }
  | { code: "roles_unclaimed"; roles: string[] }
  | { code: "updates_sent"; count: number }
  | { code: "updates_missed"; reminders: number }
  | { code: "resolved_with_override"; reason: string };

/** An action item: a localized text and who owns it. */
export interface DraftActionItem {
  text: Localized;
  ownerId: string | null;
}

/** The generated part of a review. */
export interface ReviewDraft {
  durationMinutes: number;
  wentWell: Finding[];
  wentBadly: Finding[];
  actionItems: DraftActionItem[];
}

/** Drafts the review from the facts. */
export function draftReview(f: ReviewFacts): ReviewDraft {
  const onTime = f.steps.filter((s) => s.doneAt && s.doneAt.getTime() <= s.dueAt.getTime());
  const late = f.steps.filter((s) => s.doneAt && s.doneAt.getTime() > s.dueAt.getTime());
  const open = f.steps.filter((s) => !s.doneAt);
  const required = f.roles.filter((r) => r.required);
  const unclaimedRoles = f.roles.filter((r) => r.required && !r.userId);
  const unclaimed = unclaimedRoles.map((r) => r.role);
  const wentWell: Finding[] = [];
  const wentBadly: Finding[] = [];
  if (onTime.length > 0) wentWell.push({ code: "steps_on_time", count: onTime.length, total: f.steps.length });
  if (required.length > 0 && unclaimed.length === 0) wentWell.push({ code: "roles_claimed", count: required.length, total: required.length });
  if (f.updatesSent > 0) wentWell.push({ code: "updates_sent", count: f.updatesSent });
  if (late.length > 0) wentBadly.push({ code: "steps_late", keys: late.map((s) => s.key) });
  if (open.length > 0) wentBadly.push({ code: "steps_open", keys: open.map((s) => s.key) });
  if (unclaimed.length > 0) wentBadly.push({ code: "roles_unclaimed", roles: unclaimed });
  if (f.updateReminders > 0) wentBadly.push({ code: "updates_missed", reminders: f.updateReminders });
  if (f.overrideReason) wentBadly.push({ code: "resolved_with_override", reason: f.overrideReason });

  const actionItems: DraftActionItem[] = [
    ...late.map((s) => ({
      text: { "zh-CN": `查明“${s.text["zh-CN"]}”延误的原因，调整预案时限`, en: `Find out why "${s.text.en}" was late and adjust the playbook's timing` },
      ownerId: s.doneById ?? f.commanderId,
    })),
    ...open.map((s) => ({
      text: { "zh-CN": `补做或确认无需“${s.text["zh-CN"]}”`, en: `Complete "${s.text.en}" or record why it was not needed` },
      ownerId: f.commanderId,
    })),
    ...unclaimedRoles.map((r) => ({
      text: { "zh-CN": `为此类事件指定常设的${r.name?.["zh-CN"] ?? r.role}人选`, en: `Name a standing ${r.name?.en ?? r.role} for this kind of incident` },
      ownerId: f.commanderId,
    })),
  ];
  if (f.updateReminders > 0) {
    actionItems.push({ text: { "zh-CN": "按节奏发布进展通报，考虑增设通报负责人", en: "Keep status updates on cadence; consider a dedicated communications lead" }, ownerId: f.commanderId });
  }
  return {
    durationMinutes: Math.max(0, Math.round((f.resolvedAt.getTime() - f.declaredAt.getTime()) / 60_000)),
    wentWell,
    wentBadly,
    actionItems,
  };
}
