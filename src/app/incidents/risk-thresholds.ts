// Warnings from thresholds (风险预警): admins set limits on signals the bot has; the incident sweep counts each
// signal over its window and warns the owner once per crossing (below → at/above), re-arming when it drops
// below again. A crossing is claimed with a guarded update of the threshold plus a unique (threshold,
// crossing) warning row, so replicas sweeping at once warn once. The warning's Declare button opens an
// incident with the threshold's risk type and level.
import type { ArgsOf } from "../../../commands/index.js";
import type { RiskWarningView, ThresholdItem } from "../../../templates/incident/incident-view.js";
import { SIGNAL_NAMES } from "../../../templates/incident/warning.card.js";
import type { Db, Tx } from "../../db/client.js";
import { z } from "zod";
import { ZDisplayName } from "../../domain/reviews/chain.js";
import { AppError } from "../../domain/errors.js";
import { matrixRows } from "../../domain/incidents/matrix.js";
import {
  DEFAULT_RISK, DEFAULT_SEVERITY, DEFAULT_WINDOW_MINUTES, evaluateCrossing, formatWindow, isComplianceLevelName, isSignal, windowStart, type Signal, type ThresholdState,
} from "../../domain/incidents/thresholds.js";
import { isSeverity, type RiskType, type Severity } from "../../domain/incidents/vocabulary.js";
import dayjs from "../../lib/dayjs.js";
import { encodeAction } from "../../messaging/action.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import { displayNames, memberByHandle, toMember } from "../members.js";
import { enqueueDirect, enqueuePost, enqueueReply, enqueueUpdate } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { loadTeam } from "../team.js";
import { openIncident, playbookById } from "./declare-incident.js";
import { channelInfo, operationsChannelFor } from "./incident-channels.js";
import { playbooks } from "./playbook-loader.js";

type ThresholdRow = NonNullable<Awaited<ReturnType<Db["riskThreshold"]["findUnique"]>>>;
type WarningRow = NonNullable<Awaited<ReturnType<Db["riskWarning"]["findUnique"]>>>;

/** The subject key a warning card is posted and updated under. */
export function warningSubject(warningId: number): string {
  return `risk-warning:${warningId}`;
}

function signalOf(t: ThresholdRow): Signal {
  if (!isSignal(t.signal) || !isSeverity(t.severity)) throw new Error(`RiskThreshold(${t.id}) has signal ${t.signal} severity ${t.severity}`);
  return t.signal;
}

/** Just the level names of a review's chain snapshot. */
const ZLevelNames = z.object({ levels: z.array(z.object({ name: ZDisplayName })) });

/** Review rejections and send-backs with a reason in the window, at compliance levels (any level of a chain without one). */
async function complianceRejections(db: Db | Tx, teamId: string, from: Date, to: Date): Promise<number> {
  const rows = await db.reviewDecision.findMany({
    where: { decision: { in: ["reject", "changes"] }, reason: { not: null }, createdAt: { gt: from, lte: to }, review: { teamId } },
    select: { level: true, reason: true, review: { select: { chainJson: true } } },
  });
  return rows.filter((r) => {
    if (!r.reason?.trim()) return false;
    const chain = ZLevelNames.safeParse(JSON.parse(r.review.chainJson));
    if (!chain.success) return true;
    const levels = chain.data.levels;
    if (!levels.some((l) => isComplianceLevelName(l.name))) return true;
    const level = levels[r.level - 1];
    return level !== undefined && isComplianceLevelName(level.name);
  }).length;
}

/** The signal's count over the window ending at `now`. */
export async function signalValue(db: Db | Tx, teamId: string, signal: Signal, windowMinutes: number, now: Date): Promise<number> {
  const from = windowStart(now, windowMinutes);
  switch (signal) {
    case "complaint_breaches":
      return db.slaItem.count({ where: { teamId, kind: "complaint", breachedAt: { gt: from, lte: now } } });
    case "negative_items":
      // SLA items carry no sentiment yet: a negative item is a complaint, counted by when it came in.
      return db.slaItem.count({ where: { teamId, kind: "complaint", receivedAt: { gt: from, lte: now } } });
    case "compliance_rejections":
      return complianceRejections(db, teamId, from, now);
  }
}

function suggestedPlaybook(t: ThresholdRow): { id: string; name: { "zh-CN": string; en: string } } | null {
  const p = t.playbookId ? playbooks().get(t.playbookId) : playbooks().forRisk(t.riskType as RiskType, t.severity as Severity);
  return p ? { id: p.id, name: p.name } : null;
}

