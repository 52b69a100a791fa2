// Recognising database refusals that are part of normal concurrency, on either database.

/** True for Prisma's unique-constraint error (P2002): someone else inserted the same key first. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002" || String(err).includes("Unique constraint");
}
