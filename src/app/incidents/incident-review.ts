// The review's view model: the stored draft and edits, the timeline read back, the action items with owners.
import { z } from "zod";
import type { IncidentReviewView, ReviewSection, TimelineFacts } from "../../../templates/incident/incident-view.js";
import type { IncidentStatus } from "../../domain/incidents/lifecycle.js";
import { CORE_ROLES, type RiskType, type Severity } from "../../domain/incidents/vocabulary.js";
import type { Localized } from "../../domain/locale.js";
import { roleRef } from "./incident-names.js";
import type { Db, Tx } from "../../db/client.js";
import type { ReviewDraft } from "../../domain/incidents/review.js";
import dayjs from "../../lib/dayjs.js";
import { displayNames } from "../members.js";
import { stepText, type IncidentRecord } from "./load-incident.js";

/** What the team wrote over the draft, by section. */
export const ZEdits = z.object({ summary: z.string().optional(), impact: z.string().optional(), wentWell: z.string().optional(), wentBadly: z.string().optional() });

/** Where each review section typed in a command is kept (went_well → wentWell). */
const SECTION_OF: Record<string, ReviewSection> = { summary: "summary", impact: "impact", went_well: "wentWell", went_badly: "wentBadly", wentWell: "wentWell", wentBadly: "wentBadly" };

/** One timeline event's facts, for the template to word in each reader's language; free text stays text. */
function eventEntry(kind: string, data: Record<string, unknown>, inc: IncidentRecord, steps: Map<string, Localized>, names: Map<string, string>): { text: string; facts?: TimelineFacts } {
  const person = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? "?") : undefined);
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const step = (key: unknown) => (typeof key === "string" ? (steps.get(key) ?? { "zh-CN": key, en: key }) : undefined);
  const role = (code: unknown) => (typeof code === "string" ? roleRef(inc.playbook, code) : undefined);
  switch (kind) {
    case "declared":
      return { text: "", facts: { severity: data.severity as Severity, riskType: data.riskType as RiskType, playbook: data.playbook === inc.playbook.id ? inc.playbook.name : undefined, drill: data.drill === true } };
    case "status": return { text: "", facts: { status: { from: data.from as IncidentStatus, to: data.to as IncidentStatus } } };
    case "severity": return { text: "", facts: { severityChange: { from: data.from as Severity, to: data.to as Severity } } };
    case "role": return { text: "", facts: { role: role(data.role), person: person(data.userId) } };
    case "step_done": return { text: "", facts: { step: step(data.step), late: data.onTime === false } };
    case "update": case "note": return { text: String(data.text ?? "") };
    case "resolved": return { text: "", facts: { override: str(data.override) ?? undefined } };
    case "step_nudged": return { text: "", facts: { step: step(data.step), person: person(data.to) } };
    case "role_reminded": return { text: "", facts: { role: role(data.role), person: person(data.to) } };
    case "update_reminded": case "action_nudged": return { text: "", facts: { person: person(data.to), item: typeof data.item === "number" ? data.item : undefined } };
    case "review_edited": return { text: "", facts: { section: SECTION_OF[String(data.section)] } };
    case "action_added": return { text: typeof data.text === "string" ? data.text : "", facts: { item: Number(data.item), person: person(data.userId) } };
    case "action_done": return { text: "", facts: { item: Number(data.item) } };
    default: return { text: "" };
  }
}

/** Builds the review document of a resolved incident. */
export async function buildReviewView(db: Db | Tx, inc: IncidentRecord, zone: string, now?: Date): Promise<IncidentReviewView> {
  const review = await db.incidentReview.findUniqueOrThrow({ where: { incidentId: inc.id } });
  const draft = JSON.parse(review.draftJson) as ReviewDraft;
  const edits = ZEdits.parse(JSON.parse(review.editsJson));
  const events = await db.incidentEvent.findMany({ where: { incidentId: inc.id }, orderBy: { id: "asc" } });
  const stepRows = await db.incidentStep.findMany({ where: { incidentId: inc.id }, orderBy: { position: "asc" } });
  const steps = new Map(stepRows.map((r) => [r.key, stepText(r.textJson, r.id)]));
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
    timeline: events.map((e, i) => ({ at: fmt(e.at), who: e.actorId ? (names.get(e.actorId) ?? null) : null, kind: e.kind, ...eventEntry(e.kind, data[i]!, inc, steps, names) })),
    wentWell: draft.wentWell,
    wentBadly: draft.wentBadly,
    names: {
      steps: Object.fromEntries(steps),
      roles: Object.fromEntries([...new Set([...inc.playbook.roles.map((r) => r.id), ...CORE_ROLES])].map((code) => [code, roleRef(inc.playbook, code)])),
    },
    actionItems: items.map((i) => ({ id: i.id, text: JSON.parse(i.textJson) as IncidentReviewView["actionItems"][number]["text"], owner: i.ownerId ? (names.get(i.ownerId) ?? null) : null, status: i.status, due: i.dueAt ? dayjs(i.dueAt).tz(zone).format("YYYY-MM-DD") : null, overdue: Boolean(now && i.dueAt && i.status === "open" && i.dueAt.getTime() < now.getTime()) })),
    drillScore: inc.drillScoreJson ? (JSON.parse(inc.drillScoreJson) as IncidentReviewView["drillScore"]) : null,
  };
}