/** The warning card's model. */
export function warningView(t: ThresholdRow, w: WarningRow, buttonKey: string, zone: string): RiskWarningView {
  return {
    warningId: w.id,
    thresholdId: t.id,
    signal: signalOf(t),
    value: w.value,
    limit: w.limit,
    window: formatWindow(t.windowMinutes),
    riskType: t.riskType as RiskType,
    severity: t.severity as Severity,
    playbook: suggestedPlaybook(t),
    crossedAt: dayjs(w.crossedAt).tz(zone).format("MM-DD HH:mm"),
    declareButton: w.incidentId === null ? encodeAction({ action: "declare", subjectType: "incident", subjectId: `w${w.id}`, stateVersion: 1 }, buttonKey) : null,
    declaredIncidentId: w.incidentId,
  };
}

async function thresholdItems(db: Db, teamId: string, now: Date): Promise<ThresholdItem[]> {
  const rows = await db.riskThreshold.findMany({ where: { teamId, active: true }, orderBy: { id: "asc" } });
  const names = await displayNames(db, rows.map((r) => r.ownerId));
  const items: ThresholdItem[] = [];
  for (const t of rows) {
    items.push({
      id: t.id, signal: signalOf(t), limit: t.limit, window: formatWindow(t.windowMinutes), riskType: t.riskType as RiskType, severity: t.severity as Severity,
      owner: names.get(t.ownerId) ?? "?", playbook: suggestedPlaybook(t)?.id ?? null, playbookName: suggestedPlaybook(t)?.name ?? null, current: await signalValue(db, teamId, signalOf(t), t.windowMinutes, now), above: t.state === "above",
    });
  }
  return items;
}

/** /incident threshold set. */
export async function setThreshold(scope: RequestScope, a: ArgsOf<"incident.threshold.set">): Promise<void> {
  const { db } = scope.deps;
  const owner = a.owner ? await memberByHandle(db, scope.team.id, a.owner) : scope.actor;
  const playbookId = a.playbook ? playbookById(a.playbook).id : null;
  const riskType = a.type ?? DEFAULT_RISK[a.signal];
  const severity = a.level ?? DEFAULT_SEVERITY;
  if (!playbookId && !playbooks().forRisk(riskType, severity)) throw new AppError("incident.no_playbook", { type: riskType });
  const channel = await operationsChannelFor(scope);
  const windowMinutes = a.window ?? DEFAULT_WINDOW_MINUTES[a.signal];
  const id = await db.$transaction(async (tx) => {
    const row = await tx.riskThreshold.create({
      data: { teamId: scope.team.id, signal: a.signal, windowMinutes, limit: a.limit, riskType, severity, ownerId: owner.id, playbookId, channelId: channel.id, createdById: scope.actor.id, createdAt: scope.now, updatedAt: scope.now },
    });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "incident.threshold_set", subjectType: "risk_threshold", subjectId: row.id, after: { signal: a.signal, limit: a.limit, windowMinutes, riskType, severity, ownerId: owner.id, playbookId }, at: scope.now });
    return row.id;
  });
  await enqueueReply(db, scope, { template: "incident.thresholds", model: { changed: { what: "set", id }, items: await thresholdItems(db, scope.team.id, scope.now) } });
}

/** /incident threshold list. */
export async function listThresholds(scope: RequestScope): Promise<void> {
  const { db } = scope.deps;
  await enqueueReply(db, scope, { template: "incident.thresholds", model: { changed: null, items: await thresholdItems(db, scope.team.id, scope.now) } });
}

/** /incident threshold remove <id>: deactivated (its warnings keep pointing at it). */
export async function removeThreshold(scope: RequestScope, id: number): Promise<void> {
  const { db } = scope.deps;
  await db.$transaction(async (tx) => {
    const res = await tx.riskThreshold.updateMany({ where: { id, teamId: scope.team.id, active: true }, data: { active: false, updatedAt: scope.now } });
    if (res.count === 0) throw new AppError("incident.unknown_threshold", { id });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "incident.threshold_remove", subjectType: "risk_threshold", subjectId: id, before: { active: true }, after: { active: false }, at: scope.now });
  });
  await enqueueReply(db, scope, { template: "incident.thresholds", model: { changed: { what: "removed", id }, items: await thresholdItems(db, scope.team.id, scope.now) } });
}

/** What one evaluation did. */
export interface ThresholdReport {
  warnings: number;
  cleared: number;
}

