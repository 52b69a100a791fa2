// /kpi record: one value, stored (or replaced, keeping the old value) with its audit row, confirmed to the actor.
import type { ArgsOf } from "../../../commands/index.js";
import { recordedNotice } from "../../../templates/kpi/kpi-notices.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { AppError, isAppError } from "../../domain/errors.js";
import { parseMetricDay } from "../../domain/kpi/values.js";
import { audit } from "../audit.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { noteFailure, noteStored, refusalOf } from "./source-status.js";
import { storeMetricValues } from "./store-metrics.js";

/** Stores the value; a refused value is noted as the typed source's last error (/kpi sources) and thrown. */
export async function recordMetric(scope: RequestScope, args: ArgsOf<"kpi.record">): Promise<void> {
  let day: string;
  try {
    day = parseMetricDay(args.day, localDayOf(scope.now, scope.team.timezone));
    if (args.value < 0) throw new AppError("kpi.negative_value", { metric: args.metric, value: args.value });
  } catch (err) {
    if (isAppError(err)) await noteFailure(scope.deps.db, scope.team.id, "command", "", refusalOf(err), scope.now);
    throw err;
  }
  const row = { platform: args.platform, account: args.account ?? "main", metric: args.metric, day, value: args.value };
  await scope.deps.db.$transaction(async (tx) => {
    const old = await tx.metricValue.findUnique({ where: { teamId_platform_account_metric_day: { teamId: scope.team.id, platform: row.platform, account: row.account, metric: row.metric, day } } });
    await storeMetricValues(tx, scope.team.id, [row], "command", scope.actor.id, scope.now);
    await noteStored(tx, scope.team.id, "command", "", [day], scope.now);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "kpi.record", subjectType: "metric", subjectId: `${row.platform}/${row.account}/${row.metric}/${day}`, before: old ? { value: old.value } : undefined, after: { value: row.value }, at: scope.now });
    await enqueueReply(tx, scope, { template: "notice", model: recordedNotice(scope.actor.locale, { ...row, old: old && old.value !== row.value ? old.value : null, dayGiven: args.day !== undefined }) });
  });
}
