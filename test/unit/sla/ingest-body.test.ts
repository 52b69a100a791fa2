// The items of a /ingest/comments body: itemsOfBody reads the same three shapes ZIngestBodyWire documents, and
// keeps a bad item as an item (reported on its own) rather than refusing the body.
import { describe, expect, it } from "vitest";
import { itemsOfBody, ZIngestBodyWire } from "../../../src/domain/sla/intake.js";

const item = (externalId: string) => ({ platform: "douyin", account: "brand-douyin", externalId, createdAt: "2026-11-26T09:30:00+08:00" });

describe("itemsOfBody", () => {
  it("takes the items out of each documented shape, as ZIngestBodyWire reads them", () => {
    const bodies: [unknown, string[]][] = [
      [item("one"), ["one"]],
      [[item("a"), item("b")], ["a", "b"]],
      [{ items: [item("c"), item("d")] }, ["c", "d"]],
    ];
    for (const [body, ids] of bodies) {
      expect(ZIngestBodyWire.safeParse(body).success).toBe(true);
      expect(itemsOfBody(body).map((i) => (i as { externalId: string }).externalId)).toEqual(ids);
    }
  });

  it("keeps an item the schema refuses as an item of the batch, and anything else as one item", () => {
    const bad = { platform: "myspace", externalId: "x" };
    expect(ZIngestBodyWire.safeParse({ items: [item("ok"), bad] }).success).toBe(false);
    expect(itemsOfBody({ items: [item("ok"), bad] })).toEqual([item("ok"), bad]);
    expect(itemsOfBody([])).toEqual([]);
    expect(itemsOfBody({ items: "not a list" })).toEqual([{ items: "not a list" }]);
    expect(itemsOfBody(42)).toEqual([42]);
  });
});
