// The Prisma client on a driver adapter (no Prisma engine binary): better-sqlite3 for the embedded default,
// pg for PostgreSQL. Both clients come from one model definition (prisma/postgres is generated from
// prisma/schema.prisma), so the code is written once against the SQLite client's types. Each client and its
// adapter is imported only when that database is opened: a service loads one of them, not both.
import type { PrismaClient } from "../generated/prisma/client.js";
import { groupFlush, setDurableFlush, sqliteWalFlush } from "./durable.js";
import { withMarkedTransactions, withTransactionGate } from "./sqlite-gate.js";
import { withTransactionRecovery } from "./sqlite-transactions.js";

/** The database handle passed to every use case. */
export type Db = PrismaClient;

/** A transaction handle: what use cases write through when a change and its audit row go together. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Which database a DATABASE_URL names. */
export function databaseKind(url: string): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/**
 * Opens the SQLite file at `dbPath`; a busy timeout lets concurrent writers wait instead of failing. better-sqlite3
 * builds SQLite with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: in WAL mode a commit reaches the OS but not the disk, so
 * the inbox flushes the WAL itself before a platform is answered (durable.ts). A transaction whose COMMIT fails
 * (a full disk) is rolled back and its connection lock released (sqlite-transactions.ts).
 */
export async function createDb(dbPath: string): Promise<Db> {
  const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([import("../generated/prisma/client.js"), import("@prisma/adapter-better-sqlite3")]);
  // One connection for every request: plain statements wait while a transaction is open (sqlite-gate.ts), and a
  // transaction whose COMMIT failed still ends (sqlite-transactions.ts, which ends it through the gate's tx).
  const db = withMarkedTransactions(
    new PrismaClient({ adapter: withTransactionRecovery(withTransactionGate(new PrismaBetterSQLite3({ url: `file:${dbPath}`, timeout: 5000 }))) }),
  );
  setDurableFlush(db, groupFlush(sqliteWalFlush(dbPath)));
  return db;
}

/**
 * Opens PostgreSQL. The generated clients differ only in the SQL they emit; the code base uses the subset
 * both databases share (no SQLite- or PostgreSQL-only filters), so the PostgreSQL client stands in for the
 * SQLite one's type.
 */
export async function createPostgresDb(connectionString: string): Promise<Db> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("../generated/prisma-pg/client.js"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) }) as unknown as Db;
}
