// Signed metric intake: JSON and CSV (UTF-8 and GBK), all-or-nothing with a per-row report, replay-safe signing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIngestRequest } from "../../src/adapters/ingest/verify.js";
import { startTestService, type TestService } from "../support/service.js";

const SECRET = "kpi-ingest-test-secret-0123456789";
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { MEDIAOPS_INGEST_SECRET: SECRET } });
});
afterAll(() => svc.dispose());

function post(body: Buffer | string, contentType: string, opts: { secret?: string; ts?: number } = {}) {
  const ts = String(opts.ts ?? Math.floor(svc.clock.now().getTime() / 1000));
  return svc.app.inject({
    method: "POST",
    url: "/ingest/metrics",
    payload: body,
    headers: { "content-type": contentType, "x-mediaops-timestamp": ts, "x-mediaops-signature": signIngestRequest(opts.secret ?? SECRET, ts, body) },
  });
}

describe("POST /ingest/metrics", () => {
  it("stores a signed JSON batch and replaces a re-sent value, keeping its history", async () => {
    const body = JSON.stringify({ metrics: [{ platform: "douyin", account: "brand", metric: "reads", day: "2026-11-25", value: 1000 }, { platform: "公众号", metric: "新增粉丝", day: "2026-11-25", value: "1.2万" }] });
    const res = await post(body, "application/json");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, stored: { created: 2, replaced: 0 } });
    const again = await post(JSON.stringify({ metrics: [{ platform: "douyin", account: "brand", metric: "reads", day: "2026-11-25", value: 1100 }] }), "application/json");
    expect(again.json()).toMatchObject({ ok: true, stored: { created: 0, replaced: 1 } });
    expect((await svc.deps.db.metricValue.findFirstOrThrow({ where: { account: "brand" } })).value).toBe(1100);
    expect(await svc.deps.db.metricValueHistory.count()).toBe(1);
    expect((await svc.deps.db.metricValue.findFirstOrThrow({ where: { platform: "wechat_oa" } })).value).toBe(12000);
  });

  it("refuses bad signatures and stale timestamps", async () => {
    const body = JSON.stringify({ metrics: [] });
    expect((await post(body, "application/json", { secret: "wrong-secret-wrong-secret" })).statusCode).toBe(401);
    const stale = await post(body, "application/json", { ts: Math.floor(svc.clock.now().getTime() / 1000) - 301 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error).toBe("stale_timestamp");
  });

  it("reports every bad row and stores none of the batch", async () => {
    const before = await svc.deps.db.metricValue.count();
    const csv = "platform,account,metric,day,value\ndouyin,main,reads,2026-11-24,500\nmyspace,main,reads,2026-11-24,5\ndouyin,main,reads,2026-11-24,abc\ndouyin,main,reads,2026-12-24,5\ndouyin,main,interaction_rate,2026-11-24,0.1\n";
    const res = await post(csv, "text/csv");
    expect(res.statusCode).toBe(422);
    const report = res.json() as { ok: boolean; encoding: string; errors: { row: number; code: string; message: string }[] };
    expect(report.encoding).toBe("utf-8");
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, "kpi.unknown_platform"], [4, "kpi.bad_value"], [5, "kpi.future_day"], [6, "kpi.derived_metric"]]);
    expect(report.errors[1]!.message).toBe('"abc" is not a number. Write it as 12345, 12,345, 1.2万 or 3.4%.');
    expect(await svc.deps.db.metricValue.count()).toBe(before);
  });

  it("reads a GBK export with Chinese headers and says so", async () => {
    const text = "平台,账号,指标,日期,数值\r\n微博,官方号,阅读量,2026-11-25,\"3,456\"\r\n";
    const gbk = Buffer.from(new Uint8Array([...gbkEncode(text)]));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const res = await post(gbk, "text/csv");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, encoding: "gbk", stored: { created: 1 } });
    const row = await svc.deps.db.metricValue.findFirstOrThrow({ where: { platform: "weibo" } });
    expect([row.account, row.metric, row.value]).toEqual(["官方号", "reads", 3456]);
  });
});

/** A tiny GBK encoder for the test's characters (Node decodes GBK but has no encoder). */
function gbkEncode(text: string): number[] {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    const ch = decoder.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f]));
}
