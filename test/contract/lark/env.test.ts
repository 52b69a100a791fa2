// The FEISHU_* section of the environment: optional, all-or-nothing, one line naming the variable.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/env.js";
import { larkConfig } from "../../../src/config/lark-env.js";

const full = { FEISHU_APP_ID: "cli_a1b2c3d4e5f60718", FEISHU_APP_SECRET: "s3cret", FEISHU_VERIFICATION_TOKEN: "vtoken" };

describe("Feishu/Lark configuration", () => {
  it("is off when no FEISHU_* variable is set", () => {
    expect(larkConfig(loadConfig({}))).toBeUndefined();
  });

  it("defaults to the feishu domain and webhook mode", () => {
    expect(larkConfig(loadConfig(full))).toEqual({ appId: full.FEISHU_APP_ID, appSecret: "s3cret", verificationToken: "vtoken", encryptKey: undefined, domain: "feishu", mode: "webhook" });
    expect(larkConfig(loadConfig({ ...full, FEISHU_DOMAIN: "http://127.0.0.1:9", FEISHU_MODE: "ws", FEISHU_ENCRYPT_KEY: "k" }))).toMatchObject({ domain: "http://127.0.0.1:9", mode: "ws", encryptKey: "k" });
  });

  it("names the missing variable when the section is incomplete", () => {
    expect(() => loadConfig({ FEISHU_APP_ID: full.FEISHU_APP_ID })).toThrow(
      "Configuration error: FEISHU_APP_SECRET is required when FEISHU_APP_ID is set (Feishu/Lark needs FEISHU_APP_ID, FEISHU_APP_SECRET, FEISHU_VERIFICATION_TOKEN)",
    );
    expect(() => loadConfig({ ...full, FEISHU_VERIFICATION_TOKEN: undefined })).toThrow(/^Configuration error: FEISHU_VERIFICATION_TOKEN is required/);
    expect(() => loadConfig({ FEISHU_ENCRYPT_KEY: "k" })).toThrow("Configuration error: FEISHU_APP_ID is required when FEISHU_ENCRYPT_KEY is set");
  });

  it("refuses bad values without echoing secrets", () => {
    expect(() => loadConfig({ ...full, FEISHU_DOMAIN: "open.feishu.cn" })).toThrow(/^Configuration error: FEISHU_DOMAIN must be "feishu", "lark" or a base URL/);
    expect(() => loadConfig({ ...full, FEISHU_MODE: "socket" })).toThrow(/^Configuration error: FEISHU_MODE /);
    expect(() => loadConfig({ ...full, FEISHU_MODE: "ws", FEISHU_APP_ID: "cli_123" })).toThrow(/FEISHU_APP_ID must be "cli_" and 16 hex digits for FEISHU_MODE=ws/);
  });
});
