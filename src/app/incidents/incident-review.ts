// The review's view model: the stored draft and edits, the timeline read back, the action items with owners.
import { z } from "zod";
import type { IncidentReviewView } from "../../../templates/incident/incident-view.js";
import type { Db, Tx } from "../../db/client.js";
import type { ReviewDraft } from "../../domain/incidents/review.js";
import dayjs from "../../lib/dayjs.js";
import { displayNames } from "../members.js";
import type { IncidentRecord } from "./load-incident.js";

/** What the team wrote over the draft, by section. */
export const ZEdits = z.object({ summary: z.string().optional(), impact: z.string().optional(), wentWell: z.string().optional(), wentBadly: z.string().optional() });

/** One timeline event as a short line of text (its kind is named by the template). */
function eventText(kind: string, data: Record<string, unknown>, names: Map<string, string>): string {
  const name = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? id) : "");
  switch (kind) {
    case "declared": return `${String(data.severity)} ${String(data.riskType)} · ${String(data.playbook)}`;
    case "status": return `${String(data.from)} → ${String(data.to)}`;
    case "severity": return `${String(data.from)} → ${String(data.to)}`;
    case "role": return `${String(data.role)} = ${name(data.userId)}`;
    case "step_done": return `${String(data.step)}${data.onTime === false ? " (late)" : ""}`;
    case "update": case "note": return String(data.text ?? "");
    case "resolved": return data.override ? `override: ${String(data.override)}` : "";
    case "step_nudged": return `${String(data.step)} → ${name(data.to)}`;
    case "role_reminded": return `${String(data.role)} → ${name(data.to)}`;
    case "update_reminded": return name(data.to);
    default: return "";
  }
}

/** Builds the review document of a resolved incident. */
export async function buildReviewView(db: Db | Tx, inc: IncidentRecord, zone: string, now?: Date): Promise<IncidentReviewView> {
  const review = await db.incidentReview.findUniqueOrThrow({ where: { incidentId: inc.id } });
  const draft = JSON.parse(review.draftJson) as ReviewDraft;
  const edits = ZEdits.parse(JSON.parse(review.editsJson));
  const events = await db.incidentEvent.findMany({ where: { incidentId: inc.id }, orderBy: { id: "asc" } });
  const items = await db.incidentActionItem.findMany({ where: { incidentId: inc.id }, orderBy: { id: "asc" } });
  const data = events.map((e) => JSON.parse(e.dataJson) as Record<string, unknown>);
  const ids = events.flatMap((e, i) => [e.actorId, typeof data[i]!.userId === "string" ? data[i]!.userId : null, typeof data[i]!.to === "string" ? data[i]!.to : null]);
  const names = await displayNames(db, [...ids, ...items.map((i) => i.ownerId)]);
  const fmt = (d: Date) => dayjs(d).tz(zone).format("MM-DD HH:mm");
  return {
    id: inc.id,
    title: inc.title,
    isDrill: inc.isDrill,
    riskType: inc.riskType,
    severity: inc.severity,
    declaredAt: fmt(inc.declaredAt),
    resolvedAt: fmt(inc.resolvedAt ?? review.createdAt),
    durationMinutes: draft.durationMinutes,
    edits,
    timeline: events.map((e, i) => ({ at: fmt(e.at), who: e.actorId ? (names.get(e.actorId) ?? null) : null, kind: e.kind, text: eventText(e.kind, data[i]!, names) })),
    wentWell: draft.wentWell,
    wentBadly: draft.wentBadly,
    actionItems: items.map((i) => ({ id: i.id, text: JSON.parse(i.textJson) as IncidentReviewView["actionItems"][number]["text"], owner: i.ownerId ? (names.get(i.ownerId) ?? null) : null, status: i.status, due: i.dueAt ? dayjs(i.dueAt).tz(zone).format("YYYY-MM-DD") : null, overdue: Boolean(now && i.dueAt && i.status === "open" && i.dueAt.getTime() < now.getTime()) })),
    drillScore: inc.drillScoreJson ? (JSON.parse(inc.drillScoreJson) as IncidentReviewView["drillScore"]) : null,
  };
}
