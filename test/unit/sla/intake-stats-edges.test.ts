// What a sender of comments reads back when an item is refused (which item, and the field named once), the clock
// skew allowed on the minute, and the first-response figures a lead reads: groups in order, items without a
// group left out, a group with no items (policy-stats-intake.test.ts has the ordinary cases).
import { describe, expect, it } from "vitest";
import { checkIngestItem, figuresBy, figuresOf } from "../../../src/domain/sla/index.js";

const now = new Date("2026-11-26T02:00:00Z");
const good = { platform: "douyin", account: "brand", kind: "comment", externalId: "c1", author: "u", text: "hi", createdAt: "2026-11-26T09:30:00+08:00" };

describe("a refused item", () => {
  it("names the item it was sent as, when it has a textual id", () => {
    expect(checkIngestItem({ ...good, platform: "myspace" }, now)).toMatchObject({ ok: false, externalId: "c1" });
    expect(checkIngestItem({ ...good, platform: "myspace", externalId: 42 }, now)).toMatchObject({ ok: false, externalId: undefined });
    expect(checkIngestItem(null, now)).toMatchObject({ ok: false, externalId: undefined });
    expect(checkIngestItem({ ...good, createdAt: "2026-11-26T12:00:00+08:00" }, now)).toEqual({ ok: false, externalId: "c1", error: "createdAt is in the future" });
  });
  it("names the field once: before a reason that does not say it, not again in one that does", () => {
    const long = checkIngestItem({ ...good, author: "x".repeat(129) }, now);
    expect(!long.ok && long.error).toMatch(/^author: \S/);
    expect(checkIngestItem({ ...good, platform: "myspace" }, now)).toMatchObject({ ok: false, error: expect.stringMatching(/^unknown platform; known: /) });
    expect(checkIngestItem({ ...good, account: " " }, now)).toMatchObject({ ok: false, error: "account is required" });
  });
});

describe("clock skew", () => {
  it("accepts an item up to 5 minutes ahead of our clock, not a millisecond more", () => {
    expect(checkIngestItem({ ...good, createdAt: "2026-11-26T10:05:00+08:00" }, now).ok).toBe(true);
    expect(checkIngestItem({ ...good, createdAt: "2026-11-26T10:05:00.001+08:00" }, now).ok).toBe(false);
  });
});

describe("the text of an item", () => {
  it("may be 2,000 characters, counted as characters (an emoji is one), not 2,001", () => {
    expect(checkIngestItem({ ...good, text: "😀".repeat(2_000) }, now).ok).toBe(true);
    expect(checkIngestItem({ ...good, text: "好".repeat(2_001) }, now)).toMatchObject({ ok: false, error: "text is longer than 2000 characters" });
  });
});

describe("first-response figures by group", () => {
  const sample = (person: string | undefined, breached = false) => ({ platform: "douyin", account: "a", person, responseMinutes: person ? 10 : undefined, breached });
  it("put the largest group first, equal groups by name, and leave out items without a group", () => {
    const f = figuresBy([sample("Zoe"), sample("Emma"), sample("陈杰"), sample("陈杰"), sample(undefined, true)], (s) => s.person);
    expect(f.map((g) => [g.key, g.count])).toEqual([["陈杰", 2], ["Emma", 1], ["Zoe", 1]]);
  });
  it("give a group of no items no breach rate of NaN", () => {
    expect(figuresOf("nobody", [])).toEqual({ key: "nobody", count: 0, answered: 0, medianMinutes: null, p90Minutes: null, breachRate: 0 });
  });
});
