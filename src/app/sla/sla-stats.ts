// /sla stats [period]: first-response median and p90 (working minutes on the team's calendar) and breach
// rate, by platform, account and person. Also what the daily digest can read.
import type { SlaStatsView } from "../../../templates/sla/sla-view.js";
import type { Db } from "../../db/client.js";
import { coverageGap, workingMinutesBetween } from "../../domain/calendar/index.js";
import { addDays } from "../../domain/calendar/local-day.js";
import { instantAt, localDayOf } from "../../domain/calendar/zoned.js";
import { figuresBy, figuresOf, type ResponseSample } from "../../domain/sla/index.js";
import { displayNames } from "../members.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { accountKey, loadSlaContext, localTime } from "./sla-context.js";

/** The figures of items that arrived in [from, to) for a team. */
export async function slaFigures(db: Db, teamId: string, from: Date, to: Date): Promise<SlaStatsView> {
  const ctx = await loadSlaContext(db, teamId);
  const rows = await db.slaItem.findMany({ where: { teamId, createdAt: { gte: from, lt: to }, status: { not: "dismissed" } } });
  const names = await displayNames(db, rows.map((r) => r.answeredById));
  const samples: ResponseSample[] = rows.map((r) => ({
    platform: r.platform,
    account: ctx.accounts.get(accountKey(r.platform, r.account))?.name ?? r.account,
    person: r.answeredById ? names.get(r.answeredById) : undefined,
    responseMinutes: r.status === "answered" && r.answeredAt ? Math.round(workingMinutesBetween(ctx.cal, r.createdAt, r.answeredAt)) : undefined,
    breached: r.breachedAt !== null || (r.answeredAt ? r.answeredAt > r.deadlineAt : to > r.deadlineAt),
  }));
  return {
    from: localTime(from, ctx.zone).slice(0, 10),
    to: localTime(to, ctx.zone).slice(0, 10),
    total: figuresOf("all", samples),
    byPlatform: figuresBy(samples, (s) => s.platform),
    byAccount: figuresBy(samples, (s) => s.account),
    byPerson: figuresBy(samples, (s) => s.person),
    coverageGap: coverageGap(ctx.cal, from, to),
  };
}

/** Replies with the figures of the last `days` calendar days in the team's zone, today included (1 = today). */
export async function slaStats(scope: RequestScope, days: number): Promise<void> {
  const today = localDayOf(scope.now, scope.team.timezone);
  const from = instantAt(addDays(today, 1 - days), 0, scope.team.timezone);
  const model = await slaFigures(scope.deps.db, scope.team.id, from, scope.now);
  await enqueueReply(scope.deps.db, scope, { template: "sla.stats", model });
}
