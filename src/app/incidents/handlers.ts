// The incident commands bound to their use cases; spread into HANDLERS in src/app/commands/dispatch.ts.
import type { ArgsOf } from "../../../commands/index.js";
import type { INCIDENT_COMMANDS } from "../../../commands/incident/commands.js";
import type { RequestScope } from "../scope.js";
import { declareIncident, drillIncident } from "./declare-incident.js";
import { incidentLibrary } from "./incident-library.js";
import { handRole } from "./incident-roles.js";
import { addIncidentNote, changeSeverity, completeStep, postIncidentUpdate, setIncidentStatus } from "./incident-work.js";
import { listPlaybooks, reloadPlaybooks } from "./list-playbooks.js";
import { reopenIncident, resolveIncident, showReview } from "./resolve-incident.js";
import { addActionItem, completeActionItem, editReview } from "./review-edits.js";
import { listThresholds, removeThreshold, setThreshold } from "./risk-thresholds.js";

type IncidentCommandId = keyof typeof INCIDENT_COMMANDS;

/** Command id → use case, for every incident command. */
export const INCIDENT_HANDLERS: { [K in IncidentCommandId]: (scope: RequestScope, args: ArgsOf<K>) => Promise<unknown> } = {
  "incident.declare": declareIncident,
  "incident.drill": drillIncident,
  "incident.playbooks": (scope) => listPlaybooks(scope),
  "incident.reload": (scope) => reloadPlaybooks(scope),
  "incident.role": (scope, a) => handRole(scope, a.role, a.user, a.id),
  "incident.done": (scope, a) => completeStep(scope, a.step, a.id),
  "incident.update": (scope, a) => postIncidentUpdate(scope, a.text, a.id),
  "incident.note": (scope, a) => addIncidentNote(scope, a.text, a.id),
  "incident.status": (scope, a) => setIncidentStatus(scope, a.status, a.id),
  "incident.severity": (scope, a) => changeSeverity(scope, { severity: a.severity, likelihood: a.likelihood, impact: a.impact }, a.id),
  "incident.resolve": (scope, a) => resolveIncident(scope, a.force, a.id),
  "incident.reopen": (scope, a) => reopenIncident(scope, a.id),
  "incident.review": (scope, a) => showReview(scope, a.id),
  "incident.library": incidentLibrary,
  "incident.threshold.set": setThreshold,
  "incident.threshold.list": (scope) => listThresholds(scope),
  "incident.threshold.remove": (scope, a) => removeThreshold(scope, a.threshold),
  "incident.review.edit": (scope, a) => editReview(scope, a.section, a.text, a.id),
  "incident.action.add": (scope, a) => addActionItem(scope, a.text, a.owner, a.due, a.id),
  "incident.action.done": (scope, a) => completeActionItem(scope, a.item),
};
