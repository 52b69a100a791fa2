import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config/env.js";

describe("configuration", () => {
  it("has working defaults for the embedded service", () => {
    expect(loadConfig({})).toMatchObject({ HOST: "127.0.0.1", PORT: 3000, DATABASE_URL: "file:./data/mediaops.db", MEDIAOPS_DEMO: true });
  });
  it("stops with one line naming the variable and what is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/^Configuration error: PORT .*\(got "eighty"\)$/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow('Configuration error: DATABASE_URL must be a file: URL such as file:./data/mediaops.db, or a postgresql:// URL (got "mysql://x")');
    expect(loadConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/mediaops" }).DATABASE_URL).toMatch(/^postgresql:/);
    expect(() => loadConfig({ MEDIAOPS_TIMEZONE: "Mars/Olympus" })).toThrow('Configuration error: MEDIAOPS_TIMEZONE is not an IANA time zone (got "Mars/Olympus")');
    expect(() => loadConfig({ MEDIAOPS_DEMO: "maybe" })).toThrow(/^Configuration error: MEDIAOPS_DEMO /);
  });
  it("requires a console token when bound beyond loopback, and never echoes a token", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrow(/MEDIAOPS_CONSOLE_TOKEN is required/);
    expect(loadConfig({ HOST: "0.0.0.0", MEDIAOPS_CONSOLE_TOKEN: "a-long-enough-secret" }).HOST).toBe("0.0.0.0");
    let message = "";
    try {
      loadConfig({ MEDIAOPS_CONSOLE_TOKEN: "short" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Configuration error: MEDIAOPS_CONSOLE_TOKEN/);
    expect(message).not.toContain("short\"");
  });
});
