// Incident rows as the use cases see them, and finding the incident a request is about.
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { isIncidentStatus, type IncidentStatus } from "../../domain/incidents/lifecycle.js";
import { ZPlaybook, type TPlaybook } from "../../domain/incidents/playbook.js";
import { isSeverity, type Impact, type Likelihood, type RiskType, type Severity } from "../../domain/incidents/vocabulary.js";
import type { Localized } from "../../domain/locale.js";
import { readJson } from "../../lib/json.js";
import type { RequestScope } from "../scope.js";

type Row = NonNullable<Awaited<ReturnType<Db["incident"]["findUnique"]>>>;

/** An incident with its playbook snapshot parsed. */
export type IncidentRecord = Omit<Row, "status" | "severity" | "riskType" | "likelihood" | "impact"> & {
  status: IncidentStatus;
  severity: Severity;
  riskType: RiskType;
  likelihood: Likelihood;
  impact: Impact;
  playbook: TPlaybook;
};

/** Row → record; corrupt columns are bugs and fail loudly. */
export function toIncidentRecord(r: Row): IncidentRecord {
  if (!isIncidentStatus(r.status) || !isSeverity(r.severity)) throw new Error(`Incident(${r.id}) has status ${r.status} severity ${r.severity}`);
  return {
    ...r,
    status: r.status,
    severity: r.severity,
    riskType: r.riskType as RiskType,
    likelihood: r.likelihood as Likelihood,
    impact: r.impact as Impact,
    playbook: readJson(ZPlaybook, r.playbookJson, `Incident(${r.id}).playbookJson`),
  };
}

/** The incident `id` of the team; refuses with incident.not_found. */
export async function findIncident(db: Db | Tx, teamId: string, id: number): Promise<IncidentRecord> {
  const row = await db.incident.findUnique({ where: { id } });
  if (!row || row.teamId !== teamId) throw new AppError("incident.not_found", { id });
  return toIncidentRecord(row);
}

/** The incident a command means: `--id`, else the one open in this channel (declared or followed here). */
export async function incidentForRequest(scope: RequestScope, id: number | undefined): Promise<IncidentRecord> {
  if (id !== undefined) return findIncident(scope.deps.db, scope.team.id, id);
  const open = await scope.deps.db.incident.findMany({
    where: { teamId: scope.team.id, status: { not: "resolved" }, OR: [{ channelId: scope.channel.id }, { originChannelId: scope.channel.id }] },
    orderBy: { id: "asc" },
  });
  if (open.length === 0) throw new AppError("incident.none_here");
  if (open.length > 1) throw new AppError("incident.ambiguous", { ids: open.map((o) => `#${o.id}`).join(", ") });
  return toIncidentRecord(open[0]!);
}

/** The subject key every card of the incident is posted and updated under. */
export function incidentSubject(id: number): string {
  return `incident:${id}`;
}

const ZLocalized = z.object({ "zh-CN": z.string(), en: z.string() });

/** A step's stored text. */
export function stepText(textJson: string, stepId: number): Localized {
  return readJson(ZLocalized, textJson, `IncidentStep(${stepId}).textJson`);
}
