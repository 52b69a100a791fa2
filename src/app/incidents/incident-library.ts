// The risk event library (风险事件库) and incident metrics. Drills are listed, labelled, and never counted.
import type { ArgsOf } from "../../../commands/index.js";
import type { LibraryItem } from "../../../templates/incident/incident-view.js";
import type { Db } from "../../db/client.js";
import type { RiskType, Severity } from "../../domain/incidents/vocabulary.js";
import dayjs from "../../lib/dayjs.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { toIncidentRecord } from "./load-incident.js";

/** /incident library [type] [--q words]: titles, updates, notes and review edits are searched. */
export async function incidentLibrary(scope: RequestScope, args: ArgsOf<"incident.library">): Promise<void> {
  const { db } = scope.deps;
  const q = args.q?.trim() || null;
  const matchingEvents = q ? await db.incidentEvent.findMany({ where: { kind: { in: ["update", "note", "declared"] }, dataJson: { contains: q } }, select: { incidentId: true } }) : [];
  const matchingReviews = q ? await db.incidentReview.findMany({ where: { OR: [{ editsJson: { contains: q } }, { draftJson: { contains: q } }] }, select: { incidentId: true } }) : [];
  const ids = [...matchingEvents, ...matchingReviews].map((r) => r.incidentId);
  const rows = await db.incident.findMany({
    where: { teamId: scope.team.id, ...(args.type ? { riskType: args.type } : {}), ...(q ? { OR: [{ title: { contains: q } }, { id: { in: ids } }] } : {}) },
    orderBy: { id: "desc" },
    take: 30,
  });
  const reviewed = new Set((await db.incidentReview.findMany({ where: { incidentId: { in: rows.map((r) => r.id) } }, select: { incidentId: true } })).map((r) => r.incidentId));
  const items: LibraryItem[] = rows.map((row) => {
    const r = toIncidentRecord(row);
    return {
      id: r.id, title: r.title, riskType: r.riskType, severity: r.severity, status: r.status, isDrill: r.isDrill,
      declaredAt: dayjs(r.declaredAt).tz(scope.team.timezone).format("YYYY-MM-DD"),
      durationMinutes: r.resolvedAt ? Math.round((r.resolvedAt.getTime() - r.declaredAt.getTime()) / 60_000) : null,
      reviewed: reviewed.has(r.id),
    };
  });
  const counts: Partial<Record<RiskType, number>> = {};
  for (const i of items.filter((x) => !x.isDrill)) counts[i.riskType] = (counts[i.riskType] ?? 0) + 1;
  await enqueueReply(db, scope, { template: "incident.library", model: { items, counts, query: q } });
}

/** Incident metrics over a span (for the KPI digest): drills are left out. */
export interface IncidentMetrics {
  declared: number;
  resolved: number;
  byRisk: Partial<Record<RiskType, number>>;
  bySeverity: Partial<Record<Severity, number>>;
  /** Mean minutes from declaration to resolution of those resolved; null when none. */
  meanMinutesToResolve: number | null;
}

/** Counts real incidents declared in [from, to). */
export async function incidentMetrics(db: Db, teamId: string, from: Date, to: Date): Promise<IncidentMetrics> {
  const rows = await db.incident.findMany({ where: { teamId, isDrill: false, declaredAt: { gte: from, lt: to } } });
  const byRisk: IncidentMetrics["byRisk"] = {};
  const bySeverity: IncidentMetrics["bySeverity"] = {};
  for (const r of rows) {
    byRisk[r.riskType as RiskType] = (byRisk[r.riskType as RiskType] ?? 0) + 1;
    bySeverity[r.severity as Severity] = (bySeverity[r.severity as Severity] ?? 0) + 1;
  }
  const done = rows.filter((r) => r.resolvedAt);
  const mean = done.length > 0 ? Math.round(done.reduce((a, r) => a + (r.resolvedAt!.getTime() - r.declaredAt.getTime()), 0) / done.length / 60_000) : null;
  return { declared: rows.length, resolved: done.length, byRisk, bySeverity, meanMinutesToResolve: mean };
}
