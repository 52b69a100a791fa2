// POST /ingest/comments over real HTTP (loopback): signatures good, wrong, missing and stale; malformed JSON;
// duplicates stored once; a mixed batch reported item by item; 503 while no secret is configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIngest } from "../../src/adapters/ingest/verify.js";
import { startTestService, type TestService } from "../support/service.js";

const SECRET = "e2e-ingest-secret-0123456789";
let svc: TestService;
let off: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { MEDIAOPS_INGEST_SECRET: SECRET } });
  off = await startTestService();
});
afterAll(async () => {
  await svc.dispose();
  await off.dispose();
});

function post(base: string, body: string, opts: { secret?: string; ts?: number; sign?: boolean } = {}) {
  const ts = String(opts.ts ?? Math.floor(svc.clock.now().getTime() / 1000));
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.sign !== false) Object.assign(headers, { "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(opts.secret ?? SECRET, ts, body) });
  return fetch(`${base}/ingest/comments`, { method: "POST", body, headers });
}
const item = (id: string, extra: Record<string, unknown> = {}) => ({ platform: "douyin", account: "brand-douyin", kind: "comment", externalId: id, author: "用户", text: "什么时候发货？", createdAt: "2026-11-26T09:30:00+08:00", ...extra });

describe("POST /ingest/comments", () => {
  it("stores one signed item and reports its deadline", async () => {
    const res = await post(svc.url, JSON.stringify(item("e2e-1")));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; results: { status: string; deadlineAt: string }[] };
    // Thursday 09:30 + 8 working hours: 150 minutes before lunch, 300 after, Friday 09:30.
    expect(body).toMatchObject({ accepted: 1, results: [{ status: "accepted", deadlineAt: "2026-11-27T01:30:00.000Z" }] });
  });

  it("refuses wrong, missing and stale signatures with 401 and stores nothing", async () => {
    const before = await svc.deps.db.slaItem.count();
    const body = JSON.stringify(item("e2e-unsigned"));
    const wrong = await post(svc.url, body, { secret: "another-secret-0123456789" });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toBe("the signature does not match the body");
    expect((await post(svc.url, body, { sign: false })).status).toBe(401);
    const stale = await post(svc.url, body, { ts: Math.floor(svc.clock.now().getTime() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: string }).error).toContain("more than 5 minutes old");
    expect((await post(svc.url, body, { ts: Math.floor(svc.clock.now().getTime() / 1000) + 301 })).status).toBe(401);
    // A body changed after signing (one byte) fails too.
    const ts = String(Math.floor(svc.clock.now().getTime() / 1000));
    const tampered = await fetch(`${svc.url}/ingest/comments`, { method: "POST", body: body.replace("用户", "用戶"), headers: { "content-type": "application/json", "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngest(SECRET, ts, body) } });
    expect(tampered.status).toBe(401);
    expect(await svc.deps.db.slaItem.count()).toBe(before);
  });

  it("answers malformed JSON with 400", async () => {
    const res = await post(svc.url, '{"platform": "douyin",');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("the body is not valid JSON");
  });

  it("reports a mixed batch item by item and stores a duplicate id once", async () => {
    const batch = [
      item("e2e-2"),
      item("e2e-1"), // already stored
      item("e2e-3", { platform: "myspace" }),
      item("e2e-4", { account: "nobody" }),
      item("e2e-5", { createdAt: "2026-11-27T09:30:00+08:00" }),
      item("e2e-6", { text: "长".repeat(2001) }),
      item("e2e-2"), // repeated within the batch
      item("e2e-7", { platform: "wechat_oa", account: "gh_demo_oa", kind: "dm" }),
    ];
    const res = await post(svc.url, JSON.stringify({ items: batch }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; duplicates: number; rejected: number; results: { status: string; error?: string }[] };
    expect([body.accepted, body.duplicates, body.rejected]).toEqual([2, 1, 5]);
    expect(body.results.map((r) => r.status)).toEqual(["accepted", "duplicate", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"]);
    expect(body.results[2]!.error).toContain("unknown platform");
    expect(body.results[3]!.error).toBe("unknown account douyin/nobody: an admin adds it with /sla account set douyin nobody @owner");
    expect(body.results[4]!.error).toBe("createdAt is in the future");
    expect(body.results[5]!.error).toContain("longer than 2000 characters");
    expect(body.results[6]!.error).toBe("externalId repeats item 0 of this batch");
    expect(await svc.deps.db.slaItem.count({ where: { externalId: { in: ["e2e-1", "e2e-2"] } } })).toBe(2);
    // A WeChat OA message: its 4 working hours (150 before lunch, 90 after) end at 15:00, well inside the 48-hour window.
    const dm = await svc.deps.db.slaItem.findFirstOrThrow({ where: { externalId: "e2e-7" } });
    expect(dm.windowEndsAt?.toISOString()).toBe("2026-11-28T01:30:00.000Z");
    expect(dm.deadlineAt.toISOString()).toBe("2026-11-26T07:00:00.000Z");
  });

  it("says it is not configured (503) when MEDIAOPS_INGEST_SECRET is unset", async () => {
    const res = await post(off.url, JSON.stringify(item("x")));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toContain("MEDIAOPS_INGEST_SECRET");
  });
});
