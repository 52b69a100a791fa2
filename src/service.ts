// Builds and starts the whole service from a validated configuration. main.ts calls it for real; tests
// call it with a temporary database, port 0 and a fake clock.
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { TEnv } from "./config/env.js";
import { ConsoleChannel } from "./adapters/console/channel.js";
import { registerConsoleRoutes } from "./adapters/console/routes.js";
import { registerMetricIngest } from "./adapters/ingest/metrics-route.js";
import { startPlatforms } from "./adapters/start-platforms.js";
import { consoleStore } from "./app/console/console-messages.js";
import type { AppDeps } from "./app/deps.js";
import { Inbox } from "./app/inbox/inbox.js";
import { DEFAULT_TEAM_ID, seedDemoTeam } from "./app/seed/demo-team.js";
import { announceSetupCode, applyConfiguredAdmins, ensureEmptyTeam, parseAdminList } from "./app/identity/first-admin.js";
import { loadPlaybooksAtStart } from "./app/incidents/playbook-store.js";
import { buttonSigningKey } from "./app/settings.js";
import { refreshCalendarAdditions } from "./app/calendar/team-calendar.js";
import { createDb, createPostgresDb, databaseKind, type Db } from "./db/client.js";
import { ensureDatabaseFolder, sqlitePathFromUrl } from "./db/database-url.js";
import { withStartLock } from "./db/start-lock.js";
import { createServer } from "./http/server.js";
import { jobDefinitions } from "./jobs/definitions.js";
import { startScheduler, type JobDefinition, type Scheduler } from "./jobs/scheduler.js";
import type { Clock } from "./lib/clock.js";
import type { Log } from "./lib/logger.js";
import type { ChatChannel } from "./messaging/channel.js";
import type { ChatPlatform } from "./messaging/inbound.js";
import { registerIngestRoutes } from "./adapters/ingest/comments-route.js";

/** Where the committed migrations are, wherever the service is started from. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations", import.meta.url));
/** The generated PostgreSQL migrations (see scripts/gen-postgres-schema.ts). */
export const PG_MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/postgres/migrations", import.meta.url));

/** A running service. */
export interface RunningService {
  url: string;
  app: FastifyInstance;
  deps: AppDeps;
  /**
   * Resolves once the work platform connectors do after answering a request has finished: a test waits on it
   * before asserting that a request had no (further) effect, instead of sleeping for a guessed time.
   */
  idle(): Promise<void>;
  /** Every scheduled job (the service's and the platform connectors'); a test runs one with runJobOnce and a FakeClock. */
  jobs: JobDefinition[];
  /** Stops taking requests, lets in-flight ones finish, stops jobs, closes the database. */
  stop(): Promise<void>;
}

/** Options a test may override. */
export interface ServiceOptions {
  env: TEnv;
  clock: Clock;
  log: Log;
  /** Disable background jobs (tests drive the outbox themselves). */
  jobs?: boolean;
}

/**
 * Applies pending migrations and opens the database named by DATABASE_URL (SQLite file or PostgreSQL). The
 * migrator, driver and client of the other database are never imported (memory, start time).
 */
async function openDatabase(url: string, clock: Clock, log: Log): Promise<Db> {
  if (databaseKind(url) === "postgres") {
    const { migratePostgres } = await import("./db/migrate-pg.js");
    const migrated = await migratePostgres(url, PG_MIGRATIONS_DIR, () => clock.now());
    log.info({ database: "postgresql", applied: migrated.applied, alreadyApplied: migrated.alreadyApplied }, "database ready");
    return createPostgresDb(url);
  }
  const dbPath = sqlitePathFromUrl(url);
  ensureDatabaseFolder(dbPath);
  const { migrateSqlite } = await import("./db/migrate.js");
  const migrated = migrateSqlite(dbPath, MIGRATIONS_DIR, () => clock.now());
  log.info({ dbPath, applied: migrated.applied, alreadyApplied: migrated.alreadyApplied }, "database ready");
  return createDb(dbPath);
}

/**
 * A real team from an empty database: an empty team to join, the admins named in MEDIAOPS_ADMINS, and while the
 * team still has no admin, a one-time setup code printed in the log (src/app/identity/first-admin.ts).
 */
