// The incident status machine: active → stable → resolved, with a way back (a stable incident flares up, a
// resolved one is reopened). Resolved incidents take no other change.
import { AppError } from "../errors.js";

/** Every status an incident can be in. */
export const INCIDENT_STATUSES = ["active", "stable", "resolved"] as const;
/** One incident status. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  active: ["stable", "resolved"],
  stable: ["active", "resolved"],
  resolved: ["active"],
};

/** True when `s` is an incident status. */
export function isIncidentStatus(s: string): s is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(s);
}

/** True when the machine allows `from` → `to`. */
export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws incident.illegal_transition unless `from` → `to` is allowed. */
export function assertIncidentMove(id: number, from: IncidentStatus, to: IncidentStatus): void {
  if (canMoveIncident(from, to)) return;
  throw new AppError("incident.illegal_transition", { id, current: from, target: to, possible: TRANSITIONS[from].join(", ") || "-" });
}

/** Throws incident.resolved when the incident is closed (every change but reopening needs an open one). */
export function assertOpen(id: number, status: IncidentStatus): void {
  if (status === "resolved") throw new AppError("incident.resolved", { id });
}
