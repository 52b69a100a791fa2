// Incident card buttons: Claim role, Done step, Post update, Change severity, Resolve, Resolve anyway, and the
// Declare button of a risk warning.
import { AppError } from "../../domain/errors.js";
import type { TActionPayload } from "../../messaging/action.js";
import type { RequestScope } from "../scope.js";
import { claimRole } from "./incident-roles.js";
import { changeSeverity, completeStep, postIncidentUpdate, severityInputFromText } from "./incident-work.js";
import { resolveIncident } from "./resolve-incident.js";
import { declareFromWarning } from "./risk-thresholds.js";

/** "12-commander" → [12, "commander"]. */
function split(subjectId: string): [number, string] {
  const i = subjectId.indexOf("-");
  return [Number(subjectId.slice(0, i)), subjectId.slice(i + 1)];
}

function reasonOf(reason: string | undefined, what: string): string {
  const text = reason?.trim();
  if (!text) throw new AppError("action.reason_required", { what });
  if ([...text].length > 1000) throw new AppError("command.text_too_long", { arg: "text", max: 1000 });
  return text;
}

/** Runs a decoded incident button click. */
export async function handleIncidentAction(scope: RequestScope, p: TActionPayload, reason: string | undefined): Promise<void> {
  const en = scope.actor.locale === "en";
  switch (p.action) {
    case "claim": {
      const [id, role] = split(p.subjectId);
      return claimRole(scope, id, role);
    }
    case "done": {
      const [id, key] = split(p.subjectId);
      return completeStep(scope, key, id, true);
    }
    case "update":
      return postIncidentUpdate(scope, reasonOf(reason, en ? "post an update" : "发布通报"), Number(p.subjectId), true);
    case "severity":
      return changeSeverity(scope, severityInputFromText(reasonOf(reason, en ? "change the severity" : "调整级别")), Number(p.subjectId), true);
    case "resolve":
      return resolveIncident(scope, undefined, Number(p.subjectId), true);
    case "force":
      return resolveIncident(scope, reasonOf(reason, en ? "resolve with blocking steps open" : "强制解决"), Number(p.subjectId), true);
    case "declare": {
      const id = /^w(\d+)$/.exec(p.subjectId);
      if (!id) throw new AppError("action.unknown", { action: `incident.${p.action}` });
      await declareFromWarning(scope, Number(id[1]));
      return;
    }
    default:
      throw new AppError("action.unknown", { action: `incident.${p.action}` });
  }
}
