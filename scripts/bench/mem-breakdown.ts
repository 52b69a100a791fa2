// Diagnostic (not run by npm run bench): resident memory after loading each part of the service, to see what
// the idle RSS is made of. Run: node --expose-gc --import tsx scripts/bench/mem-breakdown.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DIR = mkdtempSync(join(tmpdir(), "mediaops-mem-"));
const DB = join(DIR, "mem.db");
const rss = () => (process.memoryUsage().rss / 1048576).toFixed(0);
const step = async (name: string, f: () => Promise<unknown>) => { await f(); (globalThis as { gc?: () => void }).gc?.(); console.log(rss().padStart(5), "MB after", name); };
await step("tsx + node", async () => {});
await step("fastify + pino", () => Promise.all([import("fastify"), import("pino")]));
await step("@slack/bolt", () => import("@slack/bolt"));
await step("prisma sqlite client + adapter", () => Promise.all([import("../../src/generated/prisma/client.js"), import("@prisma/adapter-better-sqlite3")]));
await step("prisma pg client + adapter + pg", () => Promise.all([import("../../src/generated/prisma-pg/client.js"), import("@prisma/adapter-pg")]));
await step("@larksuiteoapi/node-sdk", () => import("@larksuiteoapi/node-sdk"));
await step("src/service.ts (the rest)", () => import("../../src/service.js"));
const { createDb } = await import("../../src/db/client.js");
const { migrateSqlite } = await import("../../src/db/migrate.js");
const { MIGRATIONS_DIR } = await import("../../src/service.js");
await step("open SQLite + first query", async () => { migrateSqlite(DB, MIGRATIONS_DIR, () => new Date()); const db = await createDb(DB); await db.team.findMany(); });
console.log("heap used", (process.memoryUsage().heapUsed / 1048576).toFixed(0), "MB; external", (process.memoryUsage().external / 1048576).toFixed(0), "MB; arrayBuffers", (process.memoryUsage().arrayBuffers / 1048576).toFixed(0));

rmSync(DIR, { recursive: true, force: true });
