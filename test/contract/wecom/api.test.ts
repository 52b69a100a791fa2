// The WeCom API client against a fake API on 127.0.0.1: the access token is cached on the injected clock and
// refreshed five minutes before it expires (or at once when WeCom says it is invalid); the robot's rate limit.
import { afterEach, describe, expect, it } from "vitest";
import { TOKEN_REFRESH_MARGIN_MS, WecomApi, WecomApiError } from "../../../src/adapters/wecom/api.js";
import { RateLimitedError, TokenBucket } from "../../../src/adapters/wecom/rate-limit.js";
import { FakeClock } from "../../fakes/fake-clock.js";
import { startFakeApi, type FakeApi } from "../../support/fake-api.js";

let fake: FakeApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(opts: { failFirstSendWith?: number } = {}) {
  let tokens = 0;
  let failures = opts.failFirstSendWith ? 1 : 0;
  fake = await startFakeApi((call) => {
    if (call.path === "/cgi-bin/gettoken") return { body: { errcode: 0, errmsg: "ok", access_token: `tok-${++tokens}`, expires_in: 7200 } };
    if (call.path === "/cgi-bin/message/send") {
      if (failures-- > 0) return { body: { errcode: opts.failFirstSendWith, errmsg: "access_token expired" } };
      return { body: { errcode: 0, errmsg: "ok", msgid: "m1" } };
    }
    return undefined;
  });
  const clock = new FakeClock("2026-11-26T02:00:00Z");
  const api = new WecomApi({ baseUrl: fake.url, corpId: "wwcorp", secret: "s3cret", clock });
  return { api, clock, fake };
}

describe("WecomApi access token", () => {
  it("fetches once, reuses it until expires_in − 5 min, then refreshes", async () => {
    const { api, clock, fake } = await setup();
    expect(await api.accessToken()).toBe("tok-1");
    expect(await api.accessToken()).toBe("tok-1");
    const gettoken = fake.find("GET", "/cgi-bin/gettoken");
    expect(gettoken).toHaveLength(1);
    expect(Object.fromEntries(gettoken[0]!.query)).toEqual({ corpid: "wwcorp", corpsecret: "s3cret" });
    clock.advance(7200_000 - TOKEN_REFRESH_MARGIN_MS - 1000);
    expect(await api.accessToken()).toBe("tok-1");
    clock.advance(2000);
    expect(await api.accessToken()).toBe("tok-2");
  });

  it("shares one fetch between concurrent callers and sends the token with each call", async () => {
    const { api, fake } = await setup();
    await Promise.all([api.sendMessage({ a: 1 }), api.sendMessage({ a: 2 }), api.accessToken()]);
    expect(fake.find("GET", "/cgi-bin/gettoken")).toHaveLength(1);
    expect(fake.find("POST", "/cgi-bin/message/send").map((c) => c.query.get("access_token"))).toEqual(["tok-1", "tok-1"]);
  });

  it("refreshes and retries once when WeCom answers 42001 (token expired)", async () => {
    const { api, fake } = await setup({ failFirstSendWith: 42001 });
    await expect(api.sendMessage({ touser: "u" })).resolves.toMatchObject({ msgid: "m1" });
    expect(fake.find("GET", "/cgi-bin/gettoken")).toHaveLength(2);
    expect(fake.find("POST", "/cgi-bin/message/send").map((c) => c.query.get("access_token"))).toEqual(["tok-1", "tok-2"]);
  });

  it("surfaces other errcodes as WecomApiError", async () => {
    const { api } = await setup({ failFirstSendWith: 81013 });
    await expect(api.sendMessage({})).rejects.toBeInstanceOf(WecomApiError);
  });
});

describe("TokenBucket (group robot: 20 messages a minute)", () => {
  it("allows 20 at once, then one every 3 s", () => {
    const clock = new FakeClock("2026-11-26T02:00:00Z");
    const bucket = new TokenBucket(20, 60_000, () => clock.now().getTime());
    for (let i = 0; i < 20; i++) bucket.take();
    expect(() => bucket.take()).toThrow(RateLimitedError);
    try {
      bucket.take();
    } catch (err) {
      expect((err as RateLimitedError).retryAfterMs).toBe(3000);
    }
    clock.advance(3000);
    bucket.take();
    expect(() => bucket.take()).toThrow(RateLimitedError);
    clock.advance(60_000);
    for (let i = 0; i < 20; i++) bucket.take();
    expect(() => bucket.take()).toThrow(RateLimitedError);
  });
});
