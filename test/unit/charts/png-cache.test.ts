// The console's chart picture cache: the page and a second tab (or two polls) asking for the same picture at
// once must draw it once; a drawing that failed is tried again; the cache stays bounded.
import { describe, expect, it } from "vitest";
import { PngCache } from "../../../src/adapters/charts/png-cache.js";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("PngCache", () => {
  it("two requests at once for one picture draw it once, and both get it", async () => {
    const cache = new PngCache(8);
    const drawing = deferred<Buffer>();
    let draws = 0;
    const draw = () => (draws++, drawing.promise);
    const first = cache.get("msg-1/0/v1", draw);
    const second = cache.get("msg-1/0/v1", draw);
    drawing.resolve(Buffer.from("png-1"));
    expect((await Promise.all([first, second])).map(String)).toEqual(["png-1", "png-1"]);
    expect(await cache.get("msg-1/0/v1", draw).then(String)).toBe("png-1");
    expect(draws).toBe(1);
  });

  it("a failed drawing is not kept: the next request draws again", async () => {
    const cache = new PngCache(8);
    let draws = 0;
    const failing = () => (draws++, Promise.reject(new Error("font unreadable")));
    await expect(cache.get("v", failing)).rejects.toThrow("font unreadable");
    expect(await cache.get("v", () => (draws++, Promise.resolve(Buffer.from("ok")))).then(String)).toBe("ok");
    expect(draws).toBe(2);
  });

  it("keeps the newest pictures only", async () => {
    const cache = new PngCache(2);
    let draws = 0;
    const draw = (s: string) => () => (draws++, Promise.resolve(Buffer.from(s)));
    for (const key of ["a", "b", "c"]) await cache.get(key, draw(key));
    await cache.get("c", draw("c"));
    await cache.get("b", draw("b"));
    expect(draws).toBe(3);
    await cache.get("a", draw("a"));
    expect(draws).toBe(4);
  });
});
