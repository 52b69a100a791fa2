// npm run migrate:new -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes a database from the committed migrations to the current schema.prisma. It applies the
// migrations to a scratch database (our migrator writes Prisma's own _prisma_migrations table), then lets
// `prisma migrate dev --create-only` compare that database with the schema.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
  const db = join(dir, "scratch.db");
  migrateSqlite(db, MIGRATIONS_DIR);
  execFileSync("npx", ["prisma", "migrate", "dev", "--create-only", "--skip-generate", "--name", name], {
    env: { ...process.env, DATABASE_URL: `file:${db}`, CHECKPOINT_DISABLE: "1" },
    stdio: "inherit",
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
