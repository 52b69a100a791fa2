// JSON columns read back through zod: the database is an edge too.
import type { z } from "zod";

/** Parses a JSON column with `schema`; a corrupt value is a bug worth a loud error, not a silent default. */
export function readJson<T>(schema: z.ZodType<T>, raw: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`corrupt JSON in ${what}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`unexpected JSON in ${what}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
