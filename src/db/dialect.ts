// The few places that need raw SQL (a batch claim, an aggregate) write it once for both databases with
// these helpers: numbered or positional placeholders, and how a DateTime parameter must be passed.

/** Which SQL the database speaks. */
export type SqlDialect = "sqlite" | "postgres";

/** The n-th (1-based) parameter placeholder. */
export function param(dialect: SqlDialect, n: number): string {
  return dialect === "postgres" ? `$${n}` : "?";
}

/** A placeholder for a DateTime parameter, typed so PostgreSQL compares it with a TIMESTAMP(3) column. */
export function timestampParam(dialect: SqlDialect, n: number): string {
  return dialect === "postgres" ? `CAST($${n} AS TIMESTAMP(3))` : "?";
}

/** A placeholder for an integer parameter (PostgreSQL cannot infer types inside VALUES lists). */
export function intParam(dialect: SqlDialect, n: number): string {
  return dialect === "postgres" ? `CAST($${n} AS INTEGER)` : "?";
}

/** A placeholder for a text parameter. */
export function textParam(dialect: SqlDialect, n: number): string {
  return dialect === "postgres" ? `CAST($${n} AS TEXT)` : "?";
}

/**
 * A DateTime as a raw-SQL parameter: the SQLite driver adapter stores ISO 8601 text ending "+00:00"
 * (comparisons are textual, so the format must match exactly); PostgreSQL takes the UTC ISO string and the
 * cast above.
 */
export function timestampValue(dialect: SqlDialect, d: Date | null): string | null {
  if (!d) return null;
  return dialect === "postgres" ? d.toISOString() : d.toISOString().replace("Z", "+00:00");
}
