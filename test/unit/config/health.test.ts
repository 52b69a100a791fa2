import { describe, expect, it } from "vitest";
import { createServer } from "../../../src/http/server.js";
import { createLogger } from "../../../src/lib/logger.js";

describe("GET /healthz", () => {
  it("answers 200 ok while the database answers, 503 when it does not", async () => {
    let up = true;
    const app = createServer({ log: createLogger("silent"), probeDatabase: async () => { if (!up) throw new Error("SQLITE_CANTOPEN"); } });
    expect((await app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    up = false;
    const down = await app.inject({ url: "/healthz" });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    await app.close();
  });
  it("answers oversized bodies with 413 and unknown paths with 404, in the {error} shape", async () => {
    const app = createServer({ log: createLogger("silent"), probeDatabase: async () => {} });
    app.post("/echo", async () => ({ ok: true }));
    const big = await app.inject({ method: "POST", url: "/echo", headers: { "content-type": "application/json" }, payload: JSON.stringify({ x: "a".repeat(300_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatch(/larger than/);
    expect((await app.inject({ url: "/nope" })).statusCode).toBe(404);
    await app.close();
  });
});
