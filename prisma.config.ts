// Prisma CLI configuration for these machines: the WebAssembly schema engine and the better-sqlite3 driver
// adapter, so no Prisma engine binary is downloaded (see README, "Database").
import { defineConfig } from "prisma/config";
import { mkdirSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    mkdirSync("data", { recursive: true }); // the CLI opens the database even for a schema diff
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/mediaops.db" });
  },
});
