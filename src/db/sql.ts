// Raw SQL fragments for the queries Prisma's query API cannot express in budget. They come from the Prisma
// runtime both generated clients share, so a query built here runs on whichever client DATABASE_URL opened,
// and building one loads neither client.
import { join, sqltag, type Sql as RuntimeSql } from "@prisma/client/runtime/client";

/** `Prisma.sql` and `Prisma.join`, as the generated clients export them. */
export const Prisma = { sql: sqltag, join };
/** A parameterised SQL fragment. */
export type Sql = RuntimeSql;
