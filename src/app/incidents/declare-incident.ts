// /incident declare and /incident drill: the matrix gives the severity, the playbook's steps become tasks,
// the roles wait to be claimed, and the card goes to the incident's channel.
import type { ArgsOf } from "../../../commands/index.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import dayjs from "../../lib/dayjs.js";
import { matrixRows, severityOf } from "../../domain/incidents/matrix.js";
import type { TPlaybook } from "../../domain/incidents/playbook.js";
import { ROLE_REMINDER_MINUTES, addMinutes, stepDueAt, updateCadenceMinutes } from "../../domain/incidents/schedule.js";
import { CORE_ROLES, parseRiskType, type Impact, type Likelihood, type RiskType } from "../../domain/incidents/vocabulary.js";
import { audit } from "../audit.js";
import { enqueuePost, enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { COMMANDS } from "../../../commands/index.js";
import { incidentChannelFor } from "./incident-channels.js";
import { listOf } from "./incident-names.js";
import { buildIncidentView, incidentSubject } from "./incident-view-model.js";
import { toIncidentRecord } from "./load-incident.js";
import { playbooks } from "./playbook-loader.js";
import { addEvent } from "./timeline.js";

/** What an incident is opened with. */
export interface Opening {
  title: string;
  riskType: RiskType;
  likelihood: Likelihood;
  impact: Impact;
  playbook: TPlaybook;
  isDrill: boolean;
  /** People invited to the incident's own conversation besides the declarer (a warning's owner). */
  invite?: string[];
  /** Runs in the declaration's transaction once the incident row exists (a warning claims it there). */
  onCreated?: (tx: Tx, incidentId: number) => Promise<void>;
}

/** A playbook by its id, its name in either language, or its risk type ("舆情", "public_opinion"). */
export function playbookById(id: string): TPlaybook {
  const reg = playbooks();
  const key = id.trim().toLowerCase();
  const riskType = parseRiskType(key);
  const found = reg.get(key)
    ?? reg.all().find((p) => p.name["zh-CN"] === id.trim() || p.name.en.toLowerCase() === key)
    ?? (riskType ? reg.all().find((p) => p.riskType === riskType) : undefined);
  if (!found) throw new AppError("incident.unknown_playbook", { value: id }, { known: listOf(reg.all().map((p) => p.name)) });
  return found;
}

/** /incident declare: without the matrix axes, shows the matrix and how to give them; changes nothing. */
export async function declareIncident(scope: RequestScope, args: ArgsOf<"incident.declare">): Promise<number | undefined> {
  if (!args.type || !args.likelihood || !args.impact) {
    await enqueueReply(scope.deps.db, scope, { template: "incident.notice", model: { kind: "matrix", matrix: matrixRows(), usage: COMMANDS["incident.declare"].usage } });
    return undefined;
  }
  const severity = severityOf(args.likelihood, args.impact);
  const playbook = args.playbook ? playbookById(args.playbook) : playbooks().forRisk(args.type, severity);
  if (!playbook) throw new AppError("incident.no_playbook", { type: args.type });
  return openIncident(scope, { title: args.title, riskType: args.type, likelihood: args.likelihood, impact: args.impact, playbook, isDrill: false });
}

/** /incident drill: the playbook's own risk type at its most severe listed severity unless told otherwise. */
export async function drillIncident(scope: RequestScope, args: ArgsOf<"incident.drill">): Promise<number> {
  const playbook = playbookById(args.playbook);
  const cell = matrixRows().flatMap((r) => r.cells.map((c) => ({ likelihood: r.likelihood, impact: c.impact, severity: c.severity }))).find((c) => c.severity === playbook.severities[0]);
  const likelihood = args.likelihood ?? cell?.likelihood ?? "high";
  const impact = args.impact ?? cell?.impact ?? "severe";
  return openIncident(scope, { title: playbook.name[scope.actor.locale], riskType: playbook.riskType, likelihood, impact, playbook, isDrill: true });
}

/** The name asked for an incident's own conversation: "inc-1126-1000-public_opinion 微博负面帖发酵". */
export function conversationName(o: Pick<Opening, "title" | "riskType" | "isDrill">, now: Date, zone: string): string {
  return `${o.isDrill ? "drill" : "inc"}-${dayjs(now).tz(zone).format("MMDD-HHmm")}-${o.riskType} ${o.title}`;
}

/** Opens an incident (or drill) and posts its card; returns its id. */
export async function openIncident(scope: RequestScope, o: Opening): Promise<number> {
  const { db } = scope.deps;
  const now = scope.now;
  const channel = await incidentChannelFor(scope, conversationName(o, now, scope.team.timezone), [scope.actor.id, ...(o.invite ?? [])]);
  const severity = severityOf(o.likelihood, o.impact);
  return db.$transaction(async (tx) => {
    const row = await tx.incident.create({
      data: {
        teamId: scope.team.id, title: o.title, riskType: o.riskType, likelihood: o.likelihood, impact: o.impact, severity, status: "active",
        playbookId: o.playbook.id, playbookJson: JSON.stringify(o.playbook), isDrill: o.isDrill, channelId: channel.id, originChannelId: scope.channel.id,
        declaredById: scope.actor.id, declaredAt: now, nextUpdateDueAt: addMinutes(now, updateCadenceMinutes(o.playbook, severity)), createdAt: now, updatedAt: now,
      },
    });
    const roles = [
      ...CORE_ROLES.filter((r) => !o.playbook.roles.some((p) => p.id === r)).map((r) => ({ id: r as string, required: r === "commander" })),
      ...o.playbook.roles.map((r) => ({ id: r.id, required: r.required })),
    ];
    for (const r of roles) {
      await tx.incidentRole.create({ data: { incidentId: row.id, role: r.id, required: r.required, nextReminderAt: r.required ? addMinutes(now, ROLE_REMINDER_MINUTES) : null } });
    }
    for (const [i, s] of o.playbook.steps.entries()) {
      const dueAt = stepDueAt(now, s.dueMinutes);
      await tx.incidentStep.create({
        data: { incidentId: row.id, key: s.id, position: i, textJson: JSON.stringify(s.text), role: s.role, blocking: s.blocking, dueAt, status: "open", nextNudgeAt: dueAt },
      });
    }
    if (o.onCreated) await o.onCreated(tx, row.id);
    const facts = { title: o.title, riskType: o.riskType, likelihood: o.likelihood, impact: o.impact, severity, playbook: o.playbook.id, drill: o.isDrill };
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: o.isDrill ? "incident.drill" : "incident.declare", subjectType: "incident", subjectId: row.id, after: facts, at: now });
    await addEvent(tx, row.id, "declared", scope.actor.id, facts, now);
    const inc = toIncidentRecord(row);
    const model = await buildIncidentView(tx, inc, scope.deps.buttonKey, scope.team.timezone, now);
    await enqueuePost(tx, scope, { template: "incident.card", model }, { subjectKey: incidentSubject(row.id), stateVersion: row.stateVersion, channelId: channel.id });
    if (channel.id !== scope.channel.id) {
      await enqueuePost(tx, scope, { template: "incident.notice", model: { kind: "declared_elsewhere", id: row.id, title: o.title, isDrill: o.isDrill, channel: channel.name, severity } });
    }
    return row.id;
  });
}
