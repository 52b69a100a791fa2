// The Prisma client on the better-sqlite3 driver adapter (no Prisma engine binary).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

/** The database handle passed to every use case. */
export type Db = PrismaClient;

/** A transaction handle: what use cases write through when a change and its audit row go together. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Opens the database at `dbPath`; a busy timeout lets concurrent writers wait instead of failing. */
export function createDb(dbPath: string): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${dbPath}`, timeout: 5000 }) });
}
