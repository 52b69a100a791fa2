// /kpi budget set, /kpi budget list and /kpi spend: budgets by name, their use, and spend no platform reports.
// Spend changes are checked against the team's budgets right away (a manager hears of a crossing at once); the
// budget job checks every minute too, for spend that came in by the intake and for the pace, which moves daily.
import type { ArgsOf } from "../../../commands/index.js";
import { budgetListNotice, budgetSetNotice, spendNotice } from "../../../templates/kpi/budget-copy.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { AppError } from "../../domain/errors.js";
import { parseBudgetPeriod, periodOf } from "../../domain/kpi/budget.js";
import { parseMetricDay } from "../../domain/kpi/values.js";
import { audit } from "../audit.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { budgetView, checkTeamBudgets, lineOf, statusOf, teamBudgets } from "./budgets.js";

/** Creates the budget, or changes the one of that name. */
export async function setBudget(scope: RequestScope, args: ArgsOf<"kpi.budget_set">): Promise<void> {
  const period = parseBudgetPeriod({ period: args.period, from: args.from, to: args.to });
  const today = localDayOf(scope.now, scope.team.timezone);
  const teamId = scope.team.id;
  const data = { amount: args.amount, platform: args.platform ?? null, ...period, active: true, updatedAt: scope.now };
  await scope.deps.db.$transaction(async (tx) => {
    const old = await tx.budget.findUnique({ where: { teamId_name: { teamId, name: args.name } } });
    const b = old
      ? await tx.budget.update({ where: { id: old.id }, data })
      : await tx.budget.create({ data: { teamId, name: args.name, ...data, createdBy: scope.actor.id, createdAt: scope.now } });
    const span = periodOf(lineOf(b), today);
    const after = { name: b.name, amount: b.amount, platform: b.platform, period: b.period, startDay: b.startDay, endDay: b.endDay };
    await audit(tx, { teamId, actorId: scope.actor.id, action: "kpi.budget_set", subjectType: "budget", subjectId: String(b.id), before: old ? { amount: old.amount, platform: old.platform, period: old.period, startDay: old.startDay, endDay: old.endDay } : undefined, after, at: scope.now });
    await enqueueReply(tx, scope, { template: "notice", model: budgetSetNotice(scope.actor.locale, { name: b.name, platform: b.platform, amount: b.amount, period: b.period, start: span.start, end: span.end, changed: old !== null }) });
  });
  // A lower amount may already be crossed.
  await checkTeamBudgets(scope.deps.db, scope, teamId, today);
}

/** Lists every active budget with its use and pace. */
export async function listBudgets(scope: RequestScope): Promise<void> {
  const budgets = await teamBudgets(scope.deps.db, scope.team.id, localDayOf(scope.now, scope.team.timezone));
  await enqueueReply(scope.deps.db, scope, { template: "notice", model: budgetListNotice(scope.actor.locale, budgets) });
}

/** Adds a spend entry to the named budget (yesterday by default), then checks the team's budgets. */
export async function recordSpend(scope: RequestScope, args: ArgsOf<"kpi.spend">): Promise<void> {
  const { db } = scope.deps;
  const teamId = scope.team.id;
  const today = localDayOf(scope.now, scope.team.timezone);
  const day = parseMetricDay(args.day, today);
  const b = await db.budget.findUnique({ where: { teamId_name: { teamId, name: args.name } } });
  if (!b || !b.active) {
    const known = (await db.budget.findMany({ where: { teamId, active: true }, select: { name: true } })).map((x) => x.name).sort();
    throw new AppError("kpi.unknown_budget", { name: args.name, known: known.join(scope.actor.locale === "en" ? ", " : "、") });
  }
  if (b.period === "custom" && (day < b.startDay! || day > b.endDay!)) throw new AppError("kpi.spend_outside", { name: b.name, day, from: b.startDay!, to: b.endDay! });
  await db.$transaction(async (tx) => {
    const entry = await tx.budgetSpend.create({ data: { budgetId: b.id, day, amount: args.amount, createdBy: scope.actor.id, createdAt: scope.now } });
    await audit(tx, { teamId, actorId: scope.actor.id, action: "kpi.spend", subjectType: "budget", subjectId: String(b.id), after: { entry: entry.id, day, amount: args.amount }, at: scope.now });
    // The reply shows the budget's use in the period of the day spent (an earlier month's: as of its last day).
    const spentIn = periodOf(lineOf(b), day);
    const s = await statusOf(tx, b, spentIn.end < today ? spentIn.end : today);
    await enqueueReply(tx, scope, { template: "notice", model: spendNotice(scope.actor.locale, { name: b.name, amount: args.amount, day, budget: budgetView(b, s) }) });
  });
  await checkTeamBudgets(db, scope, teamId, today);
}
