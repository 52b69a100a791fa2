// Budgets (预算): what each budget has used in its current period and at what pace, read from the spend metric of
// its platform (or every platform) plus what /kpi spend recorded against it; and the warnings to managers when
// a budget crosses 80 %, 100 % or its pace line. A warning is claimed by flipping its BudgetAlert row from not
// crossed to crossed in the transaction that enqueues it, so it goes out once per crossing across replicas.
import type { DigestBudget } from "../../../templates/kpi/digest-view.js";
import { budgetWarningNotice } from "../../../templates/kpi/budget-copy.js";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { addDays, type LocalDay } from "../../domain/calendar/local-day.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { BUDGET_ALERTS, budgetStatus, periodOf, rearmed, type BudgetAlertKind, type BudgetLine, type BudgetStatus } from "../../domain/kpi/budget.js";
import { toLocale } from "../../domain/locale.js";
import type { AppDeps } from "../deps.js";
import { toMember } from "../members.js";
import { deliverOutbox } from "../outbox/deliver.js";
import { enqueueDirect } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { loadTeam } from "../team.js";

/** A budget row as stored. */
export type BudgetRow = Awaited<ReturnType<Db["budget"]["findMany"]>>[number];

/** The line of a stored budget. */
export function lineOf(b: BudgetRow): BudgetLine {
  return { amount: b.amount, period: b.period as BudgetLine["period"], startDay: b.startDay, endDay: b.endDay };
}

/** A budget's status on `today` (the team's local day): spend to date in its period, and its pace. */
export async function statusOf(db: Db | Tx, b: BudgetRow, today: LocalDay): Promise<BudgetStatus> {
  const span = periodOf(lineOf(b), today);
  const [metric, own] = await Promise.all([
    db.metricValue.aggregate({
      where: { teamId: b.teamId, metric: "spend", day: { gte: span.start, lte: span.end }, ...(b.platform ? { platform: b.platform } : {}) },
      _sum: { value: true },
      _max: { day: true },
    }),
    db.budgetSpend.aggregate({ where: { budgetId: b.id, day: { gte: span.start, lte: span.end } }, _sum: { amount: true }, _max: { day: true } }),
  ]);
  const used = (metric._sum.value ?? 0) + (own._sum.amount ?? 0);
  // Spend is known through yesterday (platforms report the next morning), or a later day someone recorded.
  const through = [addDays(today, -1), metric._max.day ?? "", own._max.day ?? ""].sort().at(-1)!;
  return budgetStatus(lineOf(b), span, used, through);
}

/** A budget and its status as the digest and the list show it. */
export function budgetView(b: BudgetRow, s: BudgetStatus): DigestBudget {
  return { name: b.name, platform: b.platform, amount: b.amount, spent: s.used, periodStart: s.span.start, periodEnd: s.span.end, elapsed: s.elapsed / s.total, projected: s.projected ?? null };
}

/** Every active budget of the team with its use on `today`, by name; `current`: without spans ended over a week ago or not begun. */
export async function teamBudgets(db: Db | Tx, teamId: string, today: LocalDay, current = false): Promise<DigestBudget[]> {
  const rows = (await db.budget.findMany({ where: { teamId, active: true } })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const live = current ? rows.filter((b) => b.period !== "custom" || (b.endDay! >= addDays(today, -7) && b.startDay! <= today)) : rows;
  return Promise.all(live.map(async (b) => budgetView(b, await statusOf(db, b, today))));
}

/**
 * Flips the budget's alert rows to its status in `tx`; returns the lines that became crossed now (to warn about).
 * A line no longer crossed is re-armed once its figure has fallen back below the line by the margin.
 */
async function claimCrossings(tx: Tx, b: BudgetRow, s: BudgetStatus, now: Date): Promise<BudgetAlertKind[]> {
  const rows = await tx.budgetAlert.findMany({ where: { budgetId: b.id, periodStart: s.span.start } });
  const fresh: BudgetAlertKind[] = [];
  for (const kind of BUDGET_ALERTS) {
    const row = rows.find((r) => r.kind === kind);
    if (s.crossed.includes(kind)) {
      if (row?.crossed) continue;
      if (!row) await tx.budgetAlert.create({ data: { budgetId: b.id, periodStart: s.span.start, kind, crossed: true, changedAt: now } });
      else {
        const won = await tx.budgetAlert.updateMany({ where: { budgetId: b.id, periodStart: s.span.start, kind, crossed: false }, data: { crossed: true, changedAt: now } });
        if (won.count === 0) continue;
      }
      fresh.push(kind);
    } else if (row?.crossed && rearmed(kind, s, b.amount)) {
      await tx.budgetAlert.update({ where: { budgetId_periodStart_kind: { budgetId: b.id, periodStart: s.span.start, kind } }, data: { crossed: false, changedAt: now } });
    }
  }
  return fresh;
}

/**
 * Checks the team's budgets and warns its managers (a direct message each, in their language) of every line
 * newly crossed; `scope` is the request that changed spend, or a scope of the budget job. Returns the ids of the
 * outbox rows written (already in scope.outboxIds).
 */
export async function checkTeamBudgets(db: Db, scope: RequestScope, teamId: string, today: LocalDay): Promise<void> {
  const rows = await db.budget.findMany({ where: { teamId, active: true }, orderBy: { id: "asc" } });
  if (rows.length === 0) return;
  const managers = (await db.user.findMany({ where: { teamId, rolesJson: { contains: '"manager"' } }, orderBy: { createdAt: "asc" } })).map(toMember);
  for (const b of rows) {
    if (b.period === "custom" && (b.startDay! > today || b.endDay! < addDays(today, -1))) continue;
    await db
      .$transaction(async (tx) => {
        const s = await statusOf(tx, b, today);
        const fresh = await claimCrossings(tx, b, s, scope.now);
        if (fresh.length === 0) return;
        const view = budgetView(b, s);
        for (const m of managers) await enqueueDirect(tx, scope, m.id, m.locale, { template: "notice", model: budgetWarningNotice(m.locale, { budget: view, kinds: fresh }) });
      })
      .catch((err: unknown) => {
        // Another replica created the same alert row first: it warns, this one does not.
        if (!isUniqueViolation(err)) throw err;
      });
  }
}

/** The budget job: every team's budgets checked (the pace moves with the days even without new spend). */
export async function runBudgetChecks(deps: AppDeps, now: Date = deps.clock.now()): Promise<void> {
  const teams = await deps.db.budget.findMany({ where: { active: true }, distinct: ["teamId"], select: { teamId: true, createdBy: true } });
  for (const { teamId, createdBy } of teams) {
    try {
      const team = await loadTeam(deps.db, teamId);
      const actor = toMember(await deps.db.user.findUniqueOrThrow({ where: { id: createdBy } }));
      const scope: RequestScope = { deps, actor: { ...actor, locale: toLocale(actor.locale) }, team, channel: { id: "", platform: "", externalId: "", name: "" }, now, outboxIds: [] };
      await checkTeamBudgets(deps.db, scope, teamId, localDayOf(now, team.timezone));
      await deliverOutbox(deps, scope.outboxIds);
    } catch (err) {
      deps.log.error({ err, team: teamId }, "kpi budget check failed");
    }
  }
}
