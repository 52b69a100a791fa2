// Who and where a request comes from is read once and remembered (src/app/identity/cache.ts): a repeated
// request costs only its own statements, a role change made here is honoured on the very next request
// (forgetIdentities), and one made elsewhere (another replica) within CACHE_TTL_MS.
// Breaks tried: remembered() always loading fails "reads no identity, channel or team" and "a change made
// elsewhere"; forgetIdentities() doing nothing fails "a role taken away here".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/app/deps.js";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { CACHE_TTL_MS, forgetIdentities } from "../../src/app/identity/cache.js";
import type { Db } from "../../src/db/client.js";
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

const setRoles = (handle: string, roles: string[]) => svc.deps.db.user.updateMany({ where: { handle }, data: { rolesJson: JSON.stringify(roles) } });

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

  it("a role given here is honoured on the next request; a role taken away here is refused on the next", async () => {
    const first = await propose("角色变更立即生效");
    expect(await say(svc.deps, "chen.jie", `/topic accept ${first}`)).toMatchObject({ ok: false, kind: "refused" });
    await setRoles("chen.jie", ["operator", "manager"]);
    forgetIdentities(svc.deps.db);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${first}`)).toMatchObject({ ok: true });

    const second = await propose("撤销角色立即生效");
    await setRoles("chen.jie", ["operator"]);
    forgetIdentities(svc.deps.db);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${second}`)).toMatchObject({ ok: false, kind: "refused" });
  });

  it("a change made elsewhere (another replica) is seen once CACHE_TTL_MS has passed", async () => {
    const id = await propose("其他副本的角色变更");
    expect(await say(svc.deps, "chen.jie", "/topic list")).toMatchObject({ ok: true }); // remembered as an operator
    await setRoles("chen.jie", ["operator", "manager"]); // no forgetIdentities: this process was not told
    expect(await say(svc.deps, "chen.jie", `/topic accept ${id}`)).toMatchObject({ ok: false, kind: "refused" });
    svc.clock.advance(CACHE_TTL_MS);
    expect(await say(svc.deps, "chen.jie", `/topic accept ${id}`)).toMatchObject({ ok: true });
    await setRoles("chen.jie", ["operator"]);
    forgetIdentities(svc.deps.db);
  });
});
