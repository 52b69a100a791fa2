// Time arithmetic of a running incident: when steps fall due, when the next status update is owed, how often
// people are nudged. Everything takes the time it needs; nothing reads the clock.
import type { TPlaybook } from "./playbook.js";
import type { Severity } from "./vocabulary.js";

const MINUTE = 60_000;

/** A role left unclaimed is raised after this long, then again every ROLE_REMINDER_MINUTES. */
export const ROLE_REMINDER_MINUTES = 10;
/** An overdue step is nudged when it falls due, then again every STEP_NUDGE_MINUTES until done. */
export const STEP_NUDGE_MINUTES = 30;
/** Cadence when a playbook does not name one for the severity (it was changed to one the playbook lacks). */
const FALLBACK_CADENCE: Record<Severity, number> = { SEV1: 30, SEV2: 60, SEV3: 240, SEV4: 1440 };

/** When a step is due: its offset after the declaration. */
export function stepDueAt(declaredAt: Date, dueMinutes: number): Date {
  return new Date(declaredAt.getTime() + dueMinutes * MINUTE);
}

/** Minutes between status updates for `severity` under `playbook`. */
export function updateCadenceMinutes(playbook: Pick<TPlaybook, "updateCadence">, severity: Severity): number {
  return playbook.updateCadence[severity] ?? FALLBACK_CADENCE[severity];
}

/** When the next status update is owed, counted from the last one (or the declaration). */
export function nextUpdateDue(lastUpdateAt: Date, cadenceMinutes: number): Date {
  return new Date(lastUpdateAt.getTime() + cadenceMinutes * MINUTE);
}

/** `at` plus `minutes`. */
export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE);
}

/** Whole minutes from `from` to `to` (0 when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MINUTE));
}
