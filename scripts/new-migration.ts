// npm run migrate:new -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes a database from the committed migrations to the current schema.prisma, then the PostgreSQL twin
// (npm run db:postgres). `prisma migrate dev` needs a shadow database, which the driver-adapter setup here
// refuses, so: apply the migrations to a scratch file, introspect it, and diff that datamodel to the schema.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateSqlite } from "../src/db/migrate.js";
import { MIGRATIONS_DIR } from "../src/service.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migrate:new -- <name in snake_case>");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "mediaops-newmig-"));
try {
  const scratch = join(dir, "scratch.db");
  migrateSqlite(scratch, MIGRATIONS_DIR);
  const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
  const pulled = execFileSync("npx", ["prisma", "db", "pull", "--print"], { env: { ...env, DATABASE_URL: `file:${scratch}` }, stdio: ["ignore", "pipe", "pipe"] }).toString();
  // The CLI prints a driver-adapter warning on stdout before the datamodel.
  const datamodel = pulled.slice(pulled.indexOf("generator client"));
  writeFileSync(join(dir, "current.prisma"), datamodel);
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", join(dir, "current.prisma"), "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
    env: { ...env, DATABASE_URL: `file:${join(dir, "cli.db")}` },
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
  if (!/^(CREATE|ALTER|DROP|INSERT|PRAGMA|UPDATE)/m.test(sql)) {
    console.log("schema.prisma and the migrations already agree: nothing to write");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql);
  console.log(`wrote ${folder}/migration.sql; now run npm run db:postgres for the PostgreSQL twin`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
