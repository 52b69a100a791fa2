// /kpi target: the baseline is the metric's figure now (see measure.ts), the goal relative to it or absolute.
import type { ArgsOf } from "../../../commands/index.js";
import { targetNotice } from "../../../templates/kpi/kpi-notices.js";
import { PLATFORM_NAMES, nameOf } from "../../../templates/strings/labels.js";
import { addDays } from "../../domain/calendar/local-day.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { AppError } from "../../domain/errors.js";
import { checkEndDay, goalValue } from "../../domain/kpi/pace.js";
import { audit } from "../audit.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { measure } from "./read-grid.js";

/** Creates the target with its baseline; refuses impossible end days and relative goals without data. */
export async function setTarget(scope: RequestScope, args: ArgsOf<"kpi.target">): Promise<void> {
  const today = localDayOf(scope.now, scope.team.timezone);
  const endDay = checkEndDay(args.when.endDay, today);
  const { platform, account } = args.when;
  const targetScope = account ? "account" : platform ? "platform" : "team";
  const baseline = await measure(scope.deps.db, { teamId: scope.team.id, metric: args.metric, platform, account, day: addDays(today, -1) });
  if (baseline === null && args.goal.kind === "relative") throw new AppError("kpi.no_baseline", { metric: args.metric });
  const base = baseline ?? 0;
  const goal = goalValue(args.goal, base);
  const goalText = args.goal.kind === "relative" ? `${args.goal.ratio >= 1 ? "+" : "−"}${Number((Math.abs(args.goal.ratio - 1) * 100).toPrecision(6))}%` : String(args.goal.value);
  await scope.deps.db.$transaction(async (tx) => {
    const t = await tx.kpiTarget.create({
      data: { teamId: scope.team.id, metric: args.metric, scope: targetScope, platform, account, baseline: base, goal, goalText, startDay: today, endDay, shape: "linear", createdBy: scope.actor.id, createdAt: scope.now },
    });
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "kpi.target", subjectType: "kpi_target", subjectId: t.id, after: { metric: t.metric, scope: targetScope, platform, account, baseline: base, goal, endDay }, at: scope.now });
    const scopeText = [platform ? nameOf(PLATFORM_NAMES, scope.actor.locale, platform) : "", account ?? ""].filter(Boolean).join("/");
    await enqueueReply(tx, scope, { template: "notice", model: targetNotice(scope.actor.locale, { metric: args.metric, scope: scopeText, goalText, baseline: base, goal, startDay: today, endDay }) });
  });
}