async function prepareTeam(db: Db, clock: Clock, log: Log, env: TEnv): Promise<void> {
  if (!env.MEDIAOPS_DEMO) await ensureEmptyTeam(db, clock, { timezone: env.MEDIAOPS_TIMEZONE, locale: env.MEDIAOPS_LOCALE });
  const team = (await db.team.findUnique({ where: { id: DEFAULT_TEAM_ID } })) ?? (await db.team.findFirst({ orderBy: { createdAt: "asc" } }));
  if (!team) return;
  await applyConfiguredAdmins(db, clock, log, team.id, parseAdminList(env.MEDIAOPS_ADMINS), { wecom: env.WECOM_CORP_ID });
  await announceSetupCode(db, clock, log, team.id);
}

/**
 * The health check's probe: a read, then a small write (a full disk or a read-only file answers reads but
 * refuses every change, and a replica that cannot save must be reported unhealthy).
 */
async function probeDatabase(db: Db, clock: Clock): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
  const at = clock.now().toISOString();
  await db.setting.upsert({ where: { key: "health.probe" }, create: { key: "health.probe", value: at }, update: { value: at } }).catch((err: unknown) => {
    throw Object.assign(new Error(`database cannot save: ${String(err)}`), { reason: "database cannot save" });
  });
}

/** Applies migrations, opens the database, seeds the demo team if asked, and starts listening. */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { env, clock, log } = opts;
  const db = await openDatabase(env.DATABASE_URL, clock, log);
  const channels = new Map<ChatPlatform, ChatChannel>([["console", new ConsoleChannel(consoleStore(db, clock))]]);
  const deps: AppDeps = { db, clock, log, channels, dialect: databaseKind(env.DATABASE_URL), buttonKey: "", crashBeforeSend: env.MEDIAOPS_FAULT_INJECTION === "crash-before-send" };
  const inbox = new Inbox(deps, { max: env.MEDIAOPS_INBOX_MAX });
  deps.inbox = inbox;
  // Replicas started together take turns at the first-start work (src/db/start-lock.ts).
  await withStartLock(env.DATABASE_URL, async () => {
    if (env.MEDIAOPS_DEMO && (await seedDemoTeam(db, clock, { timezone: env.MEDIAOPS_TIMEZONE, locale: env.MEDIAOPS_LOCALE }))) {
      log.info("seeded the demo team (users wang.fang, li.wei, zhang.min, chen.jie, liu.yang, emma); set MEDIAOPS_DEMO=0 to start empty");
    }
    await prepareTeam(db, clock, log, env);
    deps.buttonKey = await buttonSigningKey(db);
    await loadPlaybooksAtStart(deps);
    await refreshCalendarAdditions(db);
  });

  const app = createServer({ log, probeDatabase: () => probeDatabase(db, clock) });
  registerConsoleRoutes(app, { deps, defaultLocale: env.MEDIAOPS_LOCALE, token: env.MEDIAOPS_CONSOLE_TOKEN });
  registerIngestRoutes(app, { deps, secret: env.MEDIAOPS_INGEST_SECRET });
  if (env.MEDIAOPS_INGEST_SECRET) registerMetricIngest(app, deps, { secret: env.MEDIAOPS_INGEST_SECRET });
  const platforms = await startPlatforms(app, deps, env);
  inbox.start();

  const jobs: JobDefinition[] = [...jobDefinitions(deps), ...platforms.jobs];
  let scheduler: Scheduler | undefined;
  if (opts.jobs !== false && env.MEDIAOPS_JOBS) {
    scheduler = startScheduler(jobs, deps);
  }
  const address = await app.listen({ host: env.HOST, port: env.PORT });
  log.info({ url: address, console: `${address}/console` }, "mediaops is listening");
  return {
    url: address,
    app,
    deps,
    jobs,
    idle: async () => {
      await platforms.idle();
      await inbox.idle(); // stored events run and their cards sent
    },
    async stop() {
      await app.close();
      await platforms.stop();
      await inbox.stop();
      await scheduler?.stop();
      await db.$disconnect();
    },
  };
}
