// The /kpi use cases by command id, spread into HANDLERS in src/app/commands/dispatch.ts.
import type { ArgsOf } from "../../../commands/index.js";
import type { RequestScope } from "../scope.js";
import { listBudgets, recordSpend, setBudget } from "./budget-commands.js";
import { muteMetric, unmuteMetric } from "./digest-actions.js";
import { digestNow } from "./digest-now.js";
import { importCsv } from "./import-csv.js";
import { recordMetric } from "./record-metric.js";
import { setTarget } from "./set-target.js";
import { listSources, metricHistory } from "./sources-history.js";
import { subscribeDigest, unsubscribeDigest } from "./subscriptions.js";

type KpiId = "kpi.record" | "kpi.target" | "kpi.subscribe" | "kpi.unsubscribe" | "kpi.digest_now" | "kpi.mute" | "kpi.unmute" | "kpi.import" | "kpi.budget_set" | "kpi.budget_list" | "kpi.spend" | "kpi.sources" | "kpi.history";

/** Command id → use case. */
export const KPI_HANDLERS: { [K in KpiId]: (scope: RequestScope, args: ArgsOf<K>) => Promise<unknown> } = {
  "kpi.record": recordMetric,
  "kpi.target": setTarget,
  "kpi.subscribe": subscribeDigest,
  "kpi.unsubscribe": unsubscribeDigest,
  "kpi.digest_now": digestNow,
  "kpi.mute": muteMetric,
  "kpi.unmute": unmuteMetric,
  "kpi.import": importCsv,
  "kpi.budget_set": setBudget,
  "kpi.budget_list": listBudgets,
  "kpi.spend": recordSpend,
  "kpi.sources": listSources,
  "kpi.history": metricHistory,
};
