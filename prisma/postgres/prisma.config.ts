// Prisma CLI configuration for the generated PostgreSQL schema (WebAssembly engine, pg driver adapter).
// Used to write migration SQL (`migrate diff`, which needs no database of its own) and to generate the client.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  },
});
