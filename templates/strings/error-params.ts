// Parameters of refusals that carry codes ("known: wechat_oa, douyin", "type: platform"): named in the reader's
// language before the message is worded, so a refusal never lists the code's own words.
import type { Locale } from "../../src/domain/locale.js";
import { INCIDENT_STATUS_NAMES, RISK_NAMES } from "../incident/incident-copy.js";
import { SIGNAL_NAMES } from "../incident/warning.card.js";
import { METRIC_NAMES } from "../kpi/kpi-copy.js";
import { slaCopy } from "../sla/sla-copy.js";
import { PLATFORM_NAMES, STATUS_NAMES } from "./labels.js";

type Table = Record<Locale, Record<string, string>>;

const SLA_KINDS: Table = { en: slaCopy.en.kinds, "zh-CN": slaCopy["zh-CN"].kinds };

/** Error code → parameter → the table its codes are named from (a parameter may hold a ", "-separated list). */
const PARAM_TABLES: Record<string, Record<string, Table>> = {
  "command.unknown_subcommand": { known: { en: {}, "zh-CN": {} } },
  "topic.unknown_platform": { known: PLATFORM_NAMES },
  "topic.unknown_status": { known: STATUS_NAMES },
  "topic.closed": { status: STATUS_NAMES },
  "sla.unknown_platform": { known: PLATFORM_NAMES },
  "sla.unknown_account": { platform: PLATFORM_NAMES },
  "sla.ambiguous_account": { platform: PLATFORM_NAMES },
  "sla.no_policy": { platform: PLATFORM_NAMES, kind: SLA_KINDS },
  "kpi.unknown_metric": { known: METRIC_NAMES },
  "incident.unknown_type": { known: RISK_NAMES },
  "incident.no_playbook": { type: RISK_NAMES },
  "incident.unknown_signal": { known: SIGNAL_NAMES },
  "incident.illegal_transition": { current: INCIDENT_STATUS_NAMES, target: INCIDENT_STATUS_NAMES, possible: INCIDENT_STATUS_NAMES },
};

/** `params` with the codes of `code`'s coded parameters replaced by their names in `locale`. */
export function nameCodedParams(code: string, locale: Locale, params: Record<string, string | number>): Record<string, string | number> {
  const tables = PARAM_TABLES[code];
  if (!tables) return params;
  const out = { ...params };
  for (const [key, table] of Object.entries(tables)) {
    const v = out[key];
    if (typeof v !== "string") continue;
    out[key] = v.split(/,\s*/).map((c) => table[locale][c] ?? c).join(locale === "en" ? ", " : "、");
  }
  return out;
}
