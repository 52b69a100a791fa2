// Who and where a request comes from is read once and remembered (src/app/identity/cache.ts): a repeated
// request costs only its own statements, and a change announced with identitiesChanged() — by this process or
// by another replica on the same database — is honoured on the very next request; a change made by hand in the
// database is seen within CACHE_TTL_MS. /topic list reads only the columns its card shows.
// Breaks tried: remembered() always loading fails "reads no identity, channel or team row" and "made by hand";
// checkIdentities() not forgetting on a new version fails "announced here" and "announced by another replica".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/app/deps.js";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { CACHE_TTL_MS, identitiesChanged } from "../../src/app/identity/cache.js";
import type { Db, Tx } from "../../src/db/client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.dispose());

/** `handle` types `text` in the console's topics channel. */
const say = (deps: AppDeps, handle: string, text: string) =>
  handleInbound(deps, { kind: "command", actor: { platform: "console", tenant: "local", externalId: handle }, conversation: { platform: "console", externalId: "topics" }, text });

async function propose(title: string): Promise<number> {
  expect(await say(svc.deps, "emma", `/topic propose ${title} --platform weibo`)).toMatchObject({ ok: true });
  return (await svc.deps.db.topic.findFirstOrThrow({ where: { title }, select: { id: true } })).id;
}

const setRoles = (db: Db | Tx, handle: string, roles: string[]) => db.user.updateMany({ where: { handle }, data: { rolesJson: JSON.stringify(roles) } });

/** A second Prisma client on the service's database that records every statement (Prisma query events). */
async function countingDb(url: string): Promise<{ db: Db; statements: string[] }> {
  const statements: string[] = [];
  const log = [{ emit: "event", level: "query" }] as const;
  if (url.startsWith("postgres")) {
    const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("../../src/generated/prisma-pg/client.js"), import("@prisma/adapter-pg")]);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [...log] });
    db.$on("query", (e) => statements.push(e.query));
    return { db: db as unknown as Db, statements };
  }
  const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([import("../../src/generated/prisma/client.js"), import("@prisma/adapter-better-sqlite3")]);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: url, timeout: 5000 }), log: [...log] });
  db.$on("query", (e) => statements.push(e.query));
  return { db, statements };
}

describe("identity, channel and team remembered between requests", () => {
  it("a repeated /topic list reads no identity, channel or team row, and still shows the backlog", async () => {
    await propose("缓存测试选题");
    const { db, statements } = await countingDb(svc.databaseUrl);
    const deps: AppDeps = { ...svc.deps, db };
    try {
      expect(await say(deps, "chen.jie", "/topic list")).toMatchObject({ ok: true });
      const first = statements.splice(0).length;
      const again = await say(deps, "chen.jie", "/topic list");
      expect(again).toMatchObject({ ok: true, delivered: [expect.objectContaining({ platform: "console" })] });
      const lookups = statements.filter((s) => /FROM\s+\S*["`](PlatformIdentity|Channel|Team)["`]/.test(s));
      expect(lookups).toEqual([]);
      expect(statements.length).toBeLessThan(first);
      // The list reads the columns its card shows, not the whole topic.
      const list = statements.find((s) => /FROM\s+\S*["`]Topic["`]/.test(s));
      expect(list).toMatch(/title/);
      expect(list).not.toMatch(/angle|references|reason|proposerId/);
      const reply = await svc.deps.db.outboxMessage.findFirstOrThrow({ where: { template: "topic.list" }, orderBy: { id: "desc" } });
      expect(reply.modelJson).toContain("缓存测试选题");
    } finally {
      await db.$disconnect();
    }
  });

  it("a role given or taken away and announced here is honoured on the next request", async () => {
    const first = await propose("角色变更立即生效");
    expect(await say(svc.deps, "chen.jie", `/topic accept ${first}`)).toMatchObject({ ok: false, kind: "refused" });
    await setRoles(svc.deps.db, "chen.jie", ["operator", "manager"]);
    await identitiesChanged(svc.deps.db);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${first}`)).toMatchObject({ ok: true });

    const second = await propose("撤销角色立即生效");
    await setRoles(svc.deps.db, "chen.jie", ["operator"]);
    await identitiesChanged(svc.deps.db);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${second}`)).toMatchObject({ ok: false, kind: "refused" });
  });

  it("a role taken away and announced by another replica is refused here on the next request", async () => {
    const [a, b] = [await propose("其他副本撤销角色一"), await propose("其他副本撤销角色二")];
    await setRoles(svc.deps.db, "chen.jie", ["operator", "manager"]);
    await identitiesChanged(svc.deps.db);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${a}`)).toMatchObject({ ok: true }); // remembered as a manager
    const other = await countingDb(svc.databaseUrl); // the other replica's own connection
    try {
      await other.db.$transaction(async (tx) => {
        await setRoles(tx, "chen.jie", ["operator"]);
        await identitiesChanged(tx);
      });
    } finally {
      await other.db.$disconnect();
    }
    expect(await say(svc.deps, "chen.jie", `/topic accept ${b}`)).toMatchObject({ ok: false, kind: "refused" });
  });

  it("a change made by hand in the database (not announced) is seen once CACHE_TTL_MS has passed", async () => {
    const id = await propose("手工修改数据库");
    expect(await say(svc.deps, "chen.jie", "/topic list")).toMatchObject({ ok: true }); // remembered as an operator
    await setRoles(svc.deps.db, "chen.jie", ["operator", "manager"]);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${id}`)).toMatchObject({ ok: false, kind: "refused" });
    svc.clock.advance(CACHE_TTL_MS);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${id}`)).toMatchObject({ ok: true });
    await setRoles(svc.deps.db, "chen.jie", ["operator"]);
    await identitiesChanged(svc.deps.db);
  });
});
