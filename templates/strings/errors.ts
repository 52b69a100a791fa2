// Turns a refusal (code + params) into the sentence its reader sees, in their language.
import type { AppError } from "../../src/domain/errors.js";
import type { Locale } from "../../src/domain/locale.js";
import type { ErrorCatalog } from "./catalog.js";
import { adminErrors } from "./errors/admin.js";
import { identityErrors } from "./errors/identity.js";
import { peopleErrors } from "./errors/people.js";
import { settingsErrors } from "./errors/settings.js";
import { calendarErrors } from "./errors/calendar.js";
import { coreErrors } from "./errors/core.js";
import { incidentErrors } from "./errors/incidents.js";
import { kpiErrors } from "./errors/kpi.js";
import { reviewErrors } from "./errors/review.js";
import { slaErrors } from "./errors/sla.js";
import { STATUS_NAMES } from "./labels.js";
import { nameCodedParams } from "./error-params.js";
import { argName, localUsage } from "./usage.js";

/** Every feature's catalogue. A feature adds its own file under errors/ and one entry here. */
const CATALOGS: ErrorCatalog[] = [coreErrors, adminErrors, identityErrors, peopleErrors, settingsErrors, calendarErrors, kpiErrors, slaErrors, reviewErrors, incidentErrors];

/** The merged catalogue per locale; a test checks both have every code the code base raises. */
export const ERROR_MESSAGES: ErrorCatalog = {
  en: Object.assign({}, ...CATALOGS.map((c) => c.en)),
  "zh-CN": Object.assign({}, ...CATALOGS.map((c) => c["zh-CN"])),
};

/** Status codes inside params (from/to/allowed) are shown by name. */
function localizeParams(locale: Locale, params: AppError["params"]): AppError["params"] {
  const names = STATUS_NAMES[locale] as Record<string, string>;
  const out: AppError["params"] = { ...params };
  for (const key of ["from", "to", "allowed"]) {
    const v = out[key];
    if (typeof v === "string") out[key] = v.split(", ").map((s) => names[s] ?? s).join(locale === "en" ? ", " : "、");
  }
  if (typeof out.usage === "string") out.usage = localUsage(out.usage, locale);
  if (typeof out.arg === "string") out.arg = argName(out.arg, locale);
  return out;
}

/** The user-facing message for `err` in `locale`. */
export function errorMessage(locale: Locale, err: Pick<AppError, "code" | "params"> & { localized?: AppError["localized"] }): string {
  const format = ERROR_MESSAGES[locale][err.code];
  if (!format) return locale === "en" ? `Request refused (${err.code}).` : `请求被拒绝（${err.code}）。`;
  const worded = Object.fromEntries(Object.entries(err.localized ?? {}).map(([k, v]) => [k, v[locale]]));
  return format({ ...localizeParams(locale, nameCodedParams(err.code, locale, err.params)), ...worded });
}
