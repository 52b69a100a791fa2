// The shape of a feature's refusal messages: one function per error code, in both languages.
import type { ErrorParams } from "../../src/domain/errors.js";
import type { Locale } from "../../src/domain/locale.js";

/** Error code → message, per locale. Each feature keeps one in templates/strings/errors/<feature>.ts. */
export type ErrorCatalog = Record<Locale, Record<string, (p: ErrorParams) => string>>;
