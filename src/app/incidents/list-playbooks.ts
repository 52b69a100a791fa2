// /incident playbooks and /incident reload.
import { formatPlaybookError } from "../../domain/incidents/playbook.js";
import { SEVERITIES } from "../../domain/incidents/vocabulary.js";
import { audit } from "../audit.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { playbooks } from "./playbook-loader.js";
import { loadPlaybooks } from "./playbook-store.js";

/** Lists the playbooks in force. */
export async function listPlaybooks(scope: RequestScope): Promise<void> {
  const items = playbooks().all().map((p) => ({
    id: p.id, riskType: p.riskType, name: p.name, summary: p.summary, severities: p.severities, steps: p.steps.length,
    cadence: SEVERITIES.filter((s) => p.updateCadence[s] !== undefined).map((s) => `${s} ${p.updateCadence[s]}m`).join(" / "),
  }));
  await enqueueReply(scope.deps.db, scope, { template: "incident.playbooks", model: { items } });
}

/** Reads the files again; broken ones are refused with their error and keep their previous version. */
export async function reloadPlaybooks(scope: RequestScope): Promise<void> {
  const report = await loadPlaybooks(scope.deps.db);
  const errors = report.errors.map(formatPlaybookError);
  // The reader is told what is wrong in their language; the audit keeps the validator's line for the log.
  const refused = report.errors.map((e) => ({ file: e.file, line: e.line, field: e.field, problem: e.kind ?? { code: "other" as const }, kept: report.kept.includes(e.file) }));
  await scope.deps.db.$transaction(async (tx) => {
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "incident.reload", subjectType: "playbooks", subjectId: "all", after: { loaded: report.loaded, errors }, at: scope.now });
    await enqueueReply(tx, scope, { template: "incident.notice", model: { kind: "reloaded", loaded: report.loaded, errors: refused } });
  });
}
