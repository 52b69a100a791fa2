// Status names for refusals, from the SLA copy.
import { slaCopy } from "../../../templates/sla/sla-copy.js";
import type { Locale } from "../../domain/locale.js";

/** Status code → name, per locale. */
export const STATUS_NAMES_SLA: Record<Locale, Record<string, string>> = { en: slaCopy.en.statuses, "zh-CN": slaCopy["zh-CN"].statuses };