/** Evaluates every active threshold at `now`; called by the incident sweep. */
export async function evaluateThresholds(deps: AppDeps, now: Date, outboxIds: number[]): Promise<ThresholdReport> {
  const { db } = deps;
  const report: ThresholdReport = { warnings: 0, cleared: 0 };
  const rows = await db.riskThreshold.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  for (const t of rows) {
    const value = await signalValue(db, t.teamId, signalOf(t), t.windowMinutes, now);
    const decision = evaluateCrossing(t.state as ThresholdState, value, t.limit);
    if (decision === "none") continue;
    await db.$transaction(async (tx) => {
      if (decision === "clear") {
        const res = await tx.riskThreshold.updateMany({ where: { id: t.id, state: "above", crossings: t.crossings }, data: { state: "below", updatedAt: now } });
        if (res.count === 0) return;
        await tx.riskWarning.updateMany({ where: { thresholdId: t.id, crossing: t.crossings, clearedAt: null }, data: { clearedAt: now } });
        report.cleared++;
        return;
      }
      const crossing = t.crossings + 1;
      const res = await tx.riskThreshold.updateMany({ where: { id: t.id, state: "below", crossings: t.crossings, active: true }, data: { state: "above", crossings: crossing, updatedAt: now } });
      if (res.count === 0) return;
      const w = await tx.riskWarning.create({ data: { thresholdId: t.id, crossing, teamId: t.teamId, value, limit: t.limit, crossedAt: now } });
      await audit(tx, { teamId: t.teamId, actorId: null, action: "incident.warning", subjectType: "risk_threshold", subjectId: t.id, after: { warning: w.id, crossing, value, limit: t.limit }, at: now });
      await sendWarning(deps, tx, t, w, now, outboxIds);
      report.warnings++;
    });
  }
  return report;
}

/** Posts the warning to the owner: in the threshold's channel when they are on its platform, else directly. */
async function sendWarning(deps: AppDeps, tx: Tx, t: ThresholdRow, w: WarningRow, now: Date, outboxIds: number[]): Promise<void> {
  const team = await loadTeam(tx, t.teamId);
  const owner = toMember(await tx.user.findUniqueOrThrow({ where: { id: t.ownerId } }));
  const channel = await channelInfo(tx, t.channelId);
  const scope: RequestScope = { deps, team, now, outboxIds, actor: owner, channel };
  const card = { template: "incident.warning" as const, model: warningView(t, w, deps.buttonKey, team.timezone) };
  const opts = { subjectKey: warningSubject(w.id), stateVersion: 1 };
  const here = await tx.platformIdentity.findFirst({ where: { userId: owner.id, platform: channel.platform } });
  if (here) await enqueuePost(tx, scope, card, opts);
  else await enqueueDirect(tx, scope, owner.id, owner.locale, card, opts);
}

/** The Declare button of a warning: an incident with the threshold's risk type, level and playbook. */
export async function declareFromWarning(scope: RequestScope, warningId: number): Promise<number> {
  const { db } = scope.deps;
  const w = await db.riskWarning.findUnique({ where: { id: warningId } });
  if (!w || w.teamId !== scope.team.id) throw new AppError("incident.unknown_warning", { id: warningId });
  if (w.incidentId !== null) throw new AppError("incident.warning_declared", { id: w.incidentId });
  const t = await db.riskThreshold.findUniqueOrThrow({ where: { id: w.thresholdId } });
  const riskType = t.riskType as RiskType;
  const severity = t.severity as Severity;
  const playbook = t.playbookId ? playbookById(t.playbookId) : playbooks().forRisk(riskType, severity);
  if (!playbook) throw new AppError("incident.no_playbook", { type: riskType });
  const cell = matrixRows().flatMap((r) => r.cells.map((c) => ({ likelihood: r.likelihood, impact: c.impact, severity: c.severity }))).find((c) => c.severity === severity)!;
  const signal = signalOf(t);
  const l = scope.actor.locale;
  const title = l === "en" ? `Warning: ${SIGNAL_NAMES.en[signal]} ${w.value} in ${formatWindow(t.windowMinutes)}` : `预警：${formatWindow(t.windowMinutes)} 内${SIGNAL_NAMES["zh-CN"][signal]} ${w.value} 条`;
  return openIncident(scope, {
    title, riskType, likelihood: cell.likelihood, impact: cell.impact, playbook, isDrill: false, invite: [t.ownerId],
    onCreated: async (tx, incidentId) => {
      const res = await tx.riskWarning.updateMany({ where: { id: w.id, incidentId: null }, data: { incidentId } });
      if (res.count === 0) throw new AppError("incident.warning_declared", { id: (await tx.riskWarning.findUniqueOrThrow({ where: { id: w.id } })).incidentId ?? "?" });
      const after = await tx.riskWarning.findUniqueOrThrow({ where: { id: w.id } });
      await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "incident.warning_declare", subjectType: "risk_threshold", subjectId: t.id, after: { warning: w.id, incidentId }, at: scope.now });
      await enqueueUpdate(tx, scope, warningSubject(w.id), 2, { template: "incident.warning", model: warningView(t, after, scope.deps.buttonKey, scope.team.timezone) });
    },
  });
}
