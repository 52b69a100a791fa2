// Recognising database refusals that are part of normal concurrency, on either database.

/** True for Prisma's unique-constraint error (P2002): someone else inserted the same key first. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002" || String(err).includes("Unique constraint");
}

/**
 * True when the database refused to store anything: full disk (SQLITE_FULL, PostgreSQL 53100), a read-only
 * file or connection (SQLITE_READONLY, 25006), an I/O error, or a transaction the driver already closed after
 * such a failure (P2028). Nothing of the failed change was kept; the same write can succeed once it ends.
 */
export function isStorageFailure(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? "");
  if (/^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(code) || code === "P2028" || code === "53100" || code === "25006") return true;
  return /database or disk is full|readonly database|read-only transaction|disk I\/O error|No space left on device|Transaction already closed/i.test(String(err));
}
