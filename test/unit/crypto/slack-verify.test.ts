import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { signSlackRequest, verifySlackSignature } from "../../../src/adapters/slack/verify.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/slack/${path}`, import.meta.url), "utf8");

// Slack's worked example (docs.slack.dev/authentication/verifying-requests-from-slack), see _source in the file.
const doc = JSON.parse(fixture("signature-test-vector.json")) as {
  signingSecret: string;
  timestamp: string;
  rawBody: string;
  signature: string;
};
const docNow = Number(doc.timestamp);

const SECRET = "test-signing-secret";
const NOW = 1_790_000_000;

// Written independently of the module so the scheme itself is checked, not the module against itself.
const reference = (secret: string, ts: string, body: string) =>
  `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;

describe("signSlackRequest", () => {
  it("reproduces Slack's documented signature", () => {
    expect(signSlackRequest(doc.signingSecret, doc.timestamp, doc.rawBody)).toBe(doc.signature);
  });

  it("hashes a Buffer body byte for byte, the same as its string form", () => {
    const body = fixture("slash-command.raw.txt");
    expect(signSlackRequest(SECRET, "1", Buffer.from(body, "utf8"))).toBe(reference(SECRET, "1", body));
  });

  it("signs bytes that are not valid UTF-8 without altering them", () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const want = `v0=${createHmac("sha256", SECRET).update(Buffer.concat([Buffer.from("v0:1:"), body])).digest("hex")}`;
    expect(signSlackRequest(SECRET, "1", body)).toBe(want);
  });
});

describe("verifySlackSignature", () => {
  const body = fixture("slash-command.raw.txt");
  const ts = String(NOW);
  const good = { signingSecret: SECRET, rawBody: body, timestamp: ts, signature: reference(SECRET, ts, body), nowSeconds: NOW };

  it("accepts Slack's documented example at its own time", () => {
    const input = { ...doc, rawBody: doc.rawBody, nowSeconds: docNow };
    expect(verifySlackSignature(input)).toEqual({ ok: true });
    expect(verifySlackSignature({ ...input, rawBody: Buffer.from(doc.rawBody) })).toEqual({ ok: true });
  });

  it("accepts a fresh, correctly signed request", () => {
    expect(verifySlackSignature(good)).toEqual({ ok: true });
  });

  it("refuses a tampered body or signature", () => {
    expect(verifySlackSignature({ ...good, rawBody: body.replace("94070", "94071") })).toEqual({ ok: false, reason: "bad_signature" });
    const flipped = good.signature.slice(0, -1) + (good.signature.endsWith("0") ? "1" : "0");
    expect(verifySlackSignature({ ...good, signature: flipped })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifySlackSignature({ ...good, signature: "v0=abc" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifySlackSignature({ ...good, signature: good.signature.replace("v0=", "v1=") })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature made with another secret", () => {
    expect(verifySlackSignature({ ...good, signature: reference("other", ts, body) })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses missing headers", () => {
    expect(verifySlackSignature({ ...good, timestamp: undefined })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifySlackSignature({ ...good, signature: undefined })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifySlackSignature({ ...good, signature: "" })).toEqual({ ok: false, reason: "missing_headers" });
  });

  it("refuses malformed timestamps", () => {
    for (const timestamp of ["abc", "-1", "1.5", "1e9", " 1790000000", "0x6AB0E680"]) {
      expect(verifySlackSignature({ ...good, timestamp })).toEqual({ ok: false, reason: "malformed_timestamp" });
    }
  });

  it("refuses stale timestamps and accepts the edge of the window", () => {
    const at = (delta: number) => {
      const t = String(NOW - delta);
      return verifySlackSignature({ ...good, timestamp: t, signature: reference(SECRET, t, body) });
    };
    expect(at(300)).toEqual({ ok: true });
    expect(at(301)).toEqual({ ok: false, reason: "stale_timestamp" });
    // A correct signature does not rescue an old request (replay).
    expect(verifySlackSignature({ ...doc, nowSeconds: docNow + 301 })).toEqual({ ok: false, reason: "stale_timestamp" });
  });

  it("refuses timestamps too far in the future (stricter than Bolt)", () => {
    const t = String(NOW + 301);
    expect(verifySlackSignature({ ...good, timestamp: t, signature: reference(SECRET, t, body) })).toEqual({
      ok: false,
      reason: "future_timestamp",
    });
    const edge = String(NOW + 300);
    expect(verifySlackSignature({ ...good, timestamp: edge, signature: reference(SECRET, edge, body) })).toEqual({ ok: true });
  });

  it("honours a custom tolerance", () => {
    const t = String(NOW - 60);
    const input = { ...good, timestamp: t, signature: reference(SECRET, t, body) };
    expect(verifySlackSignature({ ...input, toleranceSeconds: 30 })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(verifySlackSignature({ ...input, toleranceSeconds: 60 })).toEqual({ ok: true });
  });

  it("throws on an empty secret or a non-finite clock (configuration bugs)", () => {
    expect(() => verifySlackSignature({ ...good, signingSecret: "" })).toThrow(TypeError);
    expect(() => verifySlackSignature({ ...good, nowSeconds: Number.NaN })).toThrow(TypeError);
  });
});
