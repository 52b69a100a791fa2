// The /kpi commands, spread into COMMANDS in commands/registry.ts.
import { kpiImport } from "./import.js";
import { kpiMute, kpiUnmute } from "./mute.js";
import { kpiRecord } from "./record.js";
import { kpiDigestNow, kpiSubscribe, kpiUnsubscribe } from "./subscribe.js";
import { kpiTarget } from "./target.js";

/** Every /kpi command by id. */
export const KPI_COMMANDS = {
  "kpi.record": kpiRecord,
  "kpi.target": kpiTarget,
  "kpi.subscribe": kpiSubscribe,
  "kpi.unsubscribe": kpiUnsubscribe,
  "kpi.digest_now": kpiDigestNow,
  "kpi.mute": kpiMute,
  "kpi.unmute": kpiUnmute,
  "kpi.import": kpiImport,
} as const;
