import { describe, expect, it } from "vitest";
import { checkIngestItem, csvToRawItems, DEFAULT_SLA_POLICIES, figuresBy, isUtf8, parseCsv, pickPolicy, quantile, ZSlaPolicy } from "../../../src/domain/sla/index.js";

describe("policies", () => {
  const policies = [
    ...DEFAULT_SLA_POLICIES,
    ZSlaPolicy.parse({ name: "vip", platform: "weibo", account: "brand-weibo", targetMinutes: 60 }),
  ];
  it("picks the most specific match", () => {
    expect(pickPolicy(policies, { platform: "douyin", account: "x", kind: "complaint" })?.name).toBe("complaints");
    expect(pickPolicy(policies, { platform: "douyin", account: "x", kind: "comment" })?.name).toBe("comments");
    expect(pickPolicy(policies, { platform: "weibo", account: "brand-weibo", kind: "complaint" })?.name).toBe("vip");
  });
  it("sorts warn points and refuses impossible ones", () => {
    expect(ZSlaPolicy.parse({ name: "a", targetMinutes: 60, warnAt: [0.8, 0.5, 0.8] }).warnAt).toEqual([0.5, 0.8]);
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 60, warnAt: [1.2] }).success).toBe(false);
    expect(ZSlaPolicy.safeParse({ name: "a", targetMinutes: 0 }).success).toBe(false);
  });
});

describe("figures", () => {
  it("computes nearest-rank median and p90", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([30, 10, 20], 0.5)).toBe(20);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
  it("groups and counts breaches, unanswered items included", () => {
    const f = figuresBy(
      [
        { platform: "douyin", account: "a", person: "陈杰", responseMinutes: 30, breached: false },
        { platform: "douyin", account: "a", person: "陈杰", responseMinutes: 90, breached: true },
        { platform: "douyin", account: "a", breached: true },
        { platform: "weibo", account: "b", person: "Emma", responseMinutes: 10, breached: false },
      ],
      (s) => s.platform,
    );
    expect(f[0]).toEqual({ key: "douyin", count: 3, answered: 2, medianMinutes: 30, p90Minutes: 90, breachRate: 2 / 3 });
  });
});

describe("intake checks", () => {
  const now = new Date("2026-11-26T02:00:00Z");
  const good = { platform: "douyin", account: "brand", kind: "comment", externalId: "c1", author: "u", text: "hi", createdAt: "2026-11-26T09:30:00+08:00" };
  it("accepts a good item", () => {
    const r = checkIngestItem(good, now);
    expect(r.ok && r.item.createdAt.toISOString()).toBe("2026-11-26T01:30:00.000Z");
  });
  it("takes an item without a kind as a comment (as the CSV import and /sla log do)", () => {
    const { kind: _kind, ...noKind } = good;
    const r = checkIngestItem(noKind, now);
    expect(r.ok && r.item.kind).toBe("comment");
    const csv = csvToRawItems("platform,account,externalId,text,createdAt\ndouyin,brand,c9,好,2026-11-26T09:00:00+08:00\n");
    const row = csv.rows[0]!;
    expect(row.ok && checkIngestItem(row.raw, now)).toMatchObject({ ok: true, item: { kind: "comment" } });
  });
  it.each([
    [{ ...good, platform: "myspace" }, "unknown platform"],
    [{ ...good, createdAt: "2026-11-26T12:00:00+08:00" }, "in the future"],
    [{ ...good, text: "长".repeat(2001) }, "longer than 2000"],
    [{ ...good, createdAt: "yesterday" }, "ISO 8601"],
    [{ ...good, externalId: undefined }, "externalId"],
    ["not an object", "expected object"],
  ])("refuses %j with a reason", (raw, reason) => {
    const r = checkIngestItem(raw, now);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(reason);
  });
});

describe("CSV", () => {
  it("parses quotes, doubled quotes, CRLF and a BOM", () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([["a", "b"], ["x, y", 'say "hi"']]);
    expect(() => parseCsv('a\n"open')).toThrow(/not closed/);
  });
  it("maps rows by header (Chinese headers too) and reports rows with missing columns", () => {
    const { rows } = csvToRawItems("平台,账号,类型,编号,内容,时间\ndouyin,brand,comment,c1,好,2026-11-26T09:00:00+08:00\ndouyin,brand\n");
    expect(rows[0]).toEqual({ line: 2, ok: true, raw: { platform: "douyin", account: "brand", kind: "comment", externalId: "c1", text: "好", createdAt: "2026-11-26T09:00:00+08:00" } });
    expect(rows[1]).toEqual({ line: 3, ok: false, error: "expected 6 columns, found 2" });
    expect(csvToRawItems("platform,text\n").headerError).toContain("account, externalId, createdAt");
  });
  it("tells UTF-8 from GBK bytes", () => {
    expect(isUtf8(Buffer.from("评论", "utf8"))).toBe(true);
    expect(isUtf8(Uint8Array.from([0xc6, 0xc0, 0xc2, 0xdb]))).toBe(false); // 评论 in GBK
  });
});

describe("CSV records, local times and Chinese values", () => {
  it("numbers records by the physical line they start on, quoted newlines included", async () => {
    const { parseCsvRecords } = await import("../../../src/domain/sla/index.js");
    expect(parseCsvRecords('h1,h2\r\n"a\r\nb",c\n\nd,"e,\nf"\ng,h')).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["a\r\nb", "c"] },
      { line: 5, fields: ["d", "e,\nf"] },
      { line: 7, fields: ["g", "h"] },
    ]);
    expect(() => parseCsvRecords('a\nb\n"open\nmore')).toThrow("a quoted field opened on line 3 is not closed");
  });
  it("reads zone-less export times on the team's clock and maps 抖音 / 私信", async () => {
    const { localCsvTime } = await import("../../../src/domain/sla/index.js");
    expect(localCsvTime("2026-11-26 09:30", "Asia/Shanghai")).toBe("2026-11-26T01:30:00.000Z");
    expect(localCsvTime("2026/1/5 23:59:30", "Asia/Shanghai")).toBe("2026-01-05T15:59:30.000Z");
    expect(localCsvTime("2026-02-30 09:30", "Asia/Shanghai")).toBeUndefined();
    expect(localCsvTime("yesterday", "Asia/Shanghai")).toBeUndefined();
    const { rows } = csvToRawItems("平台,账号,类型,编号,时间\n抖音,a,私信,x1,2026-11-26 09:30\n", { zone: "Asia/Shanghai" });
    expect(rows[0]).toEqual({ line: 2, ok: true, raw: { platform: "douyin", account: "a", kind: "dm", externalId: "x1", createdAt: "2026-11-26T01:30:00.000Z" } });
  });
});
